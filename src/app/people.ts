// The quotes of an ingested article become people and stored quotes: each speaker is resolved (core/people)
// against the people already stored under the same surname keys, so "Rubio" in one outlet and "Secretary of
// State Marco Rubio" in another are one person, and a quote several outlets carry is stored once.
import type { Article } from '../core/model';
import { articleContext, namesInText, parseName, PeopleIndex, type Person } from '../core/people';
import type { Store } from '../core/ports';

/** Resolves the article's quoted speakers and stores them with its quotes. */
export async function storeArticleQuotes(store: Store, article: Article): Promise<number> {
  const spoken = article.quotes.filter((q): q is typeof q & { speaker: string } => q.speaker !== null && q.text.trim() !== '');
  if (!spoken.length) return 0;
  const context = articleContext(namesInText(`${article.title}\n${article.text}`));
  // A bare surname may be widened to a full name the article gives, and a first name alone to that name's
  // surname: load every key the article could resolve to.
  const keys = new Set<string>(context.byKey.keys());
  for (const q of spoken) {
    const key = parseName(q.speaker)?.key;
    if (key) keys.add(key);
  }
  const time = Date.parse(article.publishedAt);
  const loaded = await store.peopleWithKeys([...keys]);
  for (let attempt = 0; ; attempt++) {
    const index = new PeopleIndex(loaded);
    const touched = new Map<string, Person>();
    const quotes: { personId: string; text: string; cue: string | null }[] = [];
    for (const q of spoken) {
      const resolved = index.observe({ name: q.speaker, article: context, time: Number.isNaN(time) ? null : time });
      if (!resolved) continue;
      touched.set(resolved.person.id, resolved.person);
      quotes.push({ personId: resolved.person.id, text: q.text, cue: q.cue });
    }
    // A new person's id is made from the name; one stored under another surname key may hold it already.
    const fresh = [...touched.keys()].filter((id) => !loaded.some((p) => p.id === id));
    const taken = fresh.length && attempt < 3 ? await store.getPeople(fresh) : [];
    if (taken.length) {
      loaded.push(...taken);
      continue;
    }
    await store.saveQuotes(article, [...touched.values()], quotes);
    return quotes.length;
  }
}
