// `tidings quotes NAME` and `tidings people`: who said what, read from the stored articles' quotes.
import { lookupPerson } from '../app/commands/people';
import type { Clock, Store } from '../core/ports';
import type { SaidQuote } from '../core/model';

export interface Out {
  write(s: string): unknown;
}

const day = (iso: string) => iso.slice(0, 10);

export const quoteJson = (q: SaidQuote) => ({
  text: q.text,
  person: q.person,
  personId: q.personId,
  publishedAt: q.publishedAt,
  seenAt: q.seenAt,
  outlets: q.sources.map((s) => ({ name: s.outlet, url: s.url, publishedAt: s.publishedAt })),
});

/** Prints the person's latest quotes; 1 (and a line on stderr) when the name fits nobody or several people. */
export async function printQuotes(
  store: Store,
  clock: Clock,
  query: string,
  options: { sinceMs: number | null; max: number; json: boolean },
  out: Out,
  err: Out,
): Promise<number> {
  const lookup = await lookupPerson(store, query, clock.now());
  if (lookup.status !== 'found') {
    const options = lookup.status === 'ambiguous' ? lookup.candidates : lookup.closest;
    const names = options.slice(0, 4).map((p) => p.name);
    const hint = names.length ? `; did you mean ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]}?` : '';
    err.write(`tidings: ${lookup.status === 'ambiguous' ? `"${query}" fits several people` : `nobody quoted as "${query}"`}${hint}\n`);
    return 1;
  }
  const since = options.sinceMs === null ? undefined : new Date(clock.now().getTime() - options.sinceMs).toISOString();
  const quotes = await store.quotesBy(lookup.person.id, null, { limit: options.max, ...(since ? { since } : {}) });
  if (options.json) {
    const p = lookup.person;
    out.write(`${JSON.stringify({ person: { id: p.id, name: p.name, aliases: p.aliases, roles: p.roles }, since: since ?? null, quotes: quotes.map(quoteJson) })}\n`);
    return 0;
  }
  if (!quotes.length) {
    out.write(`No quotes by ${lookup.person.name}${since ? ` since ${day(since)}` : ''}.\n`);
    return 0;
  }
  for (const q of quotes) out.write(`${day(q.publishedAt)}  “${q.text}” — ${q.person}\n            ${q.sources.map((s) => (s.url ? `${s.outlet} ${s.url}` : s.outlet)).join(' · ')}\n`);
  return 0;
}

/** Prints the people quoted most since then, with their counts. */
export async function printPeople(store: Store, clock: Clock, options: { sinceMs: number; max: number; json: boolean }, out: Out): Promise<number> {
  const since = new Date(clock.now().getTime() - options.sinceMs).toISOString();
  const people = await store.mostQuoted(since, options.max);
  if (options.json) {
    out.write(`${JSON.stringify({ since, people })}\n`);
    return 0;
  }
  if (!people.length) out.write(`Nobody quoted since ${day(since)}.\n`);
  for (const p of people) out.write(`${String(p.quotes).padStart(6)}  ${p.name}  (last ${day(p.lastQuoted)})\n`);
  return 0;
}
