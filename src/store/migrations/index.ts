// Versioned schema, written once with Kysely's schema builder so SQLite and PostgreSQL share it.
// Instants are ISO-8601 UTC strings (they sort as text); lists are JSON text.
import type { Kysely, Migration } from 'kysely';
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
