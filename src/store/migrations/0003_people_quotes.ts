// People, the quotes they gave, and who follows them. A quote carried by several outlets is one row in
// `quotes` with one `quote_articles` row per article; `seen_at` is when a quote (or a source of it) arrived,
// which is what digests and alerts count from.
import type { Kysely, Migration } from 'kysely';

export const peopleQuotes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('people')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('given', 'text', (c) => c.notNull())
      .addColumn('suffix', 'text')
      .addColumn('aliases', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('gender', 'text')
      .addColumn('mentions', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_seen', 'text')
      .execute();
    await db.schema.createIndex('people_key').on('people').column('key').execute();
    await db.schema.createIndex('people_mentions').on('people').column('mentions').execute();
    await db.schema
      .createTable('person_aliases')
      .addColumn('alias', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('person_aliases_pk', ['alias', 'person_id'])
      .execute();
    await db.schema
      .createTable('quotes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('cue', 'text')
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('quotes_person_seen').on('quotes').columns(['person_id', 'seen_at']).execute();
    await db.schema.createIndex('quotes_seen').on('quotes').column('seen_at').execute();
    await db.schema
      .createTable('quote_articles')
      .addColumn('quote_id', 'text', (c) => c.notNull().references('quotes.id').onDelete('cascade'))
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('outlet', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('quote_articles_pk', ['quote_id', 'article_id'])
      .execute();
    await db.schema
      .createTable('follows')
      .addColumn('target_key', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('alerts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('alerted_until', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('follows_pk', ['target_key', 'person_id'])
      .execute();
    await db.schema.createIndex('follows_alerts').on('follows').column('alerts').execute();
    await db.schema
      .createTable('quote_alerts')
      .addColumn('outbox_id', 'text', (c) => c.primaryKey())
      .addColumn('target_key', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('quotes', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('quote_alerts_chat').on('quote_alerts').columns(['target_key', 'created_at']).execute();
  },
};
