// One command router for every platform. Every wrong argument gets a reply that says what a right one looks
// like; nothing is saved until the whole command is valid.
import { randomUUID } from 'node:crypto';
import { COMMANDS, type CommandHandler, type CommandReply, type CommandRequest } from '../../core/commands';
import { type Document, bold, message, text } from '../../core/document';
import { digestDocument } from '../../core/digest/document';
import type { ChatTarget, Feed, Subscription } from '../../core/model';
import type { Clock, Logger, Source, Store, TextWork } from '../../core/ports';
import { oneLine } from '../../core/errors';
import { parseTimeOfDay, parseTimeZone, timeZoneChoices } from '../../core/schedule/time';
import { nextOccurrence } from '../../core/schedule/occurrence';
import { inlineTextWork } from '../text-work';
import { canonicalUrl } from '../../core/stories/identity';
import { onDemandDigest } from '../digests';
import { addFeed, listFeeds, removeFeed } from '../feeds';
import { summaryDocument } from './summary';
import { feedsArgs, onlyLooks, soleArg, subscribeArgs, summarizeArgs, topicsArgs } from './arguments';
import { helpDocument } from './help';
import { peopleCommands, personChoices } from './people';

export interface SubscriptionDefaults {
  time: string;
  timezone: string;
  maxStories: number;
  quotes: boolean;
  sendEmpty: boolean;
}

/** A chat's settings before it changes any: the operator's defaults, not yet subscribed. */
export function newSubscription(target: ChatTarget, defaults: SubscriptionDefaults, createdAt: string): Subscription {
  return {
    id: randomUUID(),
    target,
    time: defaults.time,
    timezone: defaults.timezone,
    topics: [],
    maxStories: defaults.maxStories,
    quotes: defaults.quotes,
    sendEmpty: defaults.sendEmpty,
    active: false,
    coveredUntil: null,
    createdAt,
  };
}

export interface CommandDeps {
  store: Store;
  source: Source;
  clock: Clock;
  log: Logger;
  defaults: SubscriptionDefaults;
  /** The most feeds one chat may add. */
  maxFeedsPerChat?: number;
  /** Where summarizing runs (a worker pool in the service); in line when absent. */
  work?: TextWork;
}

/** "here", or the channel a command from a private chat is about. */
const where = (req: CommandRequest) => (req.targetLabel ? `in ${req.targetLabel}` : 'here');

const reply = (doc: Document, ephemeral = false): CommandReply => ({ doc, ephemeral });
const say = (...lines: string[]) => reply(message(...lines));
const refuse = (...lines: string[]) => reply(message(...lines), true);

function settingsLines(sub: Subscription, feeds: Feed[], nowMs: number): string[] {
  const next = new Date(nextOccurrence(sub.time, sub.timezone, nowMs));
  const when = new Intl.DateTimeFormat('en-GB', { timeZone: sub.timezone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next);
  return [
    `Daily digest: ${sub.active ? `on, at ${sub.time} ${sub.timezone} (next: ${when})` : 'off — send /subscribe to turn it on'}`,
    `Topics: ${sub.topics.length ? sub.topics.join(', ') : 'all stories'}`,
    `Stories per digest: up to ${sub.maxStories}; quotes: ${sub.quotes ? 'on' : 'off'}`,
    `This chat’s feeds: ${feeds.length ? feeds.length : 'none'} (plus the bot’s own)`,
  ];
}

export function createCommandHandler(deps: CommandDeps): CommandHandler {
  const now = () => deps.clock.now();

  const subscriptionOf = async (req: CommandRequest): Promise<Subscription> =>
    (await deps.store.getSubscription(req.target)) ?? newSubscription(req.target, deps.defaults, now().toISOString());

  async function subscribe(req: CommandRequest): Promise<CommandReply> {
    const args = subscribeArgs(req);
    if (args.misplaced) return refuse(args.misplaced);
    const example = req.options ? 'Example: /subscribe time: 08:00 timezone: Europe/Kyiv' : 'Example: /subscribe 08:00 Europe/Kyiv';
    const time = args.time === null ? null : parseTimeOfDay(args.time);
    if (time && !time.ok) return refuse(time.error.userMessage, example);
    const zone = args.zone === null ? null : parseTimeZone(args.zone);
    if (zone && !zone.ok) return refuse(zone.error.userMessage, example);
    const sub = await subscriptionOf(req);
    const wasActive = sub.active;
    const next: Subscription = { ...sub, time: time?.value ?? sub.time, timezone: zone?.value ?? sub.timezone, active: true };
    await deps.store.saveSubscription(next);
    const on = req.targetLabel ? `${req.targetLabel} ` : '';
    return say(
      `${wasActive ? 'Updated' : 'Subscribed'}: a daily digest ${where(req)} at ${next.time} (${next.timezone}).`,
      // Worded for every platform: each has /subscribe with a time and a zone (Telegram also has /time and /timezone).
      `To change it, send /subscribe ${on}again with a time and a time zone (for example 07:30 Europe/Kyiv); /digest ${on}shows one now.`,
    );
  }

  async function setTime(req: CommandRequest): Promise<CommandReply> {
    const t = parseTimeOfDay(soleArg(req));
    if (!soleArg(req)) return refuse('Which time? Send /time HH:MM, for example /time 07:30.');
    if (!t.ok) return refuse(t.error.userMessage);
    const sub = await subscriptionOf(req);
    await deps.store.saveSubscription({ ...sub, time: t.value });
    return say(`Digest time set to ${t.value} (${sub.timezone}).${sub.active ? '' : ' Send /subscribe to start receiving it.'}`);
  }

  async function setZone(req: CommandRequest): Promise<CommandReply> {
    if (!soleArg(req)) return refuse('Which time zone? Send /timezone Area/City, for example /timezone Europe/Kyiv.');
    const z = parseTimeZone(soleArg(req));
    if (!z.ok) return refuse(z.error.userMessage);
    const sub = await subscriptionOf(req);
    await deps.store.saveSubscription({ ...sub, timezone: z.value });
    return say(`Time zone set to ${z.value}: the digest arrives at ${sub.time} there.${sub.active ? '' : ' Send /subscribe to start receiving it.'}`);
  }

  async function unsubscribe(req: CommandRequest): Promise<CommandReply> {
    const sub = await deps.store.getSubscription(req.target);
    const on = req.targetLabel ? ` ${req.targetLabel}` : '';
    if (!sub?.active) return say(`${req.targetLabel ?? 'This chat'} has no daily digest. /subscribe${on} starts one.`);
    await deps.store.saveSubscription({ ...sub, active: false });
    return say(`Unsubscribed: no more daily digests ${where(req)}. The settings are kept; /subscribe${on} brings them back.`);
  }

  async function topics(req: CommandRequest): Promise<CommandReply> {
    const sub = await subscriptionOf(req);
    const raw = topicsArgs(req);
    if (!raw) {
      // Discord's /topics takes its words in an option; elsewhere they follow the command.
      const how = req.options ? '/topics with words: energy, elections… or clear them with words: off' : '/topics energy, elections… or clear them with /topics off';
      return say(`Topics: ${sub.topics.length ? sub.topics.join(', ') : 'all stories'}.`, `Set them with ${how}.`);
    }
    if (/^(off|none|all|clear)$/i.test(raw)) {
      await deps.store.saveSubscription({ ...sub, topics: [] });
      return say('Topics cleared: the digest carries every story.');
    }
    const words = [...new Set(raw.split(/[,;\n]+/).map((w) => w.trim().toLowerCase()).filter(Boolean))];
    const bad = words.find((w) => w.length > 60 || !/[\p{L}\p{N}]/u.test(w));
    if (bad || words.length > 25) return refuse('Topics are words or short phrases separated by commas (at most 25), for example /topics ukraine, energy, elections.');
    await deps.store.saveSubscription({ ...sub, topics: words });
    return say(`Topics set: ${words.join(', ')}. Only stories that mention one of them will be in the digest.`);
  }

  async function feeds(req: CommandRequest): Promise<CommandReply> {
    const { verb, subject: arg } = feedsArgs(req);
    if (verb === 'list') {
      const list = await listFeeds(deps, req.target);
      if (!list.length) return say('This chat has no feeds of its own yet; it gets the bot’s default sources.', 'Add one with /feeds add URL.');
      return reply({ sections: [{ blocks: [{ kind: 'paragraph', inlines: [bold('This chat’s feeds')] }, { kind: 'list', items: list.map((f, i) => [text(`${i + 1}. ${f.title ? `${f.title} — ` : ''}${f.url}${f.enabled ? '' : ' (paused: it keeps failing)'}`)]) }] }] });
    }
    if (verb === 'add') {
      const added = await addFeed(deps, req.target, arg);
      if (!added.ok && added.error.code === 'feed/already-added') return say(oneLine(added.error));
      if (!added.ok) return refuse(`I could not add that feed: ${oneLine(added.error)}`);
      const { feed, resumed } = added.value;
      return say(`${resumed ? 'Resumed' : 'Added'} ${feed.title ?? feed.url}: its stories will be in this chat’s digests.`);
    }
    if (verb === 'remove') {
      const removed = await removeFeed(deps, req.target, arg);
      if (!removed.ok) return refuse(oneLine(removed.error));
      return say(`Removed ${removed.value.title ?? removed.value.url}.`);
    }
    return refuse('Use /feeds, /feeds add URL or /feeds remove URL|N.');
  }

  async function summarizeLink(raw: string): Promise<CommandReply> {
    const url = canonicalUrl(raw);
    if (!url) return refuse(`“${raw.slice(0, 80)}” is not a link. Send /summarize https://example.org/article`);
    const read = await deps.source.read(url);
    if (!read.ok) return refuse(`I could not summarize that link: ${oneLine(read.error)}`);
    const item = read.value.items[0];
    if (!item) return refuse('That page has no article text I could find.');
    return summaryReply(item.text, item.title ?? null, item.url ?? url, item.excerptOnly ?? false);
  }

  /** The summary, or a refusal that says which limit a text ran over; the process and other chats go on. */
  async function summaryReply(body: string, title: string | null, url: string | null, excerptOnly: boolean): Promise<CommandReply> {
    try {
      return reply(summaryDocument(await (deps.work ?? inlineTextWork).summarize(body, { title }), url, excerptOnly));
    } catch (err) {
      deps.log.warn({ url, err: (err as Error).message }, 'text not summarized');
      return refuse(`I could not summarize that: ${(err as Error).message}.`);
    }
  }

  /** /summarize URL, or /summarize as a reply: to a message with a link (read the link) or with text (summarize it). */
  async function summarizeCommand(req: CommandRequest): Promise<CommandReply> {
    const args = summarizeArgs(req);
    if (args) return summarizeLink(args);
    const replied = req.replyToText?.trim() ?? '';
    if (!replied) return refuse('Send /summarize URL, or reply to a message with /summarize.');
    const linkInReply = /https?:\/\/\S+/.exec(replied)?.[0];
    if (linkInReply && replied.length - linkInReply.length < 200) return summarizeLink(linkInReply);
    return summaryReply(replied, null, null, false);
  }

  async function digest(req: CommandRequest): Promise<CommandReply> {
    const sub = await subscriptionOf(req);
    const d = await onDemandDigest(deps, sub);
    if (!d.entries.length) return say('No stories yet. Add a feed with /feeds add URL, or try again later.');
    return reply(digestDocument(d, { title: 'Digest' }));
  }

  async function settings(req: CommandRequest): Promise<CommandReply> {
    const sub = await subscriptionOf(req);
    return say(...settingsLines(sub, await deps.store.listFeeds(req.target), now().getTime()));
  }

  const start = async (): Promise<CommandReply> =>
    say(
      'Hi! I read the news for this chat and send one short digest a day: each story summarized in its own words, with the key quote and who said it.',
      `Send /subscribe to get it daily at ${deps.defaults.time} (${deps.defaults.timezone}), or /subscribe 07:30 Europe/Kyiv for your own time.`,
      '/digest shows one now; /help lists everything.',
    );

  const handlers: Record<string, (req: CommandRequest) => Promise<CommandReply>> = {
    start,
    help: async (req) => reply(helpDocument(req)),
    subscribe,
    unsubscribe,
    time: setTime,
    timezone: setZone,
    topics,
    feeds,
    summarize: summarizeCommand,
    digest,
    settings,
    ...peopleCommands({ store: deps.store, now, subscriptionOf }),
  };

  /** The one permission check: a command that changes settings, unless it only looks, needs an admin. */
  async function allowed(req: CommandRequest): Promise<boolean> {
    const spec = COMMANDS.find((c) => c.name === req.name);
    if (!spec?.changesSettings || onlyLooks(req)) return true;
    return typeof req.isAdmin === 'function' ? req.isAdmin() : req.isAdmin;
  }

  const route = async (req: CommandRequest): Promise<CommandReply> => {
    const handler = handlers[req.name];
    if (!handler) return reply(helpDocument(req, `I don’t know /${req.name}. Here is what I can do:`), true);
    try {
      if (!(await allowed(req))) return refuse(`Only ${req.adminRole ?? 'the chat’s admins'} can change the digest settings ${where(req)}.`);
      return await handler(req);
    } catch (err) {
      deps.log.error({ err, command: req.name }, 'command failed');
      return refuse('Something went wrong on my side; nothing was changed. Please try again in a minute.');
    }
  };
  const choices = (option: string, typed: string) =>
    option === 'timezone' ? timeZoneChoices(typed) : option === 'name' ? personChoices(deps.store, typed, now()) : [];
  return Object.assign(route, { permits: allowed, choices });
}
