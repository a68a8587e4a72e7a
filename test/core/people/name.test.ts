import { describe, expect, it } from 'vitest';
import { namesInText, parseName } from '../../../src/core/people/index.js';

const parts = (phrase: string) => {
  const p = parseName(phrase);
  return p && { display: p.display, given: p.given, surname: p.surname, key: p.key };
};

describe('parseName', () => {
  it('keeps the name and sets titles and roles aside', () => {
    expect(parseName('Secretary of State Marco Rubio')).toMatchObject({ display: 'Marco Rubio', key: 'rubio', roles: ['Secretary of State'] });
    expect(parseName('Sen. Rubio')).toMatchObject({ display: 'Rubio', given: [], key: 'rubio', roles: ['Sen.'] });
    expect(parseName('President-elect Donald Trump')).toMatchObject({ display: 'Donald Trump', roles: ['President-elect'] });
    expect(parseName('Senate Majority Leader Mitch McConnell, R-Ky.,')).toMatchObject({ display: 'Mitch McConnell', roles: ['Senate Majority Leader'] });
    expect(parseName('Trump campaign spokesman Jason Miller')).toMatchObject({ display: 'Jason Miller', roles: ['Trump campaign spokesman'] });
  });

  it('reads an honorific as who the name can be, not as part of it', () => {
    expect(parseName('Mr. Trump')).toMatchObject({ display: 'Trump', gender: 'm' });
    expect(parseName('Mrs. Clinton')).toMatchObject({ display: 'Clinton', gender: 'f' });
    expect(parseName('Mr. King, 82,')).toMatchObject({ display: 'King', gender: 'm' });
  });

  it('splits given names, particles and suffixes', () => {
    expect(parts('Donald J. Trump')).toEqual({ display: 'Donald J. Trump', given: ['Donald', 'J.'], surname: 'Trump', key: 'trump' });
    expect(parts('Hillary Rodham Clinton')).toEqual({ display: 'Hillary Rodham Clinton', given: ['Hillary', 'Rodham'], surname: 'Clinton', key: 'clinton' });
    expect(parts('Nick Van den Brul')).toEqual({ display: 'Nick Van den Brul', given: ['Nick'], surname: 'Van den Brul', key: 'brul' });
    expect(parts('Abu Bakr al-Baghdadi')).toEqual({ display: 'Abu Bakr al-Baghdadi', given: ['Abu', 'Bakr'], surname: 'al-Baghdadi', key: 'baghdadi' });
    expect(parts('Mayor Bill de Blasio')).toEqual({ display: 'Bill de Blasio', given: ['Bill'], surname: 'de Blasio', key: 'blasio' });
    expect(parseName('Donald Trump Jr.')).toMatchObject({ display: 'Donald Trump Jr.', suffix: 'Jr.', key: 'trump' });
    expect(parts('François Hollande')?.key).toBe('hollande');
  });

  it('finds the name in an apposition or before a prepositional tail', () => {
    expect(parseName('Flynn, a top Trump surrogate,')).toMatchObject({ display: 'Flynn', roles: ['top Trump surrogate'] });
    expect(parts('Representative Charles B. Rangel of New York')?.display).toBe('Charles B. Rangel');
    expect(parts('Mr. Morgan of the Sierra Club')?.display).toBe('Morgan');
    expect(parts('Another critic, Laurence H. Tribe,')?.display).toBe('Laurence H. Tribe');
    expect(parts('his best friend at Lehigh, Bruce Turry')?.display).toBe('Bruce Turry');
    expect(parts("Scott's niece, state Del. Marcia \"Cia\" Price (D-Newport News),")?.display).toBe('Marcia Price');
    expect(parts('Dean Baker, co-director of the Center for Economic and Policy Research')?.display).toBe('Dean Baker');
  });

  it('names nobody in a pronoun, a description or an organization', () => {
    for (const phrase of ['he', 'a source', 'the ruling', 'officials', 'one Democratic source', 'the president', 'Obama\'s former campaign strategist', 'a narrator in the Clinton ad', 'The New York Times', 'a Democratic strategist, who worked for Obama']) {
      expect(parseName(phrase), phrase).toBeNull();
    }
  });
});

describe('namesInText', () => {
  it('finds full names and leaves sentence openers out', () => {
    const text = 'When Hillary Clinton spoke, Bill Clinton listened.\nBillionaire Donald Trump said Sen. Marco Rubio was wrong.';
    expect(namesInText(text)).toEqual(expect.arrayContaining(['Hillary Clinton', 'Bill Clinton', 'Donald Trump', 'Sen. Marco Rubio']));
    expect(namesInText(text)).not.toContain('When Hillary Clinton');
  });

  it('ends a name at the end of its sentence', () => {
    expect(namesInText('The plan was approved, said spokeswoman Monica Klein. Klein added more.')).toContain('Monica Klein');
  });
});
