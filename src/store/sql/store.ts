// The Store port over Kysely: one implementation for SQLite and PostgreSQL; the dialects differ only in how
// a delivery is leased (PostgreSQL skips rows another worker has locked).
import { randomUUID } from 'node:crypto';
import { type ExpressionBuilder, type Kysely, Migrator, type Migration, type Transaction, sql } from 'kysely';
import type { Article, ChatTarget, Feed, Follow, OutboxRow, QuotedPerson, SaidQuote, Subscription } from '../../core/model';
import type { Person } from '../../core/people';
import type { ClaimHolder, DueCursor, DuePage, QuoteScope, Store } from '../../core/ports';
import * as people from './people';
import { migrations } from '../migrations';
import {
  fromArticle,
  fromFeedPatch,
  fromOutbox,
  fromSubscription,
  targetJson,
  targetKey,
  toArticle,
  toFeed,
  toOutbox,
  toSubscription,
} from './rows';
import type { Database } from './schema';

export interface SqlStoreOptions {
  /** Lock claimed rows with FOR UPDATE SKIP LOCKED (PostgreSQL), so concurrent workers never lease the same row. */
  skipLocked: boolean;
  /** The driver can stream a select row by row (better-sqlite3 can; pg needs a cursor package we do not ship). */
  streams: boolean;
  /**
   * Writers run at once (PostgreSQL): article inserts take a transaction lock so sequence numbers commit in
   * order. (SQLite has one writer at a time already.)
   */
  concurrentWriters: boolean;
}

/** The advisory lock that orders article sequence numbers on PostgreSQL (any constant unique to this use). */
const ARTICLE_SEQ_LOCK = 73_400_413;

/** Applies pending migrations. `schema`: where the migration bookkeeping lives (PostgreSQL looks for it in every schema otherwise). */
export async function migrate(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
    // Migrations written side by side touch separate tables and columns: a database that already ran a later
    // one (0005) still takes an earlier one added since (0003, 0004).
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

/** Adds a feed (or finds the row of its URL) and links it to its owner, or marks it global. */
async function insertFeed(trx: Transaction<Database>, url: string, owner: ChatTarget | null, title: string | null, now: string): Promise<Feed> {
  // Insert-or-keep, then read: several processes starting at once may add the same default feed.
  await trx
    .insertInto('feeds')
    .values({ id: randomUUID(), url, title, global: 0, enabled: 1, etag: null, last_modified: null, next_poll_at: null, failures: 0, last_error: null, created_at: now })
    .onConflict((oc) => oc.column('url').doNothing())
    .execute();
  const row = await trx.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirstOrThrow();
  if (title && !row.title) {
    await trx.updateTable('feeds').set({ title }).where('id', '=', row.id).execute();
    row.title = title;
  }
  if (owner === null) {
    await trx.updateTable('feeds').set({ global: 1 }).where('id', '=', row.id).execute();
    row.global = 1;
  } else {
    await trx
      .insertInto('chat_feeds')
      .values({ target_key: targetKey(owner), target: targetJson(owner), feed_id: row.id, added_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return toFeed(row);
}

export class SqlStore implements Store {
  constructor(
    readonly db: Kysely<Database>,
    private readonly options: SqlStoreOptions,
  ) {}

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async addFeed(url: string, owner: ChatTarget | null, title: string | null = null): Promise<Feed> {
    return this.db.transaction().execute((trx) => insertFeed(trx, url, owner, title, new Date().toISOString()));
  }

  async seedGlobalFeeds(step: string, urls: readonly string[]): Promise<boolean> {
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const r = await trx.insertInto('first_run').values({ step, done_at: now }).onConflict((oc) => oc.column('step').doNothing()).executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      for (const url of urls) await insertFeed(trx, url, null, null, now);
      return true;
    });
  }

  async removeFeed(url: string, owner: ChatTarget | null): Promise<boolean> {
    const feed = await this.db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
    if (!feed) return false;
    if (owner === null) {
      if (feed.global !== 1) return false;
      await this.db.updateTable('feeds').set({ global: 0 }).where('id', '=', feed.id).execute();
      return true;
    }
    const r = await this.db.deleteFrom('chat_feeds').where('target_key', '=', targetKey(owner)).where('feed_id', '=', feed.id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async listFeeds(owner: ChatTarget | null): Promise<Feed[]> {
    const rows =
      owner === null
        ? await this.db.selectFrom('feeds').selectAll().where('global', '=', 1).orderBy('created_at').orderBy('url').execute()
        : await this.db
            .selectFrom('feeds')
            .innerJoin('chat_feeds', 'chat_feeds.feed_id', 'feeds.id')
            .selectAll('feeds')
            .where('chat_feeds.target_key', '=', targetKey(owner))
            .orderBy('chat_feeds.added_at')
            .orderBy('feeds.url')
            .execute();
    return rows.map(toFeed);
  }

  async listAllFeeds(): Promise<Feed[]> {
    const rows = await this.db
      .selectFrom('feeds')
      .selectAll()
      .where((eb) => eb.or([eb('global', '=', 1), eb.exists(eb.selectFrom('chat_feeds').select('feed_id').whereRef('chat_feeds.feed_id', '=', 'feeds.id'))]))
      .orderBy('created_at')
      .execute();
    return rows.map(toFeed);
  }

  async findFeed(url: string): Promise<Feed | null> {
    const row = await this.db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
    return row ? toFeed(row) : null;
  }

  async getFeed(id: string): Promise<Feed | null> {
    const row = await this.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toFeed(row) : null;
  }

  async updateFeed(id: string, patch: Partial<Omit<Feed, 'id' | 'createdAt'>>): Promise<void> {
    const set = fromFeedPatch(patch);
    if (Object.keys(set).length) await this.db.updateTable('feeds').set(set).where('id', '=', id).execute();
  }

  async feedOwners(feedId: string): Promise<ChatTarget[]> {
    const rows = await this.db.selectFrom('chat_feeds').select('target').where('feed_id', '=', feedId).execute();
    return rows.map((r) => JSON.parse(r.target) as ChatTarget);
  }

  async beginAttempt(key: string, feedId: string | null, now: string): Promise<{ prior: number; quarantined: boolean }> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('work_attempts').select(['attempts', 'quarantined_at']).where('key', '=', key).executeTakeFirst();
      if (row?.quarantined_at) return { prior: row.attempts, quarantined: true };
      await trx
        .insertInto('work_attempts')
        .values({ key, feed_id: feedId, attempts: 1, last_error: null, quarantined_at: null, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ attempts: (eb) => eb('work_attempts.attempts', '+', 1), updated_at: now }))
        .execute();
      return { prior: row?.attempts ?? 0, quarantined: false };
    });
  }

  async endAttempt(key: string): Promise<void> {
    await this.db.deleteFrom('work_attempts').where('key', '=', key).execute();
  }

  async failAttempt(key: string, error: string, quarantine: boolean, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('work_attempts')
      .set({ last_error: error.slice(0, 500), updated_at: now, ...(quarantine ? { quarantined_at: now } : {}) })
      .where('key', '=', key)
      .where('quarantined_at', 'is', null)
      .executeTakeFirst();
    return quarantine && Number(result.numUpdatedRows) > 0;
  }

  async saveArticle(article: Article): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // The next sequence number, taken under a lock held to commit: numbers become visible in order, so a
      // digest that covers up to the highest one it sees can never pass over one still being written.
      if (this.options.concurrentWriters) await sql`SELECT pg_advisory_xact_lock(${ARTICLE_SEQ_LOCK})`.execute(trx);
      await trx.insertInto('stories').values({ id: article.storyId, first_seen_at: article.ingestedAt }).onConflict((oc) => oc.doNothing()).execute();
      const inserted = await trx
        .insertInto('articles')
        .values({ ...fromArticle(article), seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM articles)` })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (article.feedId) {
        await trx
          .insertInto('article_feeds')
          .values({ article_id: article.id, feed_id: article.feedId, seen_at: article.ingestedAt })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    });
  }

  async getArticles(ids: string[]): Promise<Article[]> {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('articles').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, toArticle(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async existingArticleIds(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db.selectFrom('articles').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  async articlesArrived(feedIds: string[], since: string, until: string): Promise<Article[]> {
    if (!feedIds.length) return [];
    const rows = await this.db
      .selectFrom('articles')
      .selectAll()
      .where('ingested_at', '>', since)
      .where('ingested_at', '<=', until)
      .where((eb) => eb.exists(eb.selectFrom('article_feeds').select('article_id').whereRef('article_feeds.article_id', '=', 'articles.id').where('article_feeds.feed_id', 'in', feedIds)))
      .orderBy('ingested_at')
      .orderBy('id')
      .execute();
    return rows.map(toArticle);
  }

  async *recentFingerprints(since: string): AsyncIterable<{ id: string; storyId: string; fingerprint: string; publishedAt: string }> {
    const query = this.db.selectFrom('articles').select(['id', 'story_id', 'fingerprint', 'published_at']).where('ingested_at', '>', since);
    for await (const r of this.options.streams ? query.stream() : await query.execute()) yield { id: r.id, storyId: r.story_id, fingerprint: r.fingerprint, publishedAt: r.published_at };
  }

  async getSubscription(target: ChatTarget): Promise<Subscription | null> {
    const row = await this.db.selectFrom('subscriptions').selectAll().where('target_key', '=', targetKey(target)).executeTakeFirst();
    return row ? toSubscription(row) : null;
  }

  async getSubscriptionById(id: string): Promise<Subscription | null> {
    const row = await this.db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSubscription(row) : null;
  }

  async listSubscriptions(): Promise<Subscription[]> {
    const rows = await this.db.selectFrom('subscriptions').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toSubscription);
  }

  async saveSubscription(s: Subscription): Promise<void> {
    const row = fromSubscription(s);
    const { id: _id, created_at: _created, covered_until: _covered, covered_seq: _seq, next_due_at: _due, ...update } = row;
    await this.db.transaction().execute(async (trx) => {
      await trx
      .insertInto('subscriptions')
      .values(row)
      .onConflict((oc) =>
        oc.column('target_key').doUpdateSet({
          ...update,
          // Commands save a copy read before a digest may have moved the mark: never move it back.
          covered_until: sql<string | null>`case when ${sql.ref('excluded.covered_until')} is null then ${sql.ref('subscriptions.covered_until')}
            when ${sql.ref('subscriptions.covered_until')} is null or ${sql.ref('excluded.covered_until')} > ${sql.ref('subscriptions.covered_until')} then ${sql.ref('excluded.covered_until')}
            else ${sql.ref('subscriptions.covered_until')} end`,
        }),
      )
      .execute();
      // The due instant follows from the row as it now stands (its mark may be ahead of the copy saved).
      const saved = await trx.selectFrom('subscriptions').selectAll().where('target_key', '=', row.target_key).executeTakeFirstOrThrow();
      await trx.updateTable('subscriptions').set({ next_due_at: fromSubscription(toSubscription(saved)).next_due_at }).where('id', '=', saved.id).execute();
    });
  }

  async enqueueDigest(row: OutboxRow, coveredUntil: string | null, coveredSeq?: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('outbox').values(fromOutbox(row)).onConflict((oc) => oc.columns(['subscription_id', 'period_key']).doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      if (coveredUntil !== null) {
        // Both marks only move forward; the due instant follows from the row as it then stands.
        const sub = await trx
          .updateTable('subscriptions')
          .set({
            covered_until: sql<string>`case when ${sql.ref('covered_until')} is null or ${sql.ref('covered_until')} < ${coveredUntil} then ${coveredUntil} else ${sql.ref('covered_until')} end`,
            ...(coveredSeq !== undefined
              ? { covered_seq: sql<number>`case when ${sql.ref('covered_seq')} is null or ${sql.ref('covered_seq')} < ${coveredSeq} then ${coveredSeq} else ${sql.ref('covered_seq')} end` }
              : {}),
          })
          .where('id', '=', row.subscriptionId)
          .returningAll()
          .executeTakeFirst();
        if (sub) await trx.updateTable('subscriptions').set({ next_due_at: fromSubscription(toSubscription(sub)).next_due_at }).where('id', '=', sub.id).execute();
      }
      return true;
    });
  }

  async hasDigestPeriod(subscriptionId: string, periodKey: string): Promise<boolean> {
    const row = await this.db.selectFrom('outbox').select('id').where('subscription_id', '=', subscriptionId).where('period_key', '=', periodKey).executeTakeFirst();
    return row !== undefined;
  }

  async releaseDelivery(id: string, leasedUntil: string, now: string): Promise<void> {
    // Undo the claim's attempt count too: a release is not a failed attempt.
    await this.db
      .updateTable('outbox')
      .set((eb) => ({ available_at: now, attempts: eb('attempts', '-', 1), holder: null }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('available_at', '=', leasedUntil)
      .execute();
  }

  async claimDeliveries(now: string, limit: number, leaseMs: number, holder?: ClaimHolder): Promise<OutboxRow[]> {
    const leaseEnd = new Date(Date.parse(now) + leaseMs).toISOString();
    // Claimable: pending and available, or held by a process whose heartbeat stopped (taken back at once).
    const claimable = (eb: ExpressionBuilder<Database, 'outbox'>) => {
      const free = eb('outbox.available_at', '<=', now);
      if (!holder) return eb.and([eb('outbox.status', '=', 'pending'), free]);
      const alive = eb.exists(eb.selectFrom('heartbeats').select('heartbeats.holder').whereRef('heartbeats.holder', '=', 'outbox.holder').where('heartbeats.beat_at', '>', holder.staleBefore));
      return eb.and([eb('outbox.status', '=', 'pending'), eb.or([free, eb.and([eb('outbox.holder', 'is not', null), eb.not(alive)])])]);
    };
    // The pick is a CTE, evaluated once: as an IN (…) subquery PostgreSQL may run it again for each row it
    // updates, and with SKIP LOCKED a second run picks rows the first did not.
    const rows = await this.db
      .with('picked', (db) => {
        const pick = db.selectFrom('outbox').select('outbox.id as picked_id').where(claimable).orderBy('available_at').limit(limit);
        return this.options.skipLocked ? pick.forUpdate().skipLocked() : pick;
      })
      .updateTable('outbox')
      .from('picked')
      .set((eb) => ({ available_at: leaseEnd, attempts: eb('outbox.attempts', '+', 1), holder: holder?.id ?? null }))
      .whereRef('outbox.id', '=', 'picked.picked_id')
      .returningAll()
      .execute();
    return rows.map(toOutbox).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async heartbeat(holder: string, now: string): Promise<void> {
    await this.db.insertInto('heartbeats').values({ holder, beat_at: now }).onConflict((oc) => oc.column('holder').doUpdateSet({ beat_at: now })).execute();
  }

  async endHeartbeat(holder: string): Promise<void> {
    await this.db.deleteFrom('heartbeats').where('holder', '=', holder).execute();
  }

  async releaseHolder(holder: string, now: string): Promise<number> {
    const r = await this.db
      .updateTable('outbox')
      .set((eb) => ({ available_at: now, holder: null, attempts: eb('attempts', '-', 1) }))
      .where('holder', '=', holder)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async completeDelivery(id: string, messageIds: string[], sentAt: string): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'sent', message_ids: JSON.stringify(messageIds), sent_at: sentAt, last_error: null, holder: null }).where('id', '=', id).execute();
  }

  async recordDeliveryParts(id: string, leasedUntil: string, messageIds: string[]): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox')
      .set({ message_ids: JSON.stringify(messageIds) })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('available_at', '=', leasedUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async retryDelivery(id: string, availableAt: string, error: string): Promise<void> {
    await this.db.updateTable('outbox').set({ available_at: availableAt, last_error: error, holder: null }).where('id', '=', id).where('status', '=', 'pending').execute();
  }

  async dropDelivery(id: string, reason: string): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'dropped', last_error: reason, holder: null }).where('id', '=', id).execute();
  }

  async moveTarget(from: ChatTarget, to: ChatTarget): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const fromKey = targetKey(from);
      const existing = await trx.selectFrom('subscriptions').select('id').where('target_key', '=', targetKey(to)).executeTakeFirst();
      if (!existing) await trx.updateTable('subscriptions').set({ target_key: targetKey(to), target: targetJson(to) }).where('target_key', '=', fromKey).execute();
      await trx.updateTable('outbox').set({ target: targetJson(to) }).where('target', '=', targetJson(from)).where('status', '=', 'pending').execute();
      await trx.updateTable('chat_feeds').set({ target_key: targetKey(to), target: targetJson(to) }).where('target_key', '=', fromKey).execute();
      if (!existing) await trx.updateTable('follows').set({ target_key: targetKey(to), target: targetJson(to) }).where('target_key', '=', fromKey).execute();
    });
  }

  async listDeliveries(subscriptionId?: string): Promise<OutboxRow[]> {
    let q = this.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id');
    if (subscriptionId) q = q.where('subscription_id', '=', subscriptionId);
    return (await q.execute()).map(toOutbox);
  }

  // Work found by index: the narrow reads of the scheduler.

  async dueSubscriptions(now: string, limit: number, after?: DueCursor): Promise<DuePage> {
    let q = this.db.selectFrom('subscriptions').selectAll().where('next_due_at', '<=', now).where('active', '=', 1);
    if (after) q = q.where((eb) => eb(eb.refTuple('next_due_at', 'id'), '>', eb.tuple(after.dueAt, after.id)));
    // In the order of the (next_due_at, id) index: read by range, no sort, whatever the table's size.
    const rows = await q.orderBy('next_due_at').orderBy('id').limit(limit).execute();
    const last = rows.at(-1);
    return { subscriptions: rows.map(toSubscription), next: rows.length === limit && last ? { dueAt: last.next_due_at!, id: last.id } : null };
  }

  async deferSubscription(id: string, now: string, nextDueAt: string | null): Promise<void> {
    await this.db.updateTable('subscriptions').set({ next_due_at: nextDueAt }).where('id', '=', id).where('next_due_at', '<=', now).execute();
  }

  async chatSubscriptions(platform: string, chatId: string): Promise<Subscription[]> {
    const key = targetKey({ platform, chatId, threadId: null });
    // The chat's own key and its threads' keys ("key:thread"): a range of the unique index.
    const rows = await this.db
      .selectFrom('subscriptions')
      .selectAll()
      .where((eb) => eb.or([eb('target_key', '=', key), eb.and([eb('target_key', '>', `${key}:`), eb('target_key', '<', `${key};`)])]))
      .orderBy('target_key')
      .execute();
    return rows.map(toSubscription);
  }

  async chatFeedIds(targets: ChatTarget[]): Promise<string[][]> {
    const keys = [...new Set(targets.map(targetKey))];
    const byChat = new Map<string, string[]>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db.selectFrom('chat_feeds').select(['target_key', 'feed_id']).where('target_key', 'in', keys.slice(i, i + 500)).execute();
      for (const r of rows) byChat.set(r.target_key, [...(byChat.get(r.target_key) ?? []), r.feed_id]);
    }
    return targets.map((t) => byChat.get(targetKey(t)) ?? []);
  }

  async dueFeeds(now: string, limit: number): Promise<Feed[]> {
    const rows = await this.db
      .selectFrom('feeds')
      .selectAll()
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', now)]))
      .where((eb) => eb.or([eb('global', '=', 1), eb.exists(eb.selectFrom('chat_feeds').select('feed_id').whereRef('chat_feeds.feed_id', '=', 'feeds.id'))]))
      // No order: ordering would walk the whole next_poll_at index; every due feed is taken anyway, the rest next look.
      .limit(limit)
      .execute();
    return rows.map(toFeed);
  }

  async latestArticleSeq(): Promise<number> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  async articlesUpTo(feedIds: string[], uptoSeq: number, after: { seq: number } | { ingestedAfter: string }): Promise<Article[]> {
    if (!feedIds.length) return [];
    let q = this.db
      .selectFrom('articles')
      .selectAll()
      .where('seq', '<=', uptoSeq)
      .where((eb) => eb.exists(eb.selectFrom('article_feeds').select('article_id').whereRef('article_feeds.article_id', '=', 'articles.id').where('article_feeds.feed_id', 'in', feedIds)));
    q = 'seq' in after ? q.where('seq', '>', after.seq) : q.where('ingested_at', '>', after.ingestedAfter);
    return (await q.orderBy('seq').execute()).map(toArticle);
  }

  // People, quotes, follows (./people).
  peopleWithKeys(keys: readonly string[]): Promise<Person[]> {
    return people.peopleWithKeys(this.db, keys);
  }

  peopleNamed(alias: string, keys: readonly string[]): Promise<Person[]> {
    return people.peopleNamed(this.db, alias, keys);
  }

  getPeople(ids: readonly string[]): Promise<Person[]> {
    return people.getPeople(this.db, ids);
  }

  suggestPeople(prefix: string, since: string, limit: number): Promise<Person[]> {
    return people.suggestPeople(this.db, prefix, since, limit);
  }

  saveQuotes(article: Article, persons: readonly Person[], quotes: readonly { personId: string; text: string; cue: string | null }[]): Promise<void> {
    return people.saveQuotes(this.db, article, persons, quotes);
  }

  quotesBy(personId: string, scope: QuoteScope, options: { since?: string; limit: number }): Promise<SaidQuote[]> {
    return people.quotesBy(this.db, personId, scope, options);
  }

  quotesArrived(personIds: readonly string[], scope: QuoteScope, since: string, until: string, limit: number): Promise<SaidQuote[]> {
    return people.quotesArrived(this.db, personIds, scope, since, until, limit);
  }

  mostQuoted(since: string, limit: number, scope?: QuoteScope): Promise<QuotedPerson[]> {
    return people.mostQuoted(this.db, since, limit, scope);
  }

  follow(target: ChatTarget, personId: string, alerts: boolean, now: string): Promise<Follow> {
    return people.follow(this.db, target, personId, alerts, now);
  }

  unfollow(target: ChatTarget, personId: string): Promise<boolean> {
    return people.unfollow(this.db, target, personId);
  }

  listFollows(target: ChatTarget): Promise<Follow[]> {
    return people.listFollows(this.db, target);
  }

  alertFollows(): Promise<Follow[]> {
    return people.alertFollows(this.db);
  }

  alertsSince(target: ChatTarget, since: string): Promise<number> {
    return people.alertsSince(this.db, target, since);
  }

  enqueueAlert(follow: Follow, from: string, until: string, row: OutboxRow, quotes: number): Promise<boolean> {
    return people.enqueueAlert(this.db, follow, from, until, row, quotes);
  }
}
