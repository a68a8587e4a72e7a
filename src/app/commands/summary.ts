// A summary of one link or text, as a reply.
import { type Document, bold, link, text } from '../../core/document';
import { EXCERPT_NOTE } from '../../core/digest/document';
import type { Summary } from '../../core/model';

export function summaryDocument(s: Summary, url: string | null, excerptOnly: boolean): Document {
  const blocks: Document['sections'][number]['blocks'] = [{ kind: 'heading', inlines: [url ? { ...link(s.title, url), bold: true } : bold(s.title)] }];
  blocks.push({ kind: 'paragraph', inlines: [text(s.sentences.length ? s.sentences.join(' ') : 'There is too little text here to summarize.')] });
  if (excerptOnly) blocks.push({ kind: 'paragraph', inlines: [{ text: EXCERPT_NOTE, italic: true }] });
  const q = s.quotes[0];
  if (q) blocks.push({ kind: 'quote', text: q.text, speaker: q.speaker });
  return { sections: [{ blocks, link: url }], preview: Boolean(url) };
}
