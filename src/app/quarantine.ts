// Poison work is quarantined: an item whose summary failed (or stopped the process) MAX_ATTEMPTS times is
// skipped from then on, and a feed whose read stopped the process that often is paused. Each attempt is
// recorded before the work starts, so a crash counts as an attempt and a restart does not replay it forever.
// The chats that read the feed are told once.
import { message } from '../core/document';
import type { Feed } from '../core/model';
import type { Clock, Logger, Sink, Store } from '../core/ports';

export const MAX_ATTEMPTS = 3;

export interface AttemptDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** Sinks by platform, to tell a feed's chats. */
  sinks?: ReadonlyMap<string, Sink>;
}

async function tellOwners(deps: AttemptDeps, feed: Feed, text: string): Promise<void> {
  for (const owner of await deps.store.feedOwners(feed.id)) {
    const outcome = await deps.sinks?.get(owner.platform)?.send(owner, message(text));
    if (outcome && outcome.kind !== 'sent') deps.log.warn({ feed: feed.url, chat: owner.chatId, outcome: outcome.kind }, 'could not tell a chat of quarantined work');
  }
}

const feedName = (feed: Feed) => feed.title ?? feed.url;

/**
 * Summarizes one item of `feed` as a counted attempt: the summary, or null when the item is (or now becomes)
 * quarantined or this attempt failed (it is tried again at the next read, up to MAX_ATTEMPTS times).
 */
export async function attemptItem<T>(deps: AttemptDeps, feed: Feed, itemId: string, label: string, work: () => Promise<T>): Promise<T | null> {
  const key = `item:${itemId}`;
  const now = () => deps.clock.now().toISOString();
  const { prior, quarantined } = await deps.store.beginAttempt(key, feed.id, now());
  if (quarantined) return null;
  let error: string;
  if (prior >= MAX_ATTEMPTS) {
    error = `it stopped the bot ${prior} times`;
  } else {
    try {
      const value = await work();
      await deps.store.endAttempt(key);
      return value;
    } catch (err) {
      error = (err as Error).message;
      if (prior + 1 < MAX_ATTEMPTS) {
        await deps.store.failAttempt(key, error, false, now());
        deps.log.warn({ feed: feed.url, item: itemId, attempt: prior + 1, err: error }, 'item not summarized; it is tried again at the next read');
        return null;
      }
    }
  }
  if (await deps.store.failAttempt(key, error, true, now())) {
    deps.log.warn({ feed: feed.url, item: itemId, err: error }, 'item quarantined');
    await tellOwners(deps, feed, `I skipped the article “${label}” from ${feedName(feed)}: summarizing it failed ${MAX_ATTEMPTS} times (${error}). The feed’s other articles still come.`);
  }
  return null;
}

/**
 * Reads a feed as a counted attempt. A feed whose earlier reads stopped the process MAX_ATTEMPTS times is
 * paused instead of read (its chats are told; /feeds add of it tries again). Failures the read reports as
 * values are the poller's business (backoff, then a pause). The attempt is forgotten as soon as `work` says
 * the read is done (through `readDone`): its items' summaries are counted as their own attempts, so a poison
 * item never pauses its whole feed.
 */
export async function attemptFeed<T>(deps: AttemptDeps, feed: Feed, work: (readDone: () => Promise<void>) => Promise<T>): Promise<T | null> {
  const key = `feed:${feed.id}`;
  const { prior } = await deps.store.beginAttempt(key, feed.id, deps.clock.now().toISOString());
  if (prior >= MAX_ATTEMPTS) {
    await deps.store.endAttempt(key);
    await deps.store.updateFeed(feed.id, { enabled: false, lastError: 'feed/crashed' });
    deps.log.warn({ feed: feed.url, attempts: prior }, 'feed paused: its reads stopped the process');
    if (feed.enabled) await tellOwners(deps, feed, `I paused the feed ${feed.url}: reading it stopped me ${prior} times. Add it again with /feeds add to retry.`);
    return null;
  }
  let done = false;
  const readDone = async () => {
    if (done) return;
    done = true;
    await deps.store.endAttempt(key);
  };
  try {
    return await work(readDone);
  } finally {
    await readDone();
  }
}
