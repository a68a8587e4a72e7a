import { nameIn, type QuoteMention } from '../quotes/index.js';
import { scanWords, scannedCount } from '../text/tokens.js';
import type { AnalyzedArticle } from './article.js';
import { cosine } from './vectors.js';

// Which quotes carry the story: those that say what the article is about (likeness to its centroid),
// say enough of it (length, up to a point), come from someone we can name (or at least describe), and stand as whole statements
// rather than a few words woven into narration. Earlier quotes win ties, as the lede does.

export function rankQuotes(article: AnalyzedArticle, mentions: QuoteMention[]): QuoteMention[] {
  const scored = mentions.map((mention, i) => {
    const scanned = scanWords(mention.text);
    const topical = cosine(article.vectorOf(scanned), article.centroid);
    const length = Math.min(1, scannedCount(scanned) / 25);
    // A named speaker carries more than a described one ("a source", "the ruling").
    const named = mention.speaker === null ? 0 : nameIn(mention.speaker) ? 1 : 0.5;
    const whole = mention.kind === 'partial' ? 0 : 1;
    const early = 1 / (1 + i / 4);
    return { mention, score: 1.0 * topical + 0.6 * length + 0.5 * named + 0.4 * whole + 0.2 * early };
  });
  return scored.sort((a, b) => b.score - a.score || a.mention.start - b.mention.start).map((s) => s.mention);
}
