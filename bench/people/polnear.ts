// The sources of direct quotes in PolNeAR, read by the corpus rule: a Content span that begins with a
// quotation mark is a direct quote, and the Source span its attribution links is who said it.
import { join } from 'node:path';
import { corpusPath, listFiles, readText } from '../summary/corpus.js';
import { MARK, readBrat } from '../summary/polnear.js';

export interface SourceMention {
  /** The article's file name without `.txt`. */
  document: string;
  /** The gold Source span as the text words it, whitespace collapsed. */
  source: string;
  /** Where the Source span starts in the article. */
  at: number;
}

export interface PolnearArticle {
  name: string;
  /** Publication day from the file name (`nyt_2016-10-02_…`), as epoch milliseconds. */
  time: number;
  text: string;
  sources: SourceMention[];
}

type Fragments = [number, number][];

function sourcesOf(name: string, ann: string, text: string): SourceMention[] {
  const { spans, events } = readBrat(ann);
  const read = (fragments: Fragments): string => fragments.map(([s, e]) => text.slice(s, e)).join(' ').replace(/\s+/gu, ' ').trim();
  const found: SourceMention[] = [];
  for (const event of events) {
    const content = event['Content'] ? spans.get(event['Content'])?.fragments : undefined;
    const source = event['Source'] ? spans.get(event['Source'])?.fragments : undefined;
    if (!content || !source || !MARK.test(read(content))) continue;
    found.push({ document: name, source: read(source), at: source[0]?.[0] ?? 0 });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The articles of a split in the order a feed would bring them: by day, then by name. */
export function loadPolnearSources(split: 'train' | 'dev'): PolnearArticle[] {
  const root = corpusPath('polnear', split);
  const annotations = listFiles(join(root, 'attributions'), '.ann');
  return listFiles(join(root, 'text'), '.txt')
    .map((file) => {
      const name = file.replace(/\.txt$/u, '');
      const text = readText(join(root, 'text', file));
      const ann = annotations.find((a) => a.startsWith(`${name}_`));
      const day = /_(\d{4}-\d{2}-\d{2})_/u.exec(name)?.[1];
      return { name, time: day ? Date.parse(`${day}T00:00:00Z`) : 0, text, sources: ann ? sourcesOf(name, readText(join(root, 'attributions', ann)), text) : [] };
    })
    .sort((a, b) => a.time - b.time || (a.name < b.name ? -1 : 1));
}
