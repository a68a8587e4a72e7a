// What Telegram may answer, and what the queue and the outbox make of it: nothing lost, nothing sent twice.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPending } from '../../../src/app/deliver';
import { deliveryDocument } from '../../../src/core/digest/document';
import type { ChatTarget, Digest, DigestEntry, OutboxRow, Subscription } from '../../../src/core/model';
import { renderDocument } from '../../../src/adapters/telegram/render';
import { TelegramSink } from '../../../src/adapters/telegram/sink';
import { type Timer, realTimer } from '../../../src/adapters/telegram/limiter';
import { type Harness, TEST_SENDER, TOKEN, startHarness } from './harness';

/** Real time for the short waits; a wait of a second or more (a retry_after) lasts until the test lets it go. */
class HeldWaits implements Timer {
  private readonly held: { ms: number; go: () => void }[] = [];
  private readonly asked: ((ms: number) => void)[] = [];
  now = (): number => realTimer.now();
  sleep = (ms: number): Promise<void> => {
    if (ms < 1000) return realTimer.sleep(ms);
    return new Promise((go) => {
      this.held.push({ ms, go });
      for (const tell of this.asked.splice(0)) tell(ms);
    });
  };
  /** Resolves with the length of the next long wait the sender starts (or one already started). */
  next(): Promise<number> {
    const waiting = this.held[0];
    return waiting ? Promise.resolve(waiting.ms) : new Promise((tell) => this.asked.push(tell));
  }
  releaseAll(): void {
    for (const { go } of this.held.splice(0)) go();
  }
}

const entry = (i: number, words = 20): DigestEntry => ({
  storyId: `s${i}`,
  headline: `Story ${i} <with> “marks” & more`,
  url: `https://news.example/${i}?a=1&b=2`,
  publishedAt: '2026-03-01T10:00:00Z',
  summary: [`Sentence ${i}: ${'word '.repeat(words).trim()}.`],
  quote: { text: `Quote ${i} & <b>not bold</b>`, speaker: 'Jane Roe', cue: 'said' },
  sources: [{ name: 'Example News', url: `https://news.example/${i}` }],
  excerptOnly: false,
});
const digestOf = (entries: DigestEntry[]): Digest => ({ timezone: 'UTC', since: '2026-03-01T00:00:00Z', until: '2026-03-02T00:00:00Z', generatedAt: '2026-03-02T00:00:00Z', entries });
const target = (chatId: number): ChatTarget => ({ platform: 'telegram', chatId: String(chatId), threadId: null });

describe('sending through faults', () => {
  let h: Harness;
  const waits = new HeldWaits();
  let nextChat = 9000;
  const chat = (type: 'private' | 'supergroup' | 'group' = 'private') => h.api.addChat({ id: type === 'private' ? ++nextChat : -(++nextChat), type, title: 'chat' }).id;
  const send = (chatId: number, entries = [entry(1)]) => h.telegram.adapter.sink.send(target(chatId), deliveryDocument(digestOf(entries)));

  async function enqueue(chatId: number, entries = [entry(1)]): Promise<Subscription> {
    const sub: Subscription = { id: randomUUID(), target: target(chatId), time: '08:00', timezone: 'UTC', topics: [], maxStories: 5, quotes: true, sendEmpty: true, active: true, coveredUntil: null, createdAt: new Date().toISOString() };
    await h.t.store.saveSubscription(sub);
    const row: OutboxRow = { id: randomUUID(), subscriptionId: sub.id, periodKey: '2026-03-02', target: sub.target, digest: digestOf(entries), status: 'pending', attempts: 0, availableAt: new Date(0).toISOString(), messageIds: [], lastError: null, createdAt: new Date().toISOString(), sentAt: null };
    await h.t.store.enqueueDigest(row, null);
    return sub;
  }
  const deliver = () => deliverPending({ store: h.t.store, sinks: h.t.sinks, clock: h.t.clock, log: h.t.log });

  beforeAll(async () => {
    h = await startHarness({ sender: { ...TEST_SENDER, timer: waits } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a 429 waits retry_after and sends the same message again, holding only that chat', async () => {
    const slow = chat();
    const other = chat();
    h.api.faultNext(slow, { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    const slowSent = send(slow);
    // The slow chat waits the second Telegram asked for; while it waits, the other chat's message goes.
    expect(await waits.next()).toBe(1000);
    expect((await send(other)).kind).toBe('sent');
    expect([h.api.sentTo(other).length, h.api.sentTo(slow).length]).toEqual([1, 0]);
    waits.releaseAll();
    expect((await slowSent).kind).toBe('sent');
    expect(h.api.sentTo(slow)).toHaveLength(1);
  });

  it('5xx and dropped connections are retried with backoff; one message arrives', async () => {
    const c = chat();
    h.api.faultNext(c, { error_code: 502, description: 'Bad Gateway' });
    h.api.faultNext(c, 'drop');
    expect((await send(c)).kind).toBe('sent');
    expect(h.api.sentTo(c)).toHaveLength(1);
  });

  it('a request that gets no answer is abandoned after its timeout and tried again', async () => {
    const c = chat();
    h.api.faultNext(c, 'hang');
    expect((await send(c)).kind).toBe('sent');
    expect(h.api.sentTo(c)).toHaveLength(1);
  });

  it('errors that outlast the backoff leave the row for later, and nothing is lost', async () => {
    const c = chat();
    const sub = await enqueue(c);
    h.api.faultNext(c, { error_code: 500, description: 'Internal Server Error' }, 4);
    expect(await deliver()).toMatchObject({ retried: 1, sent: 0 });
    const [row] = await h.t.store.listDeliveries(sub.id);
    expect(row).toMatchObject({ status: 'pending', lastError: 'Internal Server Error' });
  });

  it('a multi-part digest interrupted half-way resends only the parts not yet sent, even from a new process', async () => {
    const c = chat();
    const long = Array.from({ length: 6 }, (_, i) => entry(i, 300));
    expect(renderDocument(deliveryDocument(digestOf(long))).length).toBeGreaterThanOrEqual(3);
    h.api.faultNext(c, 'pass', 2);
    h.api.faultNext(c, { error_code: 500, description: 'Internal Server Error' }, 4);
    const sub = await enqueue(c, long);
    expect(await deliver()).toMatchObject({ retried: 1, sent: 0 });
    expect(h.api.sentTo(c)).toHaveLength(2);
    // The parts that went out are in the row, not in this process's memory.
    const [half] = await h.t.store.listDeliveries(sub.id);
    expect(half?.messageIds).toEqual(h.api.sentTo(c).map((m) => String(m.message_id)));
    await h.t.store.retryDelivery(half!.id, new Date(0).toISOString(), 'retry now');
    // Another process's sink: nothing remembered but the row.
    const fresh = new TelegramSink(h.telegram.adapter.sender);
    expect(await deliverPending({ store: h.t.store, sinks: new Map([['telegram', fresh]]), clock: h.t.clock, log: h.t.log })).toMatchObject({ sent: 1 });
    const got = h.api.sentTo(c);
    expect(new Set(got.map((m) => m.text)).size).toBe(got.length);
    expect((await h.t.store.listDeliveries(sub.id))[0]?.messageIds).toEqual(got.map((m) => String(m.message_id)));
    // Every story is in exactly one message, whole.
    for (let i = 0; i < 6; i++) expect(got.filter((m) => m.visible.includes(`Story ${i} <with>`) && m.visible.includes(`Quote ${i} & <b>not bold</b>`))).toHaveLength(1);
  });

  it('stops sending the parts of a digest whose lease ran out to another worker', async () => {
    const c = chat();
    const long = Array.from({ length: 6 }, (_, i) => entry(i, 300));
    const sub = await enqueue(c, long);
    const [row] = await h.t.store.claimDeliveries(new Date().toISOString(), 1, 60_000);
    expect(row?.subscriptionId).toBe(sub.id);
    // Another worker took the row over: the lease this sender holds is not the row's any more.
    const progress = { sent: [], record: (ids: string[]) => h.t.store.recordDeliveryParts(row!.id, new Date(0).toISOString(), ids) };
    const outcome = await h.telegram.adapter.sink.send(target(c), deliveryDocument(row!.digest), progress);
    expect(outcome.kind).toBe('retry');
    expect(h.api.sentTo(c)).toHaveLength(1);
  });

  it('a blocked bot (403) ends the subscription, logged once', async () => {
    const c = chat();
    h.api.chats.get(c)!.blocked = true;
    const sub = await enqueue(c);
    expect(await deliver()).toMatchObject({ dropped: 1 });
    expect((await h.t.store.getSubscriptionById(sub.id))?.active).toBe(false);
    expect((await h.t.store.listDeliveries(sub.id))[0]?.status).toBe('dropped');
    expect((await send(c)).kind).toBe('gone');
    expect(h.logs.filter((l) => l.includes('telegram chat unreachable') && l.includes(String(c)))).toHaveLength(1);
  });

  it('a chat that does not exist ends its subscription too', async () => {
    const sub = await enqueue(123123123);
    expect(await deliver()).toMatchObject({ dropped: 1 });
    expect((await h.t.store.getSubscriptionById(sub.id))?.active).toBe(false);
  });

  it('a group that became a supergroup: the subscription moves and the digest is resent there', async () => {
    const old = chat('group');
    const moved = chat('supergroup');
    h.api.chats.get(old)!.migratedTo = moved;
    const sub = await enqueue(old);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(h.api.sentTo(moved)).toHaveLength(1);
    expect((await h.t.store.getSubscriptionById(sub.id))?.target.chatId).toBe(String(moved));
  });

  it('HTML Telegram cannot parse is sent once more as plain text', async () => {
    const c = chat();
    h.api.faultNext(c, { error_code: 400, description: 'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 3' });
    expect((await send(c)).kind).toBe('sent');
    const [m] = h.api.sentTo(c);
    expect(m?.parse_mode).toBeNull();
    expect(m?.text).toContain('Story 1 <with> “marks” & more');
  });

  it('no log line holds the token, even for dropped connections', async () => {
    const c = chat();
    h.api.faultNext(c, 'drop');
    expect((await send(c)).kind).toBe('sent');
    expect(h.logs.some((l) => l.includes('telegram send failed'))).toBe(true);
    expect(h.logs.join('\n')).not.toContain(TOKEN.split(':')[1]);
  });
});
