// /follow, /unfollow, /following and /quotes: a chat user's name for a person, found among the people the
// store knows, then their quotes across the chat's feeds. A name that fits nobody or several gets the closest
// names back, never a guess.
import { type Document, type Section, bold, message } from '../../core/document';
import { saidBlocks } from '../../core/digest/document';
import type { CommandReply, CommandRequest } from '../../core/commands';
import type { Subscription } from '../../core/model';
import { findPerson, fold, parseName, type Lookup, type Person } from '../../core/people';
import type { Store } from '../../core/ports';
import { feedIdsFor } from '../digests';
import { ALERTS_PER_HOUR } from '../follows';
import { personArgs } from './arguments';

/** People quoted this recently are the ones a misspelt name is matched against, and what Discord suggests. */
export const RECENT_MS = 30 * 86_400_000;
const RECENT_PEOPLE = 300;
export const QUOTES_SHOWN = 10;

export interface PeopleCommandDeps {
  store: Store;
  now: () => Date;
  subscriptionOf: (req: CommandRequest) => Promise<Subscription>;
}

const reply = (doc: Document, ephemeral = false): CommandReply => ({ doc, ephemeral });
const say = (...lines: string[]) => reply(message(...lines));
const refuse = (...lines: string[]) => reply(message(...lines), true);

/** The people a user may mean by `query`: those known by that name or surname; failing that, the recently quoted. */
export async function lookupPerson(store: Store, query: string, now: Date): Promise<Lookup> {
  const words = fold(query).split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
  const keys = [...new Set([parseName(query)?.key, ...words].filter((k): k is string => !!k))];
  const named = await store.peopleNamed(query.trim(), keys);
  const found = findPerson(query, named);
  if (found.status !== 'unknown') return found;
  const people = await store.suggestPeople('', new Date(now.getTime() - RECENT_MS).toISOString(), RECENT_PEOPLE);
  return findPerson(query, [...named, ...people.filter((p) => !named.some((n) => n.id === p.id))]);
}

/** "Marco Rubio", told apart by a role when two people share the name. */
function label(person: Person, among: readonly Person[]): string {
  const twins = among.filter((p) => p.name === person.name).length > 1;
  return twins && person.roles[0] ? `${person.name} (${person.roles[0]})` : person.name;
}

/** "A", "A or B", "A, B or C". */
function either(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The answer to a name that named nobody or several people. */
function notOne(lookup: Exclude<Lookup, { status: 'found' }>, query: string, command: string): CommandReply {
  const options = lookup.status === 'ambiguous' ? lookup.candidates : lookup.closest;
  const names = options.slice(0, 4).map((p) => label(p, options));
  if (lookup.status === 'ambiguous') return refuse(`“${query}” fits several people. Did you mean ${either(names)}?`, `Send /${command} with the full name, for example /${command} ${options[0]?.name ?? query}.`);
  if (names.length) return refuse(`Nobody quoted as “${query}” yet. Did you mean ${either(names)}?`);
  return refuse(`Nobody quoted as “${query}” yet. I know people from the quotes in the articles I read; try their full name, for example /${command} Marco Rubio.`);
}

/** Names to offer while a person's name is typed: the people quoted in the last 30 days, most quoted first. */
export async function personChoices(store: Store, typed: string, now: Date): Promise<{ name: string; value: string }[]> {
  const people = await store.suggestPeople(typed, new Date(now.getTime() - RECENT_MS).toISOString(), 25);
  return people.map((p) => ({ name: p.name.slice(0, 100), value: p.name.slice(0, 100) }));
}

export function peopleCommands(deps: PeopleCommandDeps): Record<string, (req: CommandRequest) => Promise<CommandReply>> {
  const { store } = deps;

  async function follow(req: CommandRequest): Promise<CommandReply> {
    const { name: query, now: alerts } = personArgs(req);
    if (!query) return refuse('Whom? Send /follow NAME, for example /follow Marco Rubio, or /follow Marco Rubio now for an alert at each new quote.');
    const lookup = await lookupPerson(store, query, deps.now());
    if (lookup.status !== 'found') return notOne(lookup, query, 'follow');
    // Alerts go through the outbox, which belongs to the chat's settings: keep them, on or off.
    const sub = await deps.subscriptionOf(req);
    if (!(await store.getSubscription(req.target))) await store.saveSubscription(sub);
    const person = lookup.person;
    await store.follow(req.target, person.id, alerts, deps.now().toISOString());
    return say(
      `Following ${person.name}: new quotes go into the digest under “Said since the last digest”${alerts ? `, and each new one comes here at once (at most ${ALERTS_PER_HOUR} alerts an hour)` : ''}.`,
      sub.active ? `/quotes ${person.name} shows the latest now; /unfollow ${person.name} stops it.` : `Send /subscribe to get the daily digest; /quotes ${person.name} shows the latest now.`,
    );
  }

  async function unfollow(req: CommandRequest): Promise<CommandReply> {
    const query = personArgs(req).name;
    if (!query) return refuse('Whom? Send /unfollow NAME; /following lists whom this chat follows.');
    const followed = await store.getPeople((await store.listFollows(req.target)).map((f) => f.personId));
    const lookup = findPerson(query, followed);
    if (lookup.status === 'ambiguous') return notOne(lookup, query, 'unfollow');
    if (lookup.status === 'unknown') {
      const names = followed.map((p) => p.name);
      return refuse(`This chat does not follow “${query}”.${names.length ? ` It follows ${either(names).replace(/ or ([^,]*)$/u, ' and $1')}.` : ' It follows nobody yet.'}`);
    }
    await store.unfollow(req.target, lookup.person.id);
    return say(`Unfollowed ${lookup.person.name}: no more of their quotes in the digest or as alerts.`);
  }

  async function following(req: CommandRequest): Promise<CommandReply> {
    const follows = await store.listFollows(req.target);
    if (!follows.length) return say('This chat follows nobody yet. /follow Marco Rubio puts his new quotes in the digest; add “now” for an alert at each one.');
    return reply({
      sections: [
        {
          blocks: [
            { kind: 'paragraph', inlines: [bold('Following')] },
            { kind: 'list', items: follows.map((f) => [{ text: `${f.person}${f.alerts ? ' — with alerts' : ''}` }]) },
          ],
        },
      ],
    });
  }

  async function quotes(req: CommandRequest): Promise<CommandReply> {
    const query = personArgs(req).name;
    if (!query) return refuse('Whose quotes? Send /quotes NAME, for example /quotes Marco Rubio.');
    const lookup = await lookupPerson(store, query, deps.now());
    if (lookup.status !== 'found') return notOne(lookup, query, 'quotes');
    const person = lookup.person;
    const [list, sub] = await Promise.all([store.quotesBy(person.id, await feedIdsFor(store, req.target), { limit: QUOTES_SHOWN }), store.getSubscription(req.target)]);
    if (!list.length) return say(`No quotes by ${person.name} in this chat’s feeds yet.`);
    const timezone = sub?.timezone ?? 'UTC';
    const sections: Section[] = list.map((q, i) => ({ blocks: [...(i === 0 ? [{ kind: 'heading' as const, inlines: [bold(`Latest quotes by ${person.name}`)] }] : []), ...saidBlocks(q, timezone)] }));
    return reply({ sections });
  }

  return { follow, unfollow, following, quotes };
}
