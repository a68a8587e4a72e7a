// A second reading of a page's main text, made during the scan without a DOM: the block whose own paragraphs
// hold the most running text (not link text, not inside comment, sidebar or footer blocks) is the article body.
// It is what the page reader falls back to when Readability returns boilerplate or much less than this.

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);
/** Blocks that are one paragraph of their parent, not a container of paragraphs. */
const PARAGRAPHS = new Set(['p', 'pre', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'li']);
/** Containers that never hold the article: their text counts for nothing. */
const NOT_ARTICLE = new Set(['nav', 'aside', 'footer', 'header']);
const UNLIKELY = /comment|sidebar|footer|related|promo|share|social|newsletter|subscribe|advert|banner|breadcrumb|menu|popup|cookie|widget|recommend/i;
/** Class names that may sound unlikely but mark the article's own wrappers ("post-with-sidebar", "main-content"). */
const MAYBE = /article|body|content|main|post|entry|story|text/i;
/** Wrappers whose class says nothing about their content (a body with class "has-sidebar"). */
const WRAPPERS = new Set(['html', 'body', 'main', 'article']);
/** A paragraph shorter than this, or mostly link text, is a label or a menu entry, not running text. */
const MIN_PARAGRAPH_CHARS = 40;

interface Block {
  name: string;
  ignored: boolean;
  /** Text of this block not inside a child block, and how much of it was link text. */
  own: string;
  linkChars: number;
  /** Paragraphs attributed to this block (its own paragraph children), in order, and their running-text score. */
  parts: string[];
  score: number;
}

export class ParagraphCluster {
  private readonly stack: Block[] = [];
  private best: Block | null = null;
  private links = 0;

  open(name: string, attributes: Record<string, string>): void {
    if (name === 'a') this.links++;
    if (name === 'br') return this.text('\n');
    if (!BLOCKS.has(name)) return;
    this.flush();
    const parent = this.stack[this.stack.length - 1];
    const names = `${attributes.class ?? ''} ${attributes.id ?? ''}`;
    const unlikely = UNLIKELY.test(names);
    // An <article> or a content wrapper inside an unlikely block (a "sidebar-layout" row) is the article again.
    const reclaimed = name === 'article' || (MAYBE.test(names) && !unlikely);
    const ignored = (Boolean(parent?.ignored) && !reclaimed) || NOT_ARTICLE.has(name) || (!WRAPPERS.has(name) && unlikely && !MAYBE.test(names));
    this.stack.push({ name, ignored, own: '', linkChars: 0, parts: [], score: 0 });
  }

  text(t: string): void {
    const block = this.stack[this.stack.length - 1];
    if (!block) return;
    block.own += t;
    if (this.links > 0) block.linkChars += t.trim().length;
  }

  close(name: string): void {
    if (name === 'a') this.links = Math.max(0, this.links - 1);
    if (!BLOCKS.has(name) || !this.stack.length) return;
    const block = this.stack.pop()!;
    const text = clean(block.own);
    if (text) {
      // A paragraph belongs to the block around it; loose text in a container is a paragraph of the container.
      const owner = PARAGRAPHS.has(block.name) ? (this.stack[this.stack.length - 1] ?? block) : block;
      owner.parts.push(text);
      if (!owner.ignored && text.length >= MIN_PARAGRAPH_CHARS && block.linkChars < text.length / 2) owner.score += text.length - block.linkChars;
      if (owner !== block) this.consider(owner);
    }
    this.consider(block);
  }

  /** The best block's paragraphs as text, and its score (running-text characters). */
  result(): { text: string; score: number } {
    while (this.stack.length) this.close(this.stack[this.stack.length - 1]!.name);
    return this.best ? { text: this.best.parts.join('\n\n'), score: this.best.score } : { text: '', score: 0 };
  }

  /** Text met before a child block opens is a paragraph of its own block (a container's loose text). */
  private flush(): void {
    const block = this.stack[this.stack.length - 1];
    if (!block || !block.own.trim() || PARAGRAPHS.has(block.name)) return;
    const text = clean(block.own);
    block.parts.push(text);
    if (!block.ignored && text.length >= MIN_PARAGRAPH_CHARS && block.linkChars < text.length / 2) block.score += text.length - block.linkChars;
    block.own = '';
    block.linkChars = 0;
  }

  private consider(block: Block): void {
    if (!block.ignored && block.score > (this.best?.score ?? 0)) this.best = block;
  }
}

const clean = (s: string) =>
  s
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
