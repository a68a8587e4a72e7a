// The seed format: `date YYYY-MM-DD` (leading space allowed), then the text. No title line.
export interface SeedArticle {
  publishedAt: string | null;
  text: string;
}

export function parseSeed(content: string): SeedArticle {
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*/i.exec(content.replace(/^\uFEFF/, ''));
  if (!m) return { publishedAt: null, text: content.trim() };
  const date = new Date(`${m[1]}T00:00:00Z`);
  return { publishedAt: Number.isNaN(date.getTime()) ? null : date.toISOString(), text: content.slice(m[0].length).trim() };
}
