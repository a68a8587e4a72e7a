// CNN/DailyMail (100 training articles): each article with its highlights, one a line. The text comes as
// the dataset ships it: one paragraph, Daily Mail bylines at the top, photo captions run into the text.
import { corpusPath, listFiles, readText } from './corpus.js';
import { wordsIn } from '../../src/core/text/layout.js';
import { splitSentences } from '../../src/core/text/index.js';

export interface CnndmArticle {
  name: string;
  body: string;
  reference: string[];
}

export function loadCnndm(): CnndmArticle[] {
  const root = corpusPath('cnndm-train-100');
  return listFiles(root, '.txt').map((file) => {
    const base = file.replace(/\.txt$/u, '');
    const reference = readText(`${root}/${base}.ref`).split('\n').map((line) => line.trim()).filter((line) => line !== '');
    return { name: base, body: readText(`${root}/${file}`), reference };
  });
}


/** The article's first sentences while they fit `budget` words (the first one always). */
export function leadWords(body: string, budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const sentence of splitSentences(body)) {
    const words = wordsIn(sentence);
    if (out.length > 0 && used + words > budget) break;
    out.push(sentence);
    used += words;
  }
  return out;
}
