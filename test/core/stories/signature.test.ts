// The story signature: what is kept of title and lead, and how it survives a trip through the store.
import { describe, expect, it } from 'vitest';
import { DocumentFrequency } from '../../../src/core/stories/document-frequency';
import { fingerprint } from '../../../src/core/stories/fingerprint';
import { IN_LEAD, IN_TITLE, NUMBER, decodeSignature, encodeSignature, signatureOf, storyTerms } from '../../../src/core/stories/signature';
import { hash64 } from '../../../src/core/stories/hash';

const flagsOf = (terms: Map<number, number>, term: string) => terms.get(hash64(term)[0]);

describe('storyTerms', () => {
  it('keeps stems of title and lead with where they were seen, and leaves stop words out', () => {
    const terms = storyTerms('Dock workers vote to end strike', 'Workers in Hamburg voted on Wednesday to accept the offer.');
    expect(flagsOf(terms, 'worker')).toBe(IN_TITLE | IN_LEAD);
    expect(flagsOf(terms, 'strike')).toBe(IN_TITLE);
    expect(flagsOf(terms, 'hamburg')).toBe(IN_LEAD);
    expect(flagsOf(terms, 'the')).toBeUndefined();
    expect(flagsOf(terms, 'wednesday')).toBeUndefined();
  });

  it('keeps numbers whole and marks them, but not years', () => {
    const terms = storyTerms('Jobless claims fall to 576,000', 'Claims fell in the week to 1.5 percent of 2020 levels.');
    expect(flagsOf(terms, '#576000')).toBe(IN_TITLE | NUMBER);
    expect(flagsOf(terms, '#1.5')).toBe(IN_LEAD | NUMBER);
    expect(flagsOf(terms, '#2020')).toBe(IN_LEAD);
  });
});

describe('signatures as fingerprints', () => {
  it('weighs a term by its rarity among the articles counted', () => {
    const df = new DocumentFrequency();
    for (let i = 0; i < 100; i++) df.add([hash64('trump')[0], hash64(`other${i}`)[0]]);
    const s = signatureOf(storyTerms('Trump meets Kerry in Oslo', 'Trump met Kerry in Oslo on Monday for talks.'), df)!;
    const weight = (term: string) => s.weights[s.hashes.indexOf(hash64(term)[0])]!;
    expect(weight('trump')).toBeLessThan(1);
    expect(weight('oslo')).toBeGreaterThan(4);
  });

  it('comes back from its text as it was, to the sixteenth of a weight', () => {
    const s = signatureOf(storyTerms('Harbour strike ends after nine days', 'Dock workers in Hamburg voted to accept a new pay offer.'), new DocumentFrequency())!;
    const back = decodeSignature(encodeSignature(s))!;
    expect(Array.from(back.hashes)).toEqual(Array.from(s.hashes));
    expect(Array.from(back.flags)).toEqual(Array.from(s.flags));
    back.weights.forEach((w, i) => expect(Math.abs(w - s.weights[i]!)).toBeLessThanOrEqual(1 / 32));
  });

  it('leaves a bare headline out of grouping, and ignores older, empty and malformed fingerprints', () => {
    expect(fingerprint('Mayor resigns', '')).toBe('');
    expect(decodeSignature('')).toBeNull();
    expect(decodeSignature('0123456789abcdef'.repeat(16))).toBeNull();
    expect(decodeSignature(`s1:${'z'.repeat(44)}`)).toBeNull();
    const fp = fingerprint('Harbour strike ends after nine days', 'Dock workers in Hamburg voted to accept a new pay offer.');
    expect(decodeSignature(fp)).not.toBeNull();
    expect(decodeSignature(fp.slice(0, -1))).toBeNull();
  });
});
