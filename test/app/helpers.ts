// A small world for digest tests: an in-memory SQLite store, one global feed, a fake clock and a recording sink.
import { subscriptionRecord } from '../fakes/records';
import { randomUUID } from 'node:crypto';
import type { Article, ChatTarget, Quote, Subscription } from '../../src/core/model';
import type { Store } from '../../src/core/ports';
import { fingerprint } from '../../src/core/stories/fingerprint';
import { buildDueDigests } from '../../src/app/digests';
import { drainOutbox } from '../../src/app/deliver';
import { openSqliteStore } from '../../src/store/sqlite';
import { FakeClock } from '../fakes/clock';
import { MemoryLogger } from '../fakes/logger';
import { RecordingSink } from '../fakes/recording-sink';

export interface World {
  store: Store;
  clock: FakeClock;
  log: MemoryLogger;
  sink: RecordingSink;
  feedId: string;
  /** One scheduler minute: build what is due, deliver everything pending. Returns how many were sent. */
  tick(): Promise<number>;
  /** Ticks every minute from now until `until` (inclusive), returning the instants at which a digest was sent. */
  runUntil(until: string): Promise<string[]>;
  subscribe(patch?: Partial<Subscription>): Promise<Subscription>;
  article(a: Partial<Article> & { title: string }): Promise<Article>;
}

export async function world(start: string): Promise<World> {
  const store = await openSqliteStore(':memory:');
  const clock = new FakeClock(start);
  const log = new MemoryLogger();
  const sink = new RecordingSink();
  const feed = await store.addFeed('https://news.example/feed.xml', null, 'Example');
  const deps = { store, clock, log };
  const tick = async () => {
    await buildDueDigests(deps);
    return (await drainOutbox({ ...deps, sinks: new Map([['test', sink]]) })).sent;
  };
  return {
    store,
    clock,
    log,
    sink,
    feedId: feed.id,
    tick,
    async runUntil(until) {
      const at: string[] = [];
      const end = Date.parse(until);
      for (; clock.now().getTime() <= end; clock.advanceMinutes(1)) {
        if ((await tick()) > 0) at.push(clock.now().toISOString());
      }
      return at;
    },
    async subscribe(patch = {}) {
      const target: ChatTarget = patch.target ?? { platform: 'test', chatId: `chat-${randomUUID().slice(0, 8)}` };
      const sub = subscriptionRecord(target, { createdAt: clock.now().toISOString(), ...patch });
      await store.saveSubscription(sub);
      return (await store.getSubscription(target))!;
    },
    async article(a) {
      const text = a.text ?? `${a.title}. More words about ${a.title.toLowerCase()} follow here.`;
      const full: Article = {
        id: randomUUID(),
        feedId: feed.id,
        sourceName: 'Example',
        url: `https://news.example/${randomUUID().slice(0, 6)}`,
        text,
        publishedAt: clock.now().toISOString(),
        ingestedAt: clock.now().toISOString(),
        language: 'en',
        summary: [`${a.title}.`],
        quotes: [] as Quote[],
        keywords: [],
        excerptOnly: false,
        storyId: randomUUID(),
        fingerprint: fingerprint(a.title, text),
        ...a,
      };
      await store.saveArticle(full);
      return full;
    },
  };
}
