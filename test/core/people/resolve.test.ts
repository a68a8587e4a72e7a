import { describe, expect, it } from 'vitest';
import { articleContext, namesInText, PeopleIndex, resolvePerson, type KnownPeople } from '../../../src/core/people/index.js';

const DAY = 24 * 3600 * 1000;

/** Resolves each [speaker, article text] in order and returns the person ids. */
function stream(index: PeopleIndex, mentions: [string, string][]): (string | null)[] {
  return mentions.map(([name, text], i) => index.observe({ name, article: articleContext(namesInText(text)), time: i * DAY })?.person.id ?? null);
}

describe('resolvePerson', () => {
  it('makes one person of the forms a name takes across articles, keeping titles as roles', () => {
    const index = new PeopleIndex();
    const ids = stream(index, [
      ['Marco Rubio', 'Marco Rubio spoke in Miami.'],
      ['Rubio', 'Secretary of State Marco Rubio met the press. Rubio said no.'],
      ['Secretary of State Marco Rubio', 'A meeting.'],
      ['Sen. Rubio', 'An old article.'],
    ]);
    expect(new Set(ids).size).toBe(1);
    const rubio = index.get(ids[0] ?? '');
    expect(rubio).toMatchObject({ name: 'Marco Rubio', key: 'rubio', mentions: 4 });
    expect(rubio?.aliases).toEqual(['Marco Rubio', 'Rubio']);
    expect(rubio?.roles).toEqual(['Secretary of State', 'Sen.']);
  });

  it('names a person by the fullest form seen and keeps their id', () => {
    const index = new PeopleIndex();
    const [first, second, third] = stream(index, [
      ['Donald Trump', ''],
      ['Donald J. Trump', ''],
      ['Mr. Trump', 'Mr. Trump spoke.'],
    ]);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(index.get(first ?? '')?.name).toBe('Donald J. Trump');
    expect(first).toBe('donald-trump');
  });

  it('keeps apart people who share a surname but not their given names or suffix', () => {
    const index = new PeopleIndex();
    const [george, jeb, george2, trump, junior] = stream(index, [
      ['George W. Bush', ''],
      ['Jeb Bush', ''],
      ['George Walker Bush', ''],
      ['Donald Trump', ''],
      ['Donald Trump Jr.', ''],
    ]);
    expect(jeb).not.toBe(george);
    expect(george2).toBe(george);
    expect(junior).not.toBe(trump);
    expect(stream(index, [['George H.W. Bush', '']])[0]).not.toBe(george);
  });

  it('reads a bare surname by the people its article names, the one named most', () => {
    const index = new PeopleIndex();
    const [bill, hillary] = stream(index, [
      ['Bill Clinton', ''],
      ['Hillary Clinton', ''],
    ]);
    const billArticle = 'Bill Clinton spoke in Flint. Bill Clinton said so. Hillary Clinton was away. Bill Clinton left.';
    const hillaryArticle = 'Hillary Clinton spoke. Hillary Clinton won. Bill Clinton watched.';
    expect(stream(index, [['Clinton', billArticle], ['Clinton', hillaryArticle]])).toEqual([bill, hillary]);
    expect(stream(index, [['Bush', 'Jeb Bush campaigned in Iowa.']])[0]).toBe('jeb-bush');
  });

  it('without a full name in the article, takes the likelier known person: roles shared, then quoted more', () => {
    const index = new PeopleIndex();
    const [hillary, , , bill] = stream(index, [
      ['Hillary Clinton', ''],
      ['Hillary Clinton', ''],
      ['Hillary Clinton', ''],
      ['former President Bill Clinton', ''],
    ]);
    expect(stream(index, [['Clinton', 'No names here.']])[0]).toBe(hillary);
    expect(stream(index, [['former President Clinton', 'No names here.']])[0]).toBe(bill);
  });

  it('does not give a "Mrs." to someone known as a "Mr."', () => {
    const index = new PeopleIndex();
    const [bill, hillary] = stream(index, [
      ['Bill Clinton', ''],
      ['Hillary Clinton', ''],
      ['Mr. Clinton', 'Bill Clinton spoke.'],
      ['Mr. Clinton', 'Bill Clinton spoke.'],
    ]);
    expect(index.get(bill ?? '')?.gender).toBe('m');
    const article = 'Bill Clinton spoke. Bill Clinton laughed. Hillary Clinton listened.';
    expect(stream(index, [['Mrs. Clinton', article]])[0]).toBe(hillary);
  });

  it('gives the given names to a person first known by surname alone', () => {
    const index = new PeopleIndex();
    const [bare, full] = stream(index, [
      ['Mr. Podesta', 'Mr. Podesta said.'],
      ['John D. Podesta', ''],
    ]);
    expect(full).toBe(bare);
    expect(index.get(bare ?? '')?.name).toBe('John D. Podesta');
    const strict = new PeopleIndex();
    strict.observe({ name: 'Mr. Podesta' });
    expect(strict.observe({ name: 'John D. Podesta' }, { upgradeBare: false })?.created).toBe(true);
  });

  it('returns null for a mention that names nobody, and says what is new', () => {
    const index = new PeopleIndex();
    expect(index.observe({ name: 'a source' })).toBeNull();
    expect(index.observe({ name: 'she' })).toBeNull();
    const first = index.observe({ name: 'Marco Rubio' });
    expect(first).toMatchObject({ created: true, newAliases: ['Marco Rubio'], newRoles: [] });
    const again = index.observe({ name: 'Sen. Rubio' });
    expect(again).toMatchObject({ created: false, newAliases: ['Rubio'], newRoles: ['Sen.'] });
  });

  it('gives a new person whose name is taken a fresh id, asking the known people only by key and id', () => {
    const asked: string[] = [];
    const known: KnownPeople = {
      withKey: (key) => (asked.push(key), []),
      hasId: (id) => id === 'marco-rubio' || id === 'marco-rubio-2',
    };
    expect(resolvePerson(known, { name: 'Sen. Marco Rubio' })?.person.id).toBe('marco-rubio-3');
    expect(asked.every((key) => key === 'rubio')).toBe(true);
  });

  it('resolves a stream the same way every time', () => {
    const mentions: [string, string][] = [
      ['Clinton', 'Hillary Clinton and Bill Clinton.'],
      ['Clinton', 'Bill Clinton and Hillary Clinton.'],
      ['Bush', ''],
      ['George Bush', ''],
      ['Jeb Bush', ''],
      ['Bush', ''],
    ];
    const runs = [0, 1, 2].map(() => {
      const index = new PeopleIndex();
      return { ids: stream(index, mentions), people: [...index.people()] };
    });
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });
});
