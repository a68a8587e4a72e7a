// In queue mode the sender takes a place in the rates shared with other processes before every request: the
// group's per-minute one for a group, and the overall one, each released once the answer is back.
import { describe, expect, it } from 'vitest';
import { TelegramSender } from '../../../src/adapters/telegram/sender';
import type { RateSlot, SharedRate } from '../../../src/core/ports';
import { MemoryLogger } from '../../fakes/logger';

class RecordingRate implements SharedRate {
  readonly events: string[] = [];
  private refusals: number;
  constructor(refusals = 0) {
    this.refusals = refusals;
  }
  async take(key: string, limit: number, windowMs: number): Promise<RateSlot | number> {
    if (this.refusals-- > 0) {
      this.events.push(`full ${key}`);
      return 1;
    }
    this.events.push(`take ${key} ${limit}/${windowMs}`);
    return { release: async () => void this.events.push(`release ${key}`) };
  }
  async close(): Promise<void> {}
}

describe('TelegramSender with a shared rate', () => {
  it('takes the group and overall places around each request, and waits while the rate is full', async () => {
    const rate = new RecordingRate(1);
    const calls: string[] = [];
    const sender = new TelegramSender(
      async (payload) => {
        calls.push(String(payload.chat_id));
        rate.events.push(`request ${String(payload.chat_id)}`);
        return { message_id: calls.length };
      },
      new MemoryLogger(),
      { sharedRate: rate, limits: { globalPerSecond: 25, perGroupPerMinute: 20 } },
    );
    expect(await sender.send({ chatId: '-1001', html: 'hi' })).toEqual({ kind: 'sent', messageId: '1' });
    expect(await sender.send({ chatId: '42', html: 'hi' })).toEqual({ kind: 'sent', messageId: '2' });
    expect(rate.events).toEqual([
      'full telegram:group:-1001',
      'take telegram:group:-1001 20/60005',
      'take telegram:global 25/1005',
      'request -1001',
      'release telegram:group:-1001',
      'release telegram:global',
      'take telegram:global 25/1005',
      'request 42',
      'release telegram:global',
    ]);
  });
});
