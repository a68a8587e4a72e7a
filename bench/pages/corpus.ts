// The page-reading corpus: 169 real pages from trafilatura's evaluation set, each with snippets its main text
// must contain and must not contain, beside the pages' hand-checked publication dates (bench/pages/dates.json).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = '../shared/corpus/pages-trafilatura-en';

export interface CorpusPage {
  url: string;
  file: string;
  html: Buffer;
  with: string[];
  without: string[];
}

/** Every page of the corpus, or null (with the reason printed) when the corpus is not beside the project. */
export function loadPages(): CorpusPage[] | null {
  const index = join(CORPUS_DIR, 'evaldata.json');
  if (!existsSync(index)) {
    console.error(`skipped: ${CORPUS_DIR} is not there (see ../shared/corpus/README.md)`);
    return null;
  }
  const data = JSON.parse(readFileSync(index, 'utf8')) as Record<string, { file: string; with?: string[]; without?: string[] }>;
  return Object.entries(data)
    .map(([url, e]) => ({ url, file: e.file, html: readFileSync(join(CORPUS_DIR, 'html', e.file)), with: e.with ?? [], without: e.without ?? [] }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface SnippetScore {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

/** A `with` snippet found is a true positive, missed a false negative; a `without` snippet found is a false positive. */
export function scoreSnippets(text: string, page: Pick<CorpusPage, 'with' | 'without'>, into: SnippetScore): void {
  const flat = squash(text);
  for (const s of page.with) if (flat.includes(squash(s))) into.tp++;
  else into.fn++;
  for (const s of page.without) if (flat.includes(squash(s))) into.fp++;
  else into.tn++;
}

export function prf(s: SnippetScore): { precision: number; recall: number; f1: number } {
  const precision = s.tp / (s.tp + s.fp || 1);
  const recall = s.tp / (s.tp + s.fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}
