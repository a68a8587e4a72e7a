// The real discord.js client against the fake Discord: what an admin, a member and a careless typist see.
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FEED_URL, type Harness, SPEAKERS, limitViolations, startHarness, story } from './harness';
import { MANAGE_GUILD, type Invocation, invoke } from '../../fakes/discord/interactions';
import type { RecordedRequest } from '../../fakes/discord/server';
import { COMMANDS } from '../../../src/core/commands';

// Every test acts in channels of its own, so what one test saved never meets another, in any order.
let nextChannel = 510000000000000001n;
let channel: string;
let otherChannel: string;
beforeEach(() => {
  channel = String(nextChannel++);
  otherChannel = String(nextChannel++);
});
const EPHEMERAL = 64;

interface Body {
  type?: number;
  data?: { content?: string; embeds?: APIEmbed[]; flags?: number; allowed_mentions?: unknown; choices?: { name: string; value: string }[] };
  content?: string;
  embeds?: APIEmbed[];
  flags?: number;
  allowed_mentions?: unknown;
}

/** What one interaction produced, once its answer is complete. */
interface Outcome {
  callback: Body;
  traffic: RecordedRequest[];
  /** The message bodies a person sees, in order (the callback's, edits, follow-ups). */
  messages: Body[];
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ items: Array.from({ length: 12 }, (_, i) => story(i + 1, 420)), maxStories: 10 });
});
afterAll(async () => h?.close());

/** An interaction in the test's own channel unless it names another. */
type Draft = Omit<Invocation, 'channelId'> & { channelId?: string };
const inChannel = (inv: Draft): Invocation => ({ ...inv, channelId: inv.channelId ?? channel });
const admin = (inv: Draft): Draft => ({ permissions: MANAGE_GUILD | (1n << 11n), ...inv });
const member = (inv: Draft): Draft => ({ permissions: 1n << 11n, ...inv });

/**
 * Sends an interaction and waits until its answer is complete: an immediate reply, or a deferral followed by
 * `finalSteps` more requests (an edit; or a deletion and a private follow-up; plus any follow-ups).
 */
async function run(inv: Draft, finished: (traffic: RecordedRequest[]) => boolean = (t) => t.length >= 1): Promise<Outcome> {
  const { token } = invoke(h.discord, inChannel(inv));
  const traffic = await h.discord.waitFor(() => {
    const t = h.discord.interactionTraffic(token);
    const cb = t[0]?.body as Body | undefined;
    if (!cb) return null;
    if (cb.type === 5) return finished(t) && t.length >= 2 ? t : null;
    return finished(t) ? t : null;
  });
  const callback = traffic[0]!.body as Body;
  const messages: Body[] = [];
  if (callback.type === 4) messages.push(callback.data as Body);
  for (const r of traffic.slice(1)) if (r.method !== 'DELETE') messages.push(r.body as Body);
  return { callback, traffic, messages };
}

const textOf = (o: Outcome) => o.messages.map((m) => [m.content ?? '', ...(m.embeds ?? []).map((e) => `${e.title ?? ''} ${e.description ?? ''}`)].join(' ')).join('\n');
const isEphemeral = (m: Body) => ((m.flags ?? 0) & EPHEMERAL) === EPHEMERAL;

/** What a test needs done in its channel first, through the same commands an admin sends. */
async function given(...steps: ('subscribed at 07:30 Berlin' | 'the feed added')[]): Promise<void> {
  for (const step of steps) {
    const o =
      step === 'the feed added'
        ? await run(admin({ name: 'feeds', subcommand: 'add', options: { url: FEED_URL } }))
        : await run(admin({ name: 'subscribe', options: { time: '07:30', timezone: 'Europe/Berlin' } }));
    expect(textOf(o)).toMatch(/Added|Subscribed/);
  }
}

describe('an admin’s journey', () => {
  it('subscribes the channel with a time and a time zone', async () => {
    const o = await run(admin({ name: 'subscribe', options: { time: '07:30', timezone: 'Europe/Berlin' } }));
    expect(o.callback.type).toBe(4);
    expect(isEphemeral(o.messages[0]!)).toBe(false);
    expect(textOf(o)).toContain('Subscribed: a daily digest here at 07:30 (Europe/Berlin)');
    expect(o.messages[0]!.allowed_mentions).toEqual({ parse: [] });
    const sub = await h.store.getSubscription({ platform: 'discord', chatId: channel });
    expect(sub).toMatchObject({ active: true, time: '07:30', timezone: 'Europe/Berlin' });
  });

  it('completes time zones as they are typed', async () => {
    const { token } = invoke(h.discord, inChannel(admin({ name: 'subscribe', options: { timezone: 'berl' }, focused: 'timezone' })), 'autocomplete');
    const cb = await h.discord.waitFor(() => h.discord.interactionTraffic(token)[0]);
    const body = cb.body as Body;
    expect(body.type).toBe(8);
    expect(body.data!.choices!.map((c) => c.value)).toContain('Europe/Berlin');
    expect(body.data!.choices!.length).toBeLessThanOrEqual(25);
  });

  it('adds a feed: deferred at once, finished with an edit', async () => {
    const o = await run(admin({ name: 'feeds', subcommand: 'add', options: { url: FEED_URL } }));
    expect(o.callback.type).toBe(5);
    expect(o.traffic[1]).toMatchObject({ method: 'PATCH', path: expect.stringMatching(/\/messages\/@original$/) as unknown });
    expect(textOf(o)).toContain('Added News Example');
    expect((await h.store.listFeeds({ platform: 'discord', chatId: channel })).map((f) => f.url)).toEqual([FEED_URL]);
  });

  it('lists the channel’s feeds', async () => {
    await given('the feed added');
    const o = await run(admin({ name: 'feeds', subcommand: 'list' }));
    expect(o.callback.type).toBe(4);
    expect(textOf(o)).toContain('news.example/feed.xml');
  });

  it('shows a digest that needs splitting, in order, within every limit', async () => {
    await given('subscribed at 07:30 Berlin', 'the feed added');
    const o = await run(admin({ name: 'digest' }), (t) => {
      const embeds = t.slice(1).flatMap((r) => (r.body as Body | null)?.embeds ?? []);
      return embeds.length >= 10;
    });
    expect(o.callback.type).toBe(5);
    expect(o.traffic[1]!.method).toBe('PATCH');
    expect(o.traffic.slice(2).every((r) => r.method === 'POST' && /\/webhooks\/\d+\/[^/]+$/.test(r.path))).toBe(true);
    expect(o.messages.length).toBeGreaterThan(1);
    for (const m of o.messages) {
      expect(limitViolations(m)).toEqual([]);
      expect(m.allowed_mentions).toEqual({ parse: [] });
    }
    const embeds = o.messages.flatMap((m) => m.embeds ?? []);
    expect(embeds.map((e) => e.title?.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const first = embeds[0]!;
    expect(first.url).toMatch(/^https:\/\/news\.example\/story-\d+$/);
    expect(first.description).toMatch(/> “We will finish the \w+ by spring and not a day later,?”\n> — \*\*\w+ \w+\*\*/);
    expect(first.fields?.[0]).toMatchObject({ name: 'Source', value: expect.stringContaining('News Example') as unknown });
    // Markdown in article text is escaped, not rendered.
    expect(first.title).toContain('\\*stars\\*');
    expect(o.messages[0]!.content).toMatch(/^\*\*Digest — /);
  });

  it('summarizes a link as a card', async () => {
    const o = await run(admin({ name: 'summarize', options: { url: 'https://news.example/story-3' } }));
    expect(o.callback.type).toBe(5);
    const embed = o.messages[0]!.embeds![0]!;
    expect(embed.url).toBe('https://news.example/story-3');
    expect(embed.description).toContain(`— **${SPEAKERS[3]}**`);
  });

  it('sets topics and shows them in the settings', async () => {
    await given('subscribed at 07:30 Berlin');
    const set = await run(admin({ name: 'topics', options: { words: 'bridge, energy' } }));
    expect(textOf(set)).toContain('Topics set: bridge, energy');
    const shown = await run(admin({ name: 'settings' }));
    expect(textOf(shown)).toContain('Daily digest: on, at 07:30 Europe/Berlin');
    expect(textOf(shown)).toContain('Topics: bridge, energy');
    // Without words it shows them, and says how to set them the Discord way (an option, not words after it).
    const viewed = await run(admin({ name: 'topics', options: {} }));
    expect(textOf(viewed)).toContain('Topics: bridge, energy.');
    expect(textOf(viewed)).toContain('Set them with /topics with words: energy, elections');
  });

  it('subscribes another channel named in the command, then unsubscribes it', async () => {
    await given('subscribed at 07:30 Berlin');
    const on = await run(admin({ name: 'subscribe', options: { channel: otherChannel } }));
    expect(on.messages[0]!.content).toMatch(new RegExp(`^Channel <#${otherChannel}>:\nSubscribed`));
    expect(await h.store.getSubscription({ platform: 'discord', chatId: otherChannel })).toMatchObject({ active: true, time: '08:00', timezone: 'UTC' });
    const off = await run(admin({ name: 'unsubscribe', options: { channel: otherChannel } }));
    expect(textOf(off)).toContain('Unsubscribed');
    expect(await h.store.getSubscription({ platform: 'discord', chatId: otherChannel })).toMatchObject({ active: false });
    expect(await h.store.getSubscription({ platform: 'discord', chatId: channel })).toMatchObject({ active: true });
  });

  it('removes the feed by its number', async () => {
    await given('the feed added');
    const o = await run(admin({ name: 'feeds', subcommand: 'remove', options: { feed: '1' } }));
    expect(textOf(o)).toContain('Removed News Example');
    expect(await h.store.listFeeds({ platform: 'discord', chatId: channel })).toEqual([]);
  });
});

describe('a member without Manage Server', () => {
  it('is refused privately and nothing changes', async () => {
    const before = await h.store.getSubscription({ platform: 'discord', chatId: channel });
    for (const inv of [
      member({ name: 'subscribe', options: { time: '06:00' } }),
      member({ name: 'unsubscribe' }),
      member({ name: 'topics', options: { words: 'cats' } }),
      member({ name: 'feeds', subcommand: 'add', options: { url: FEED_URL } }),
    ]) {
      const o = await run(inv);
      expect(o.callback.type).toBe(4);
      expect(isEphemeral(o.messages[0]!)).toBe(true);
      expect(textOf(o)).toContain('Manage Server');
    }
    expect(await h.store.getSubscription({ platform: 'discord', chatId: channel })).toEqual(before);
    expect(await h.store.listFeeds({ platform: 'discord', chatId: channel })).toEqual([]);
  });

  it('may still read the settings and topics, and get help in Discord’s syntax from the one command table', async () => {
    expect(isEphemeral((await run(member({ name: 'settings' }))).messages[0]!)).toBe(false);
    const topics = await run(member({ name: 'topics' }));
    expect(isEphemeral(topics.messages[0]!)).toBe(false);
    expect(textOf(topics)).toContain('Topics:');
    const help = textOf(await run(member({ name: 'help' }))).replace(/\\/g, ''); // Markdown escapes
    for (const c of COMMANDS.filter((c) => c.optionsUsage !== null)) expect(help).toContain(`/${c.name}${c.optionsUsage ? ` ${c.optionsUsage}` : ''}`);
    expect(help).not.toContain('/timezone'); // Telegram's own commands are not offered here
  });

  it('gets help in a direct message', async () => {
    const o = await run({ name: 'help', channelId: '520000000000000001', guildId: null });
    expect(o.callback.type).toBe(4);
    expect(textOf(o)).toContain('/digest');
  });
});

describe('bad inputs', () => {
  const cases: [string, Draft, RegExp][] = [
    ['a time out of range', admin({ name: 'subscribe', options: { time: '25:00' } }), /HH:MM, for example 08:00/],
    ['a time in words', admin({ name: 'subscribe', options: { time: 'eight' } }), /HH:MM, for example time: 08:00/],
    ['an unknown time zone', admin({ name: 'subscribe', options: { timezone: 'Mars/Olympus' } }), /IANA name such as Europe\/Kyiv/],
    ['an offset for a time zone', admin({ name: 'subscribe', options: { timezone: '+03:00' } }), /timezone: Europe\/Kyiv/],
    ['topics that are not words', admin({ name: 'topics', options: { words: '!!!, ???' } }), /for example \/topics ukraine, energy/],
    ['a feed number that is not there', admin({ name: 'feeds', subcommand: 'remove', options: { feed: '9' } }), /\/feeds remove N/],
  ];
  for (const [what, inv, hint] of cases) {
    it(`answers ${what} privately with a right example`, async () => {
      const o = await run(inv);
      expect(o.callback.type).toBe(4);
      expect(isEphemeral(o.messages[0]!)).toBe(true);
      expect(textOf(o)).toMatch(hint);
    });
  }

  it('turns a deferred answer private when the link is bad: the public placeholder is deleted', async () => {
    await given('subscribed at 07:30 Berlin');
    for (const [inv, hint] of [
      [admin({ name: 'summarize', options: { url: 'not a link' } }), /https:\/\/example\.org\/article/],
      [admin({ name: 'feeds', subcommand: 'add', options: { url: 'https://news.example/missing.xml' } }), /could not add that feed/],
    ] as const) {
      const o = await run(inv, (t) => t.some((r) => r.method === 'POST' && r.path.match(/\/webhooks\/\d+\/[^/]+$/)));
      expect(o.callback.type).toBe(5);
      expect(o.traffic.map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
      expect(isEphemeral(o.messages[0]!)).toBe(true);
      expect(textOf(o)).toMatch(hint);
    }
    expect(await h.store.listFeeds({ platform: 'discord', chatId: channel })).toEqual([]);
    expect(await h.store.getSubscription({ platform: 'discord', chatId: channel })).toMatchObject({ time: '07:30', timezone: 'Europe/Berlin' });
  });
});

describe('the gateway session', () => {
  it('identifies with the Guilds intent only, over plain JSON, and keeps its heartbeat acknowledged', async () => {
    const g = h.discord.gateways[0]!;
    expect(g.query.get('v')).toBe('10');
    expect(g.query.get('encoding')).toBe('json');
    expect(g.query.has('compress')).toBe(false);
    expect(g.identify).toMatchObject({ intents: 1, compress: false });
    await h.discord.waitFor(() => g.heartbeats >= 1);
    expect(h.discord.gateways).toHaveLength(1);
  });
});
