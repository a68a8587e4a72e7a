// Versioned schema, written once with Kysely's schema builder so SQLite and PostgreSQL share it.
// Instants are ISO-8601 UTC strings (they sort as text); lists are JSON text.
import { type Kysely, type Migration, sql } from 'kysely';
import { nextDueAt } from '../../core/schedule/due';
import { peopleQuotes } from './0003_people_quotes';

export const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('feeds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text')
        .addColumn('global', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('next_poll_at', 'text')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('chat_feeds')
        .addColumn('target_key', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('feed_id', 'text', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('chat_feeds_pk', ['target_key', 'feed_id'])
        .execute();
      await db.schema
        .createTable('stories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('feed_id', 'text')
        .addColumn('source_name', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('quotes', 'text', (c) => c.notNull())
        .addColumn('keywords', 'text', (c) => c.notNull())
        .addColumn('excerpt_only', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id'))
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_ingested').on('articles').column('ingested_at').execute();
      await db.schema
        .createTable('article_feeds')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('feed_id', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_feeds_pk', ['feed_id', 'article_id'])
        .execute();
      await db.schema
        .createTable('subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('target_key', 'text', (c) => c.notNull().unique())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('timezone', 'text', (c) => c.notNull())
        .addColumn('topics', 'text', (c) => c.notNull())
        .addColumn('max_stories', 'integer', (c) => c.notNull())
        .addColumn('quotes', 'integer', (c) => c.notNull())
        .addColumn('send_empty', 'integer', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('covered_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subscription_id', 'text', (c) => c.notNull())
        .addColumn('period_key', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('available_at', 'text', (c) => c.notNull())
        .addColumn('message_ids', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addUniqueConstraint('outbox_period', ['subscription_id', 'period_key'])
        .execute();
      await db.schema.createIndex('outbox_pending').on('outbox').columns(['status', 'available_at']).execute();
    },
  },
  '0002_first_run': {
    // One-time steps of an installation (seeding the default sources): each is recorded once, so removing what
    // it added is not undone by the next start.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('first_run')
        .addColumn('step', 'text', (c) => c.primaryKey())
        .addColumn('done_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0003_people_quotes': peopleQuotes,
  // Work found by index, and a watermark that cannot skip. Each article gets an ingest sequence number
  // (assigned in commit order: see SqlStore.saveArticle); a subscription's window ends at one (covered_seq),
  // and its next due instant is kept beside it (next_due_at), so a tick reads only what is due.
  '0004_due_work': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('articles').addColumn('seq', 'integer').execute();
      await sql`UPDATE articles SET seq = r.n FROM (SELECT id, row_number() OVER (ORDER BY ingested_at, id) AS n FROM articles) AS r WHERE articles.id = r.id`.execute(db);
      await db.schema.createIndex('articles_seq').on('articles').column('seq').unique().execute();
      await db.schema.alterTable('subscriptions').addColumn('covered_seq', 'integer').execute();
      await db.schema.alterTable('subscriptions').addColumn('next_due_at', 'text').execute();
      // What a timestamp mark covered, as a sequence number: every article ingested up to it.
      await sql`UPDATE subscriptions SET covered_seq = (SELECT coalesce(max(seq), 0) FROM articles WHERE articles.ingested_at <= subscriptions.covered_until) WHERE covered_until IS NOT NULL`.execute(db);
      const subs = await sql<{ id: string; time: string; timezone: string; active: number; covered_until: string | null; created_at: string }>`SELECT id, time, timezone, active, covered_until, created_at FROM subscriptions`.execute(db);
      for (const r of subs.rows) {
        const due = nextDueAt({ active: r.active === 1, time: r.time, timezone: r.timezone, coveredUntil: r.covered_until, createdAt: r.created_at });
        await sql`UPDATE subscriptions SET next_due_at = ${due} WHERE id = ${r.id}`.execute(db);
      }
      await db.schema.createIndex('subscriptions_due').on('subscriptions').columns(['next_due_at', 'id']).execute();
      await db.schema.createIndex('feeds_next_poll').on('feeds').column('next_poll_at').execute();
      // Heartbeats instead of long leases: a claimed row names its holder, and a holder whose heartbeat
      // stopped loses its rows to the next claim.
      await db.schema.alterTable('outbox').addColumn('holder', 'text').execute();
      await db.schema
        .createTable('heartbeats')
        .addColumn('holder', 'text', (c) => c.primaryKey())
        .addColumn('beat_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // Attempts at a piece of work (an item's summary, a feed's read), counted before the work starts, so that a
  // crash in the middle is counted too; work that failed or crashed too often is quarantined.
  '0005_quarantine': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('work_attempts')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('feed_id', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('quarantined_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
