import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlineFrom, summarize } from '../../../src/core/summarize/index.js';

// The seed article the project ships with: a ` date YYYY-MM-DD ` header, then the text.
function seedText(): string {
  const dir = join(process.cwd(), 'seeds');
  const file = readdirSync(dir).find((name) => name.endsWith('.txt'));
  if (!file) throw new Error('no seed article in seeds/');
  return readFileSync(join(dir, file), 'utf8').replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s*/u, '');
}

describe('summarize on the seed article', () => {
  const text = seedText();
  const summary = summarize(text);

  it('chooses verbatim sentences in article order, never a "Read more" line', () => {
    expect(summary.sentences).toHaveLength(3);
    let last = -1;
    for (const sentence of summary.sentences) {
      const at = text.indexOf(sentence);
      expect(at).toBeGreaterThan(last);
      last = at;
      expect(sentence).not.toMatch(/^Read more|^Recall that/u);
    }
  });

  it('does not pick a piece of a multi-sentence quotation, which would open a quote that never closes', () => {
    for (const sentence of summary.sentences) expect((sentence.match(/"/gu) ?? []).length % 2, sentence).toBe(0);
    const pieces = summarize('Officials met on Monday to discuss the budget. "We agreed on the numbers. We did not agree on the timing. That comes next week," the minister said. The budget goes to parliament in May.', { budget: { sentences: 2 } });
    for (const sentence of pieces.sentences) expect(sentence).not.toMatch(/^"We agreed|^We did not|^That comes/u);
  });

  it('puts Rubio’s quote first, attributed to Marco Rubio', () => {
    expect(summary.quotes[0]?.speaker).toBe('Marco Rubio');
    expect(summary.quotes[0]?.text).toMatch(/^For President Trump, the meeting is not a concession/u);
    expect(summary.quotes.some((q) => /unique/u.test(q.text))).toBe(false);
  });

  it('derives a short headline, language and lower-case keywords', () => {
    expect(summary.title).toBe('The meeting with US President Donald Trump is not a victory for Russian dictator Vladimir Putin');
    expect(summary.language).toBe('en');
    expect(summary.keywords.length).toBeGreaterThan(2);
    for (const keyword of summary.keywords) expect(keyword).toBe(keyword.toLowerCase());
    expect(summary.keywords).toContain('putin');
  });

  it('is deterministic', () => {
    expect(summarize(text)).toEqual(summary);
  });
});

describe('summarize', () => {
  it('uses the given title and honours a word budget', () => {
    const text = 'Alpha beta gamma delta one. Alpha beta gamma two more words here. Alpha beta three words. Gamma delta four.';
    const summary = summarize(text, { title: 'Given title', budget: { words: 7 } });
    expect(summary.title).toBe('Given title');
    const words = summary.sentences.join(' ').split(/\s+/u).length;
    expect(words).toBeLessThanOrEqual(7);
    expect(summary.sentences.length).toBeGreaterThan(0);
  });

  it('handles a one-sentence teaser and an empty text', () => {
    expect(summarize('Markets rallied on Friday after the central bank held rates.').sentences).toEqual([
      'Markets rallied on Friday after the central bank held rates.',
    ]);
    expect(summarize('').sentences).toEqual([]);
  });

  it('skips a leading byline and boilerplate when deriving the headline', () => {
    const text = 'By Jane Smith, Reporter\n\nThe city council approved a new budget for schools, roads and parks on Tuesday after a long debate.\n\nRead more: Other news';
    const summary = summarize(text);
    expect(summary.title).toBe('The city council approved a new budget for schools');
    expect(summary.sentences.join(' ')).not.toMatch(/Read more|By Jane/u);
  });

  it('summarizes non-English text and names its language', () => {
    const text =
      'Зустріч президентів відбудеться в п’ятницю на Алясці. Сторони обговорять припинення вогню та обмін полоненими. ' +
      'Експерти вважають, що переговори будуть складними. Україна наполягає на участі в переговорах.';
    const summary = summarize(text, { budget: { sentences: 2 } });
    expect(summary.language).toBe('uk');
    expect(summary.sentences).toHaveLength(2);
  });

  it('stems and filters keywords in the text\'s own language', () => {
    const text =
      'El presidente del Gobierno anunció el miércoles un plan de vivienda para los jóvenes. Según el plan, el Estado ' +
      'construirá cien mil viviendas en cinco años. La oposición criticó el plan de vivienda y pidió más detalles. ' +
      'Los alquileres han subido en las grandes ciudades, y las viviendas nuevas tardarán años.';
    const summary = summarize(text, { budget: { sentences: 2 } });
    expect(summary.language).toBe('es');
    // "vivienda" and "viviendas" are one keyword; "los", "las" and "del" are none.
    expect(summary.keywords.filter((k) => k.startsWith('vivienda'))).toHaveLength(1);
    expect(summary.keywords).toContain('plan');
    for (const common of ['los', 'las', 'del', 'para']) expect(summary.keywords).not.toContain(common);
  });

  // How fast is bench/summary/throughput.ts's question (a printed table, not a pass/fail threshold).
  it('summarizes a long article of near-identical paragraphs', () => {
    const paragraph = 'The committee reviewed the budget on Monday and heard from officials. "We need more money for schools," the mayor said. Analysts expect the vote next week, after further hearings on roads. ';
    const text = Array.from({ length: 130 }, (_, i) => `${paragraph}Item ${i} was noted.`).join('\n\n');
    expect(text.split(/\s+/u).length).toBeGreaterThan(4000);
    const summary = summarize(text, { budget: { sentences: 5 } });
    expect(summary.sentences).toHaveLength(5);
    for (const sentence of summary.sentences) expect(text).toContain(sentence);
  });
});

describe('headlineFrom', () => {
  it('keeps short sentences whole and ends a long one where its clause ends', () => {
    expect(headlineFrom('Markets rallied on Friday.')).toBe('Markets rallied on Friday');
    const long = 'The meeting with US President Donald Trump is not a victory for Russian dictator Vladimir Putin, officials in Kyiv said on Wednesday.';
    expect(headlineFrom(long)).toBe('The meeting with US President Donald Trump is not a victory for Russian dictator Vladimir Putin');
    // A sentence a little over the limit stays whole rather than losing its last word.
    expect(headlineFrom('The meeting with US President Donald Trump is not a victory for Russian dictator Vladimir Putin.')).toBe(
      'The meeting with US President Donald Trump is not a victory for Russian dictator Vladimir Putin',
    );
  });

  it('cuts a long sentence with no clause break at a word, never inside a name', () => {
    const long = 'Officials who met on Tuesday in the old town hall agreed on a new plan with the mayor of the city Jean Claude Van Damme and his staff for the coming years';
    const headline = headlineFrom(long);
    expect(headline.length).toBeLessThanOrEqual(91);
    expect(headline).toBe('Officials who met on Tuesday in the old town hall agreed on a new plan with the mayor…');
    expect(headlineFrom('word '.repeat(40).trim())).toMatch(/^(?:word ){17}word…$/u);
  });
});

describe('summarize, bounded', () => {
  it('reads at most MAX_TEXT_CHARS, cut at a paragraph, and says how much it read', async () => {
    const { MAX_TEXT_CHARS } = await import('../../../src/core/summarize/index.js');
    const paragraph = 'The committee reviewed the budget on Monday and heard from officials about roads and schools. "We need more money," the mayor said.';
    const text = Array.from({ length: Math.ceil((2 * MAX_TEXT_CHARS) / paragraph.length) }, () => paragraph).join('\n\n');
    const summary = summarize(text);
    expect(summary.truncated?.total).toBe(text.length);
    expect(summary.truncated?.read).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(text.slice(0, summary.truncated?.read ?? 0).endsWith(paragraph)).toBe(true);
    expect(summarize(paragraph).truncated).toBeUndefined();
  });

  it('returns every direct quote when asked for all, the key ones otherwise', () => {
    const text = Array.from({ length: 12 }, (_, i) => `Official ${String.fromCharCode(65 + i)}x Smith spoke on day ${i}. "We will finish the work on bridge number ${i} soon," Smith said.`).join('\n\n');
    expect(summarize(text).quotes.length).toBeLessThanOrEqual(8);
    expect(summarize(text, { quotes: 'all' }).quotes).toHaveLength(12);
  });
});
