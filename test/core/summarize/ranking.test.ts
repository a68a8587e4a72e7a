import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/core/summarize/article.js';
import { pageRank } from '../../../src/core/summarize/centrality.js';
import { articleLanguage, detectLanguage, sampleWords } from '../../../src/core/summarize/language.js';
import { cosine } from '../../../src/core/summarize/vectors.js';
import { sentenceSpans } from '../../../src/core/text/sentences.js';
import { scanWords, STOPWORDS, words } from '../../../src/core/text/tokens.js';

// The ranking takes shortcuts (postings for similarity, sparse LexRank, the language read from the
// sentence scans); each must give what the plain computation gives, to the last bit.

function seedText(): string {
  const dir = join(process.cwd(), 'seeds');
  const file = readdirSync(dir).find((name) => name.endsWith('.txt')) ?? '';
  return readFileSync(join(dir, file), 'utf8').replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s*/u, '');
}

/** LexRank as first written: dense, every row's share scattered to every sentence. */
function densePageRank(similarity: ArrayLike<number>[]): number[] {
  const n = similarity.length;
  const transition = new Float64Array(n * n);
  const dangling = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = similarity[i] ?? [];
    let total = 0;
    for (let j = 0; j < n; j++) if (j !== i) total += row[j] ?? 0;
    if (total === 0) dangling[i] = 1;
    else for (let j = 0; j < n; j++) transition[i * n + j] = j === i ? 0 : (row[j] ?? 0) / total;
  }
  let scores = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < 40; iteration++) {
    let spread = 0;
    for (let i = 0; i < n; i++) if (dangling[i]) spread += scores[i] as number;
    next.fill((1 - 0.85) / n + (0.85 * spread) / n);
    for (let i = 0; i < n; i++) {
      if (dangling[i]) continue;
      const share = 0.85 * (scores[i] as number);
      for (let j = 0; j < n; j++) next[j] = (next[j] as number) + share * (transition[i * n + j] as number);
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs((next[i] as number) - (scores[i] as number));
    [scores, next] = [next, scores];
    if (change < 1e-6) break;
  }
  return Array.from(scores);
}

describe('sentence ranking', () => {
  const texts = [
    seedText(),
    'Officials met on Monday. Nothing else happened.\n\nThe budget was agreed on Monday by officials. A lone line stands apart.',
  ];

  it('sums similarities over postings exactly as a pairwise cosine does', () => {
    for (const text of texts) {
      const { candidates, matrix } = analyzeArticle(text, null);
      candidates.forEach((a, i) =>
        candidates.forEach((b, j) => expect(matrix[i]?.[j]).toBe(i === j ? 0 : cosine(a.vector, b.vector))),
      );
    }
  });

  it('walks LexRank over weighted edges only, with the same scores as the dense walk', () => {
    for (const text of texts) {
      const { matrix } = analyzeArticle(text, null);
      expect(pageRank(matrix)).toEqual(densePageRank(matrix));
    }
    expect(pageRank([[0, 0], [0, 0]])).toEqual(densePageRank([[0, 0], [0, 0]]));
  });
});

describe('articleLanguage', () => {
  const english = new Set([...STOPWORDS].filter((word) => /^[a-z']+$/u.test(word)));
  const plain = ["don't", 'the', 'budget', "o'", 'Zürich', 'на', 'переговори', "dogs'", '’', 'and', 'niños', '𝐀𝐁', "don'𝐀"];

  it('counts the sample as a scan of the sample would, wherever the sample cuts it', () => {
    let counts = 0;
    // "İ" lower-cases to two characters, which sends the count back to a scan of the sample itself.
    for (const pieces of [plain, [...plain, 'İstanbul']]) for (let length = 1985; length <= 2010; length++) {
      for (let shift = 0; shift < pieces.length; shift++) {
        let text = '';
        for (let i = 0; text.length < length; i++) text += pieces[(i + shift) % pieces.length] + (i % 7 === 6 ? '. ' : ' ');
        text = text.slice(0, length);
        for (const title of [null, 'Budget talks', 'İ']) {
          const spans = sentenceSpans(text);
          const scans = spans.map((span) => scanWords(span.text));
          const sample = words(`${title ?? ''}\n${text}`.slice(0, 2000));
          const counted = sampleWords(title, spans, scans);
          if (counted) {
            counts++;
            expect(counted).toEqual({ words: sample.length, stopwords: sample.filter((word) => english.has(word)).length });
          }
          expect(articleLanguage(title, text, spans, scans)).toBe(detectLanguage(`${title ?? ''}\n${text}`));
        }
      }
    }
    expect(counts).toBeGreaterThan(500);
  });
});
