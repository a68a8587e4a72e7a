// ts-textrank (npm, 1.0.3), the best-known TextRank package for TypeScript, as a peer in the same run:
// its own sentence splitter and Sørensen–Dice similarity, k sentences in article order.
import { AbsoluteSummarizerConfig, DefaultTextParser, NullLogger, SorensenDiceSimilarity, Summarizer } from 'ts-textrank';

const similarity = new SorensenDiceSimilarity();
const parser = new DefaultTextParser();
const logger = new NullLogger();

export function tsTextRank(body: string, k: number): string[] {
  const config = new AbsoluteSummarizerConfig(Math.max(1, k), similarity, parser, 0.85, Summarizer.SORT_OCCURENCE);
  try {
    return new Summarizer(config, logger).summarize(body, 'en');
  } catch {
    // It refuses a text with fewer sentences than asked for; the whole text is then its summary.
    return [body];
  }
}
