// Sentences and boilerplate for news prose.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen col lt sgt st jr sr prof inc ltd co corp vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k a.m p.m no'.split(' '),
);

/** Splits text into sentences, verbatim, keeping abbreviations, initials and decimals inside their sentence. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\r?\n/)) {
    const p = paragraph.trim();
    if (!p) continue;
    let start = 0;
    const re = /[.!?]+["”’')\]]*(?=\s+["“‘([]?[A-Z0-9])/g;
    for (let m = re.exec(p); m; m = re.exec(p)) {
      const before = p.slice(start, m.index + 1);
      const lastWord = /([A-Za-z.]+)\.$/.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(lastWord) || /^[a-z]$/i.test(lastWord)) continue;
      out.push(p.slice(start, m.index + m[0].length).trim());
      start = m.index + m[0].length;
    }
    const rest = p.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

/** Lines that are not part of the story: links to other stories, credits, share lines. */
export function isBoilerplate(sentence: string): boolean {
  return /^(read more|read also|see also|recall that|photo:|image:|share|subscribe|follow us)\b/i.test(sentence.trim());
}
