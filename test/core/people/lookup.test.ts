import { describe, expect, it } from 'vitest';
import { findPerson, PeopleIndex } from '../../../src/core/people/index.js';

function people(...names: string[]) {
  const index = new PeopleIndex();
  for (const name of names) index.observe({ name });
  return [...index.people()];
}

describe('findPerson', () => {
  it('finds a person by surname, full name or alias, whatever the case, accents or title', () => {
    const known = people('Marco Rubio', 'Marco Rubio', 'Sen. Rubio', 'François Hollande', 'Jeb Bush');
    for (const query of ['rubio', 'Marco Rubio', 'MARCO RUBIO', 'Sen. Rubio', 'marco  rubio ']) {
      expect(findPerson(query, known), query).toMatchObject({ status: 'found', exact: true, person: { name: 'Marco Rubio' } });
    }
    expect(findPerson('francois hollande', known)).toMatchObject({ status: 'found', person: { name: 'François Hollande' } });
    expect(findPerson('Hollandé', known)).toMatchObject({ status: 'found', person: { name: 'François Hollande' } });
  });

  it('forgives a small typo and says so', () => {
    const known = people('Marco Rubio', 'Jeb Bush');
    expect(findPerson('Rubbio', known)).toMatchObject({ status: 'found', exact: false, person: { name: 'Marco Rubio' } });
    expect(findPerson('marco rubi', known)).toMatchObject({ status: 'found', exact: false, person: { name: 'Marco Rubio' } });
  });

  it('says when a name fits several people, the most quoted first', () => {
    const known = people('Marco Rubio Jr.', 'Marco Rubio', 'Marco Rubio', 'Luis Rubio');
    const answer = findPerson('rubio', known);
    expect(answer.status).toBe('ambiguous');
    if (answer.status === 'ambiguous') expect(answer.candidates.map((p) => p.name)).toEqual(['Marco Rubio', 'Luis Rubio', 'Marco Rubio Jr.']);
    expect(findPerson('Marco Rubio', known)).toMatchObject({ status: 'found', person: { name: 'Marco Rubio' } });
    expect(findPerson('Marco Rubio Jr.', known)).toMatchObject({ status: 'found', person: { name: 'Marco Rubio Jr.' } });
    expect(findPerson('Bill Clinton', people('Bill Clinton', 'Hillary Clinton'))).toMatchObject({ status: 'found', person: { name: 'Bill Clinton' } });
    expect(findPerson('William Clinton', people('Bill Clinton', 'Hillary Clinton'))).toMatchObject({ status: 'found', person: { name: 'Bill Clinton' } });
  });

  it('answers an unknown name with the closest ones, or none', () => {
    const known = people('Marco Rubio', 'Jeb Bush');
    expect(findPerson('Rubinstein', known)).toEqual({ status: 'unknown', closest: [] });
    expect(findPerson('Bushby', known)).toMatchObject({ status: 'unknown', closest: [{ name: 'Jeb Bush' }] });
    expect(findPerson('  ', known)).toEqual({ status: 'unknown', closest: [] });
    expect(findPerson('Jane Bush', known)).toMatchObject({ status: 'unknown' });
  });
});
