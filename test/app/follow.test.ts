// Following people through the command router: speakers resolved across articles, /quotes with outlets and
// dates, the digest's "Said since the last digest" section, alerts within the hourly cap, and closest names
// for a name that fits nobody or several.
import { beforeEach, describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/app/commands';
import { ALERTS_PER_HOUR, buildQuoteAlerts } from '../../src/app/follows';
import { storeArticleQuotes } from '../../src/app/people';
import { drainOutbox } from '../../src/app/deliver';
import { toPlainText } from '../../src/core/document';
import type { Article, ChatTarget, Quote } from '../../src/core/model';
import type { Source } from '../../src/core/ports';
import { type World, world } from './helpers';

const noSource: Source = { read: async () => ({ ok: false, error: new Error('offline') as never }) };

describe('following people', () => {
  let w: World;
  let chat: ChatTarget;
  let ask: (text: string) => Promise<{ text: string; ephemeral: boolean }>;
  const quoted = async (quotes: Quote[], patch: Partial<Article> = {}) => {
    const a = await w.article({ title: `Story ${Math.random().toString(36).slice(2, 8)}`, quotes, text: patch.text ?? quotes.map((q) => `“${q.text}” said ${q.speaker}.`).join(' '), ...patch });
    await storeArticleQuotes(w.store, a);
    return a;
  };

  beforeEach(async () => {
    w = await world('2026-03-02T06:00:00.000Z');
    const sub = await w.subscribe({ time: '08:00', timezone: 'UTC', sendEmpty: false });
    chat = sub.target;
    const handler = createCommandHandler({ store: w.store, source: noSource, clock: w.clock, log: w.log, defaults: { time: '08:00', timezone: 'UTC', maxStories: 5, quotes: true, sendEmpty: true } });
    ask = async (line) => {
      const [name = '', ...rest] = line.slice(1).split(' ');
      const r = await handler({ target: chat, chatKind: 'private', isAdmin: true, name, args: rest.join(' ') });
      return { text: toPlainText(r.doc), ephemeral: r.ephemeral ?? false };
    };
    await quoted([{ text: 'We will not back down from our allies.', speaker: 'Secretary of State Marco Rubio', cue: 'said' }], { sourceName: 'A News' });
    await quoted([{ text: 'The talks went well.', speaker: 'Rubio', cue: 'said' }], { text: 'Marco Rubio met the envoy. “The talks went well,” Rubio said.' });
    await quoted([{ text: 'Prices will fall.', speaker: 'Rubio', cue: 'said' }], { text: 'The economist Luis Rubio spoke. “Prices will fall,” Rubio said.' });
  });

  it('/quotes resolves a surname and a typo to one person, and lists their quotes with outlet and date', async () => {
    const r = await ask('/quotes Marco Rubio');
    expect(r.text).toContain('Latest quotes by Marco Rubio');
    expect(r.text).toContain('“The talks went well.” — Marco Rubio');
    expect(r.text).toContain('“We will not back down from our allies.” — Marco Rubio');
    expect(r.text).toMatch(/2 Mar 2026 — A News/);
    expect(r.text).not.toContain('Prices will fall');
    expect((await ask('/quotes Marco Rubbio')).text).toContain('Latest quotes by Marco Rubio');
  });

  it('an ambiguous or unknown name gets the closest names and changes nothing', async () => {
    const ambiguous = await ask('/follow Rubio');
    expect(ambiguous.ephemeral).toBe(true);
    expect(ambiguous.text).toMatch(/Did you mean (Marco Rubio or Luis Rubio|Luis Rubio or Marco Rubio)\?/);
    const unknown = await ask('/quotes Rubiu');
    expect(unknown.text).toMatch(/Did you mean .*Rubio/);
    expect((await ask('/quotes Zzyzx Qwerty')).text).toMatch(/Nobody quoted as “Zzyzx Qwerty” yet/);
    expect(await w.store.listFollows(chat)).toEqual([]);
  });

  it('/follow puts new quotes in the digest, folded across outlets; /following lists; /unfollow stops', async () => {
    expect((await ask('/follow marco rubio')).text).toContain('Following Marco Rubio');
    expect((await ask('/following')).text).toContain('Marco Rubio');
    w.clock.advanceMinutes(30);
    await quoted([{ text: 'Our door remains open.', speaker: 'Sen. Rubio', cue: 'said' }], { sourceName: 'A News', url: 'https://a.example/door' });
    w.clock.advanceMinutes(1);
    await quoted([{ text: 'Our door remains open!', speaker: 'Marco Rubio', cue: 'said' }], { sourceName: 'B Times', url: 'https://b.example/door' });
    await quoted([{ text: 'Prices will rise.', speaker: 'Luis Rubio', cue: 'said' }]);
    await w.runUntil('2026-03-02T08:05:00.000Z');
    const [, digest = ''] = w.sink.to(chat.chatId).join('\n').split('Said since the last digest');
    expect(digest.match(/Our door remains open/g)).toHaveLength(1);
    expect(digest).toMatch(/A News \(https:\/\/a\.example\/door\) · B Times \(https:\/\/b\.example\/door\)/);
    expect(digest).not.toContain('Prices will rise');
    // The quotes from before the follow were covered by the first digest: not again.
    expect((await ask('/unfollow Rubio')).text).toContain('Unfollowed Marco Rubio');
    expect((await ask('/unfollow Rubio')).text).toContain('does not follow');
    expect((await ask('/following')).text).toContain('follows nobody');
  });

  it('/follow NAME now sends each new quote once, at most a few alerts an hour, then stops on /unfollow', async () => {
    await ask('/follow Marco Rubio now');
    const deliver = () => drainOutbox({ store: w.store, clock: w.clock, log: w.log, sinks: new Map([['test', w.sink]]) });
    const alerts = () => w.sink.to(chat.chatId).filter((t) => t.startsWith('New quote'));
    for (let i = 0; i < ALERTS_PER_HOUR + 2; i++) {
      w.clock.advanceMinutes(1);
      await quoted([{ text: `Statement ${i} on the talks.`, speaker: 'Marco Rubio', cue: 'said' }]);
      w.clock.advanceMinutes(3); // past the settling margin
      await buildQuoteAlerts({ store: w.store, clock: w.clock, log: w.log });
      await buildQuoteAlerts({ store: w.store, clock: w.clock, log: w.log }); // a second process, or the next tick
      await deliver();
    }
    expect(alerts()).toHaveLength(ALERTS_PER_HOUR);
    expect(alerts()[0]).toContain('“Statement 0 on the talks.” — Marco Rubio');
    // An hour on, the held-back quotes come in one alert.
    w.clock.advanceMinutes(60);
    await buildQuoteAlerts({ store: w.store, clock: w.clock, log: w.log });
    await deliver();
    expect(alerts()).toHaveLength(ALERTS_PER_HOUR + 1);
    expect(alerts().at(-1)).toMatch(/Statement 4[\s\S]*Statement 5|Statement 5[\s\S]*Statement 4/);
    await ask('/unfollow Marco Rubio');
    w.clock.advanceMinutes(1);
    await quoted([{ text: 'One more thing.', speaker: 'Marco Rubio', cue: 'said' }]);
    w.clock.advanceMinutes(5);
    await buildQuoteAlerts({ store: w.store, clock: w.clock, log: w.log });
    await deliver();
    expect(alerts()).toHaveLength(ALERTS_PER_HOUR + 1);
  });
});
