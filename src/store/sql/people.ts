// People, quotes and follows over Kysely (SQLite and PostgreSQL alike). The SqlStore delegates here.
import { createHash } from 'node:crypto';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Article, ChatTarget, Follow, OutboxRow, QuotedPerson, QuoteSource, SaidQuote } from '../../core/model';
import { fold, type Person } from '../../core/people';
import type { QuoteScope } from '../../core/ports';
import { fromOutbox, targetJson, targetKey } from './rows';
import type { Database, FollowRow, PersonRow, QuoteRow } from './schema';

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  key: r.key,
  given: JSON.parse(r.given) as string[],
  suffix: r.suffix,
  aliases: JSON.parse(r.aliases) as string[],
  roles: JSON.parse(r.roles) as string[],
  gender: r.gender === 'm' || r.gender === 'f' ? r.gender : null,
  mentions: r.mentions,
  lastSeen: r.last_seen === null ? null : Date.parse(r.last_seen),
});

const fromPerson = (p: Person): PersonRow => ({
  id: p.id,
  name: p.name,
  key: p.key,
  given: JSON.stringify(p.given),
  suffix: p.suffix,
  aliases: JSON.stringify(p.aliases),
  roles: JSON.stringify(p.roles),
  gender: p.gender,
  mentions: p.mentions,
  last_seen: p.lastSeen === null ? null : new Date(p.lastSeen).toISOString(),
});

const toFollow = (r: FollowRow & { name: string }): Follow => ({
  target: JSON.parse(r.target) as ChatTarget,
  personId: r.person_id,
  person: r.name,
  alerts: r.alerts === 1,
  alertedUntil: r.alerted_until,
  createdAt: r.created_at,
});

/** One id per (person, words): the same quote from another outlet, or with other quotation marks, lands on it. */
export function quoteId(personId: string, text: string): string {
  const words = fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return createHash('sha256').update(`${personId}\n${words}`).digest('hex').slice(0, 32);
}

type Db = Kysely<Database>;

/** The quote has a source in scope: an article read from one of the scope's feeds. */
function inScope(scope: readonly string[]) {
  return (eb: ExpressionBuilder<Database, 'quotes'>) =>
    eb.exists(
      eb
        .selectFrom('quote_articles')
        .innerJoin('article_feeds', 'article_feeds.article_id', 'quote_articles.article_id')
        .select('quote_articles.quote_id')
        .whereRef('quote_articles.quote_id', '=', 'quotes.id')
        .where('article_feeds.feed_id', 'in', [...scope]),
    );
}

/** The quotes with their person's name and their sources (in scope), in the order given. */
async function withSources(db: Db, rows: readonly QuoteRow[], scope: QuoteScope): Promise<SaidQuote[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  let q = db.selectFrom('quote_articles').selectAll('quote_articles').where('quote_articles.quote_id', 'in', ids);
  if (scope) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('article_feeds').select('article_feeds.article_id').whereRef('article_feeds.article_id', '=', 'quote_articles.article_id').where('article_feeds.feed_id', 'in', [...scope])),
    );
  }
  const [sources, names] = await Promise.all([
    q.orderBy('quote_articles.seen_at').orderBy('quote_articles.published_at').orderBy('quote_articles.article_id').execute(),
    db.selectFrom('people').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.person_id))]).execute(),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const byQuote = new Map<string, QuoteSource[]>();
  for (const s of sources) {
    const list = byQuote.get(s.quote_id) ?? [];
    list.push({ articleId: s.article_id, outlet: s.outlet, url: s.url, publishedAt: s.published_at });
    byQuote.set(s.quote_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    person: nameOf.get(r.person_id) ?? r.person_id,
    text: r.text,
    publishedAt: r.published_at,
    seenAt: r.seen_at,
    sources: byQuote.get(r.id) ?? [],
  }));
}

export async function peopleWithKeys(db: Db, keys: readonly string[]): Promise<Person[]> {
  if (!keys.length) return [];
  return (await db.selectFrom('people').selectAll().where('key', 'in', [...new Set(keys)]).orderBy('id').execute()).map(toPerson);
}

export async function peopleNamed(db: Db, alias: string, keys: readonly string[]): Promise<Person[]> {
  // Two indexed look-ups, not one OR: an OR across two tables makes the engines scan every person.
  const [byAlias, byKey] = await Promise.all([
    db.selectFrom('person_aliases').innerJoin('people', 'people.id', 'person_aliases.person_id').selectAll('people').where('person_aliases.alias', '=', fold(alias)).execute(),
    keys.length ? db.selectFrom('people').selectAll().where('key', 'in', [...new Set(keys)]).orderBy('mentions', 'desc').limit(200).execute() : [],
  ]);
  const seen = new Set<string>();
  return [...byAlias, ...byKey]
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map(toPerson)
    .sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
}

export async function getPeople(db: Db, ids: readonly string[]): Promise<Person[]> {
  if (!ids.length) return [];
  return (await db.selectFrom('people').selectAll().where('id', 'in', [...new Set(ids)]).execute()).map(toPerson);
}

export async function suggestPeople(db: Db, prefix: string, since: string, limit: number): Promise<Person[]> {
  const start = fold(prefix).trim();
  let q = db.selectFrom('people').selectAll().where('last_seen', '>', since);
  if (start) {
    // A range on the alias and key indexes, not LIKE (whose index use depends on the engine and collation).
    const end = `${start}\uffff`;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('key', '>=', start), eb('key', '<', end)]),
        eb.exists(eb.selectFrom('person_aliases').select('person_id').whereRef('person_aliases.person_id', '=', 'people.id').where('alias', '>=', start).where('alias', '<', end)),
      ]),
    );
  }
  return (await q.orderBy('mentions', 'desc').orderBy('id').limit(limit).execute()).map(toPerson);
}

export async function saveQuotes(db: Db, article: Article, people: readonly Person[], quotes: readonly { personId: string; text: string; cue: string | null }[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const person of people) {
      const row = fromPerson(person);
      const { id: _id, ...update } = row;
      await trx.insertInto('people').values(row).onConflict((oc) => oc.column('id').doUpdateSet(update)).execute();
      const aliases = [...new Set([person.name, ...person.aliases].map(fold).filter(Boolean))];
      if (aliases.length) {
        await trx
          .insertInto('person_aliases')
          .values(aliases.map((alias) => ({ alias, person_id: person.id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
    for (const quote of quotes) {
      const id = quoteId(quote.personId, quote.text);
      await trx
        .insertInto('quotes')
        .values({ id, person_id: quote.personId, text: quote.text, cue: quote.cue, published_at: article.publishedAt, seen_at: article.ingestedAt })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('quote_articles')
        .values({ quote_id: id, article_id: article.id, outlet: article.sourceName, url: article.url, published_at: article.publishedAt, seen_at: article.ingestedAt })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}

export async function quotesBy(db: Db, personId: string, scope: QuoteScope, options: { since?: string; limit: number }): Promise<SaidQuote[]> {
  let q = db.selectFrom('quotes').selectAll('quotes').where('quotes.person_id', '=', personId);
  if (options.since) q = q.where('quotes.seen_at', '>', options.since);
  if (scope) {
    if (!scope.length) return [];
    q = q.where(inScope(scope));
  }
  const rows = await q.orderBy('quotes.seen_at', 'desc').orderBy('quotes.id', 'desc').limit(options.limit).execute();
  return withSources(db, rows, scope);
}

export async function quotesArrived(db: Db, personIds: readonly string[], scope: QuoteScope, since: string, until: string, limit: number): Promise<SaidQuote[]> {
  if (!personIds.length || (scope && !scope.length)) return [];
  let q = db.selectFrom('quotes').selectAll('quotes').where('quotes.person_id', 'in', [...personIds]).where('quotes.seen_at', '>', since).where('quotes.seen_at', '<=', until);
  if (scope) q = q.where(inScope(scope));
  const rows = await q.orderBy('quotes.seen_at', 'desc').orderBy('quotes.id', 'desc').limit(limit).execute();
  return withSources(db, rows, scope);
}

export async function mostQuoted(db: Db, since: string, limit: number, scope: QuoteScope = null): Promise<QuotedPerson[]> {
  if (scope && !scope.length) return [];
  let q = db
    .selectFrom('quotes')
    .innerJoin('people', 'people.id', 'quotes.person_id')
    .select((eb) => ['people.id as id', 'people.name as name', eb.fn.countAll<string | number>().as('quotes'), eb.fn.max('quotes.seen_at').as('last')])
    .where('quotes.seen_at', '>', since);
  if (scope) q = q.where(inScope(scope));
  const rows = await q.groupBy(['people.id', 'people.name']).orderBy('quotes', 'desc').orderBy('last', 'desc').orderBy('people.id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, quotes: Number(r.quotes), lastQuoted: String(r.last) }));
}

const followsOf = (db: Db) =>
  db.selectFrom('follows').innerJoin('people', 'people.id', 'follows.person_id').selectAll('follows').select('people.name as name');

export async function follow(db: Db, target: ChatTarget, personId: string, alerts: boolean, now: string): Promise<Follow> {
  const key = targetKey(target);
  await db
    .insertInto('follows')
    .values({ target_key: key, target: targetJson(target), person_id: personId, alerts: alerts ? 1 : 0, alerted_until: now, created_at: now })
    .onConflict((oc) =>
      oc.columns(['target_key', 'person_id']).doUpdateSet({
        alerts: alerts ? 1 : 0,
        // Alerts turned on count from now: quotes from before were never promised as alerts.
        alerted_until: sql<string>`case when ${sql.ref('follows.alerts')} = 0 then ${sql.ref('excluded.alerted_until')} else ${sql.ref('follows.alerted_until')} end`,
      }),
    )
    .execute();
  return toFollow(await followsOf(db).where('follows.target_key', '=', key).where('follows.person_id', '=', personId).executeTakeFirstOrThrow());
}

export async function unfollow(db: Db, target: ChatTarget, personId: string): Promise<boolean> {
  const r = await db.deleteFrom('follows').where('target_key', '=', targetKey(target)).where('person_id', '=', personId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listFollows(db: Db, target: ChatTarget): Promise<Follow[]> {
  return (await followsOf(db).where('follows.target_key', '=', targetKey(target)).orderBy('follows.created_at').orderBy('follows.person_id').execute()).map(toFollow);
}

export async function alertFollows(db: Db): Promise<Follow[]> {
  return (await followsOf(db).where('follows.alerts', '=', 1).orderBy('follows.target_key').orderBy('follows.person_id').execute()).map(toFollow);
}

export async function alertsSince(db: Db, target: ChatTarget, since: string): Promise<number> {
  const row = await db
    .selectFrom('quote_alerts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('target_key', '=', targetKey(target))
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Thrown inside the transaction to roll it back when the outbox already holds the alert. */
class AlreadyQueued extends Error {}

export async function enqueueAlert(db: Db, f: Follow, from: string, until: string, row: OutboxRow, quotes: number): Promise<boolean> {
  try {
    return await db.transaction().execute(async (trx) => {
      const key = targetKey(f.target);
      const moved = await trx
        .updateTable('follows')
        .set({ alerted_until: until })
        .where('target_key', '=', key)
        .where('person_id', '=', f.personId)
        .where('alerted_until', '=', from)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return false;
      const inserted = await trx.insertInto('outbox').values(fromOutbox(row)).onConflict((oc) => oc.columns(['subscription_id', 'period_key']).doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AlreadyQueued();
      await trx.insertInto('quote_alerts').values({ outbox_id: row.id, target_key: key, person_id: f.personId, quotes, created_at: row.createdAt }).execute();
      return true;
    });
  } catch (err) {
    if (err instanceof AlreadyQueued) return false;
    throw err;
  }
}
