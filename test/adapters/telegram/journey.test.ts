// A person's whole journey with the bot in a private chat, through the real telegraf client and the fake Bot API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newSubscription } from '../../../src/app/commands';
import { COMMANDS } from '../../../src/core/commands';
import type { Subscription } from '../../../src/core/model';
import type { FakeUser } from '../../fakes/telegram/server';
import { type Harness, TOKEN, startHarness } from './harness';

describe('a private chat with the bot', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  // Every test talks in a private chat of its own, so what one test saved never meets another, in any order.
  let nextId = 501;
  let ALICE: FakeUser;
  let target: { platform: string; chatId: string; threadId: null };
  beforeEach(() => {
    ALICE = { id: nextId++, first_name: 'Alice', username: 'alice' };
    target = { platform: 'telegram', chatId: String(ALICE.id), threadId: null };
    h.api.addChat({ id: ALICE.id, type: 'private' });
  });
  /** This chat's subscription, as the test needs it to be before its commands. */
  const given = async (patch: Partial<Subscription>) => {
    await h.t.store.saveSubscription({ ...newSubscription(target, h.t.subscriptionDefaults, '2026-05-04T00:00:00.000Z'), ...patch });
  };

  it('registers its commands with setMyCommands', () => {
    const call = h.api.calls.find((c) => c.method === 'setMyCommands');
    expect((call?.payload.commands as { command: string }[]).map((c) => c.command)).toEqual(COMMANDS.map((c) => c.name));
  });

  it('/start greets, explains and offers to subscribe, as a reply to the command', async () => {
    const reply = await h.ask(ALICE.id, ALICE, '/start');
    expect(reply.visible).toMatch(/^Hi!/);
    expect(reply.visible).toContain('/subscribe');
    expect(reply.visible.split('\n').filter(Boolean)).toHaveLength(3);
    expect(reply.parse_mode).toBe('HTML');
    expect(reply.preview).toEqual({ is_disabled: true });
  });

  it('/subscribe starts a daily digest at the default time', async () => {
    const reply = await h.ask(ALICE.id, ALICE, '/subscribe');
    expect(reply.visible).toContain('Subscribed: a daily digest here at 08:00 (UTC)');
    expect(await h.t.store.getSubscription(target)).toMatchObject({ active: true, time: '08:00', timezone: 'UTC' });
  });

  it('a wrong /timezone is explained and changes nothing; a right one is saved', async () => {
    await given({ active: true, time: '08:00', timezone: 'UTC' });
    const wrong = await h.ask(ALICE.id, ALICE, '/timezone Mars/Olympus_Mons');
    expect(wrong.visible).toMatch(/time zone/i);
    expect((await h.t.store.getSubscription(target))?.timezone).toBe('UTC');
    const right = await h.ask(ALICE.id, ALICE, '/timezone Europe/Berlin');
    expect(right.visible).toContain('Time zone set to Europe/Berlin');
    expect((await h.t.store.getSubscription(target))?.timezone).toBe('Europe/Berlin');
  });

  it('a wrong /time is explained and changes nothing; a right one is saved', async () => {
    await given({ active: true, time: '08:00', timezone: 'Europe/Berlin' });
    const wrong = await h.ask(ALICE.id, ALICE, '/time 25:99');
    expect(wrong.visible).toMatch(/HH:MM|time/);
    expect((await h.t.store.getSubscription(target))?.time).toBe('08:00');
    const right = await h.ask(ALICE.id, ALICE, '/time 07:30');
    expect(right.visible).toContain('Digest time set to 07:30 (Europe/Berlin)');
    expect((await h.t.store.getSubscription(target))?.time).toBe('07:30');
  });

  it('/digest sends the digest now, as valid HTML with linked headlines', async () => {
    const reply = await h.ask(ALICE.id, ALICE, '/digest');
    expect(reply.visible).toMatch(/^Digest — /);
    expect(reply.text).toMatch(/<b>Digest — /);
    expect(reply.text).toContain('<b>Source:</b>');
  });

  it('/summarize URL reads the page and answers with its summary, key quote and speaker', async () => {
    const url = `${h.site.base}/article`;
    const reply = await h.ask(ALICE.id, ALICE, `/summarize ${url}`);
    expect(reply.text).toContain(`<a href="${url}"><b>Council approves transport plan &amp; night buses</b></a>`);
    expect(reply.text).toMatch(/<blockquote>“This is the biggest change to our streets in forty years,?”\n— <i>(Mayor )?Anna Kowalska<\/i><\/blockquote>/);
    // A single article is worth its preview.
    expect(reply.preview).toMatchObject({ url });
  });

  it('/summarize with a bad link says what a right one looks like', async () => {
    const reply = await h.ask(ALICE.id, ALICE, '/summarize not-a-link');
    expect(reply.visible).toContain('/summarize https://');
  });

  it('/feeds add reads the feed and adds it; /feeds lists it', async () => {
    const url = `${h.site.base}/feed.xml`;
    const added = await h.ask(ALICE.id, ALICE, `/feeds add ${url}`);
    expect(added.visible).toContain('Added Local Gazette');
    const list = await h.ask(ALICE.id, ALICE, '/feeds');
    expect(list.visible).toContain(`1. Local Gazette — ${url}`);
  });

  it('/topics sets the words a digest is about', async () => {
    const reply = await h.ask(ALICE.id, ALICE, '/topics harbour, transport');
    expect(reply.visible).toContain('Topics set: harbour, transport');
    expect((await h.t.store.getSubscription(target))?.topics).toEqual(['harbour', 'transport']);
  });

  it('an unknown command gets help', async () => {
    const reply = await h.ask(ALICE.id, ALICE, '/weather');
    expect(reply.visible).toContain('I don’t know /weather');
    expect(reply.visible).toContain('/subscribe [HH:MM] [Area/City]');
  });

  it('/unsubscribe stops the digest and keeps the settings', async () => {
    await given({ active: true, time: '07:30', timezone: 'Europe/Berlin' });
    const reply = await h.ask(ALICE.id, ALICE, '/unsubscribe');
    expect(reply.visible).toContain('Unsubscribed');
    expect(await h.t.store.getSubscription(target)).toMatchObject({ active: false, time: '07:30', timezone: 'Europe/Berlin' });
  });

  it('every reply answered its own command, and no log line holds the token', async () => {
    await h.ask(ALICE.id, ALICE, '/start');
    await h.ask(ALICE.id, ALICE, '/summarize not-a-link');
    const commands = h.api.calls.filter((c) => c.method === 'sendMessage');
    expect(commands.length).toBe(h.api.sent.length);
    expect(h.api.sent.every((m) => m.reply_to !== null)).toBe(true);
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join('\n')).not.toContain(TOKEN.split(':')[1]);
  });
});
