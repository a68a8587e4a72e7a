// Platform-neutral rich text. Adapters render it (Telegram HTML, Discord embeds, plain text for the console)
// and split long documents only between sections, so a story is never cut in half.

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  href?: string;
}

export type Block =
  | { kind: 'heading'; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'quote'; text: string; speaker: string | null }
  | { kind: 'list'; items: Inline[][] };

/** A unit that is kept together when a document must be split: a story, or a block of a reply. */
export interface Section {
  blocks: Block[];
  /** A link worth previewing for this section, if any (a single story's article). */
  link?: string | null;
  /** Fields shown as a small table where the platform has them (e.g. "Sources", "Time"). */
  fields?: { name: string; value: Inline[] }[];
}

export interface Document {
  sections: Section[];
  /** Show a link preview (true only where it helps: a single article). */
  preview?: boolean;
}

export const text = (t: string): Inline => ({ text: t });
export const bold = (t: string): Inline => ({ text: t, bold: true });
export const link = (t: string, href: string): Inline => ({ text: t, href });

/** A one-section document of plain paragraphs: the shape of most command replies. */
export function message(...paragraphs: (string | Inline[])[]): Document {
  return {
    sections: [{ blocks: paragraphs.map((p) => ({ kind: 'paragraph', inlines: typeof p === 'string' ? [text(p)] : p })) }],
  };
}

/** The document as plain text (console, logs, tests, and Telegram's plain-text fallback). */
export function toPlainText(doc: Document): string {
  const inl = (xs: Inline[]) => xs.map((i) => (i.href && i.href !== i.text ? `${i.text} (${i.href})` : i.text)).join('');
  return doc.sections
    .map((s) => {
      const lines = s.blocks.map((b) => {
        switch (b.kind) {
          case 'heading':
            return inl(b.inlines);
          case 'paragraph':
            return inl(b.inlines);
          case 'quote':
            return `  “${b.text}”${b.speaker ? ` — ${b.speaker}` : ''}`;
          case 'list':
            return b.items.map((i) => `  • ${inl(i)}`).join('\n');
        }
      });
      for (const f of s.fields ?? []) lines.push(`${f.name}: ${inl(f.value)}`);
      return lines.join('\n');
    })
    .join('\n\n');
}
