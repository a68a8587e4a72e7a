// Groups (admins and everyone else), forum topics, and channels managed from a private chat.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverPending } from '../../../src/app/deliver';
import { buildDueDigests } from '../../../src/app/digests';
import type { Clock } from '../../../src/core/ports';
import { type Harness, startHarness } from './harness';

const ADMIN = { id: 601, first_name: 'Ada' };
const MEMBER = { id: 602, first_name: 'Bo' };
const GROUP = -1001234500001;
const FORUM = -1001234500002;
const TOPIC = 42;
const CHANNEL = -1001234500003;

/** A clock the test moves: digests fall due when it says so. */
const clock = { at: new Date('2026-03-02T06:00:00Z'), now() { return this.at; } } satisfies Clock & { at: Date };

describe('groups, topics and channels', () => {
  // A fresh world per test (runtime, fake Bot API, chats, clock), so no test leans on what another did.
  let h: Harness;
  beforeEach(async () => {
    clock.at = new Date('2026-03-02T06:00:00Z');
    h = await startHarness({ clock });
    h.api.addChat({ id: GROUP, type: 'supergroup', title: 'Book club', members: { [ADMIN.id]: 'creator', [MEMBER.id]: 'member' } });
    h.api.addChat({ id: FORUM, type: 'supergroup', title: 'Newsroom', is_forum: true, topics: [TOPIC], members: { [ADMIN.id]: 'administrator' } });
    h.api.addChat({ id: CHANNEL, type: 'channel', title: 'Morning News', username: 'morning_news', botCanPost: true, members: { [ADMIN.id]: 'administrator', [MEMBER.id]: 'member' } });
    h.api.addChat({ id: ADMIN.id, type: 'private' });
    h.api.addChat({ id: MEMBER.id, type: 'private' });
  });
  afterEach(async () => {
    await h?.close();
  });

  it('a member who is not an admin gets a polite refusal and nothing changes', async () => {
    const reply = await h.ask(GROUP, MEMBER, '/subscribe 09:00');
    expect(reply.visible).toContain('Only the chat’s admins can change');
    expect(h.api.calls.some((c) => c.method === 'getChatMember' && c.payload.user_id === MEMBER.id)).toBe(true);
    expect(await h.t.store.getSubscription({ platform: 'telegram', chatId: String(GROUP) })).toBeNull();
  });

  it('anyone may read: /settings, /feeds and /topics without words need no admin', async () => {
    const reply = await h.ask(GROUP, MEMBER, '/settings');
    expect(reply.visible).toContain('Daily digest: off');
    const asked = h.api.calls.filter((c) => c.method === 'getChatMember').length;
    const topics = (await h.ask(GROUP, MEMBER, '/topics')).visible;
    expect(topics).toContain('Topics: all stories');
    expect(topics).toContain('Set them with /topics energy, elections… or clear them with /topics off.');
    expect((await h.ask(GROUP, MEMBER, '/feeds')).visible).toContain('no feeds of its own');
    // Looking costs no call to Telegram: only a change asks who the sender is.
    expect(h.api.calls.filter((c) => c.method === 'getChatMember').length).toBe(asked);
    expect((await h.ask(GROUP, MEMBER, '/topics cats')).visible).toContain('Only the chat’s admins can change');
  });

  it('an admin changes the group’s settings', async () => {
    const reply = await h.ask(GROUP, ADMIN, '/subscribe 09:00');
    expect(reply.visible).toContain('Subscribed: a daily digest here at 09:00');
    expect(await h.t.store.getSubscription({ platform: 'telegram', chatId: String(GROUP) })).toMatchObject({ active: true, time: '09:00' });
  });

  it('an anonymous admin (posting as the group) is an admin', async () => {
    const reply = await h.ask(GROUP, MEMBER, '/topics books', { anonymousAdmin: true });
    expect(reply.visible).toContain('Topics set: books');
  });

  it('a command addressed to another bot is left alone; one addressed to this bot is answered', async () => {
    h.api.userSays(GROUP, ADMIN, '/help@some_other_bot');
    const reply = await h.ask(GROUP, ADMIN, `/help@${h.api.bot.username}`);
    expect(reply.visible).toContain('/subscribe');
    expect(h.api.sent.filter((m) => m.visible.includes('Every command') || m.visible.startsWith('Tidings')).length).toBe(1);
  });

  it('in a forum topic, replies and digests go to that topic', async () => {
    const reply = await h.ask(FORUM, ADMIN, '/subscribe 06:30', { threadId: TOPIC });
    expect(reply.thread_id).toBe(TOPIC);
    const sub = await h.t.store.getSubscription({ platform: 'telegram', chatId: String(FORUM), threadId: String(TOPIC) });
    expect(sub).toMatchObject({ active: true, time: '06:30', target: { threadId: String(TOPIC) } });

    clock.at = new Date('2026-03-02T06:31:00Z');
    await buildDueDigests(h.t.digestDeps);
    const report = await deliverPending({ store: h.t.store, sinks: h.t.sinks, clock, log: h.t.log });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const digest = h.api.sentTo(FORUM).filter((m) => m.reply_to === null);
    expect(digest.length).toBeGreaterThanOrEqual(1);
    expect(digest.every((m) => m.thread_id === TOPIC)).toBe(true);
  });

  it('a channel is managed from a private chat by its admin', async () => {
    const reply = await h.ask(ADMIN.id, ADMIN, '/subscribe @morning_news 07:15 Europe/Berlin');
    expect(reply.visible).toContain('Subscribed: a daily digest in @morning_news at 07:15 (Europe/Berlin)');
    expect(await h.t.store.getSubscription({ platform: 'telegram', chatId: String(CHANNEL) })).toMatchObject({ active: true, time: '07:15' });
    const settings = await h.ask(ADMIN.id, ADMIN, '/settings @morning_news');
    expect(settings.visible).toContain('at 07:15 Europe/Berlin');
    // The reply stays in the private chat; nothing is posted in the channel.
    expect(h.api.sentTo(CHANNEL)).toHaveLength(0);
  });

  it('someone who does not administer the channel cannot manage it', async () => {
    await h.ask(ADMIN.id, ADMIN, '/subscribe @morning_news 07:15 Europe/Berlin');
    const reply = await h.ask(MEMBER.id, MEMBER, '/unsubscribe @morning_news');
    expect(reply.visible).toContain('Only the admins of @morning_news');
    expect((await h.t.store.getSubscription({ platform: 'telegram', chatId: String(CHANNEL) }))?.active).toBe(true);
  });

  it('removed from a group, the bot ends the group\'s subscriptions at once, its topics\' too; added back, it says hello', async () => {
    const REMOVED = -1001234500010;
    h.api.addChat({ id: REMOVED, type: 'supergroup', title: 'Old club', is_forum: true, topics: [7], members: { [ADMIN.id]: 'creator' } });
    await h.ask(REMOVED, ADMIN, '/subscribe 08:00');
    await h.ask(REMOVED, ADMIN, '/subscribe 09:00', { threadId: 7 });
    const before = h.api.sentTo(REMOVED).length;
    h.api.botStatusChanges(REMOVED, ADMIN, 'member', 'kicked');
    const ended = async () => (await h.t.store.listSubscriptions()).filter((s) => s.target.chatId === String(REMOVED) && s.active).length;
    for (let i = 0; i < 200 && (await ended()) > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await ended()).toBe(0);
    expect(h.logs.filter((l) => l.includes('bot removed from the chat') && l.includes(String(REMOVED)))).toHaveLength(1);
    expect(h.api.sentTo(REMOVED)).toHaveLength(before);

    h.api.botStatusChanges(REMOVED, ADMIN, 'left', 'member');
    await h.api.waitFor((sent) => sent.filter((m) => m.chat_id === String(REMOVED)).length > before, 'a greeting');
    expect(h.api.sentTo(REMOVED).at(-1)?.visible).toContain('/subscribe');
  });

  it('a channel where the bot cannot post is explained', async () => {
    h.api.addChat({ id: -1001234500009, type: 'channel', title: 'Quiet', username: 'quiet_place', members: { [ADMIN.id]: 'creator' } });
    const reply = await h.ask(ADMIN.id, ADMIN, '/subscribe @quiet_place');
    expect(reply.visible).toContain('Make me an admin of @quiet_place');
    const missing = await h.ask(ADMIN.id, ADMIN, '/subscribe @nowhere_at_all');
    expect(missing.visible).toContain('I can’t see @nowhere_at_all');
  });
});
