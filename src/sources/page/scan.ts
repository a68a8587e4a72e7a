// One streaming pass over a page's HTML (htmlparser2, linear in its size) before any DOM is built. It gathers the
// page's own statements about itself (meta tags, JSON-LD, microdata, <time>), reads the paragraph cluster (a
// second opinion on the main text), and prepares the markup the DOM builder gets: scripts, styles, SVG, frames
// and comments cut out, and the rest cut off at PAGE_LIMITS. This is what keeps a 5 MB page from costing the
// DOM and Readability gigabytes: their cost grows faster than the markup, so the markup they see is bounded.
import { Parser } from 'htmlparser2';
import { ParagraphCluster } from './cluster';

export const PAGE_LIMITS = {
  /** Characters of markup handed to the DOM builder, counted after the cut-out elements are dropped. */
  maxMarkupChars: 1_000_000,
  /** Elements handed to the DOM builder. */
  maxElements: 6_000,
  /** Nesting depth: deeper markup is cut there (no article nests this deep; hostile pages do). */
  maxDepth: 400,
  /** Characters of JSON-LD read, over all its blocks. */
  maxJsonLdChars: 512 * 1024,
} as const;

/** Elements whose content is never article text; dropped before the DOM is built. */
const CUT_OUT = new Set(['script', 'style', 'svg', 'math', 'template', 'iframe', 'object', 'canvas', 'select', 'textarea']);
/** Elements whose tags are dropped but whose content stays: a reader without scripts sees <noscript> content. */
const UNWRAP = new Set(['noscript']);
/** Tags inside a line of text; any other tag separates the words on either side of it. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Microdata properties whose text (when no attribute carries the value) is worth keeping. */
const MICRODATA_TEXT = new Set(['datepublished', 'datecreated', 'datemodified', 'author', 'headline', 'wordcount']);
const PUBLISHED_CLASS = /publish|entry-date|post-date|posted|dateline|article-date|story-date|byline/i;
/** Elements whose class or id says they hold a date or a byline: their text is read for one. */
const DATE_HINT = /date|time|publish|posted|byline|dateline|timestamp|entry-meta|post-meta|article-meta|post-info|datum|fecha/i;
const MAX_FIELD_CHARS = 300;
const MAX_DATE_TEXTS = 60;
/** Characters of visible text kept from the page's start, where labelled dates ("Published on …") stand. */
const LEAD_CHARS = 20_000;

export interface TimeTag {
  /** The datetime attribute, else the element's text. */
  value: string;
  /** Marked as the publication time (pubdate, itemprop, a "published" class). */
  published: boolean;
  /** Inside an <article> or <header>. */
  inArticle: boolean;
}

export interface PageScan {
  markup: string;
  /** Which limit cut the markup short, if one did. */
  cut: null | 'size' | 'elements' | 'depth';
  title: string | null;
  /** First content per meta key (name, property, itemprop or http-equiv), keys lower-cased. */
  meta: Map<string, string>;
  /** First href per link rel (canonical, image_src, author), rels lower-cased. */
  links: Map<string, string>;
  jsonLd: string[];
  /** First value per microdata itemprop, lower-cased. */
  microdata: Map<string, string>;
  times: TimeTag[];
  /** Texts of the first elements whose class or id names a date or a byline, in page order. */
  dateTexts: { text: string; inArticle: boolean }[];
  /** The page's visible text from its start, up to LEAD_CHARS. */
  lead: string;
  cluster: { text: string; score: number };
}

interface Capture {
  kind: 'title' | 'jsonld' | 'time' | 'itemprop' | 'date';
  depth: number;
  text: string;
  key?: string;
  time?: Omit<TimeTag, 'value'>;
}

export function scanPage(html: string): PageScan {
  const scan: Omit<PageScan, 'markup' | 'cluster' | 'lead'> = { cut: null, title: null, meta: new Map(), links: new Map(), jsonLd: [], microdata: new Map(), times: [], dateTexts: [] };
  let lead = '';
  const cluster = new ParagraphCluster();
  const kept: string[] = [];
  let keptChars = 0;
  let from = 0; // start of the markup not yet copied to `kept`
  let cutAt = -1;
  let elements = 0;
  let depth = 0;
  let cutOutDepth = 0; // > 0 while inside a cut-out element
  let articleDepth = 0;
  let jsonLdChars = 0;
  const captures: Capture[] = [];

  const keep = (end: number) => {
    if (cutAt >= 0 || end <= from) return;
    const room = PAGE_LIMITS.maxMarkupChars - keptChars;
    if (end - from > room) {
      cutAt = from + room;
      scan.cut = 'size';
      end = cutAt;
    }
    kept.push(html.slice(from, end));
    keptChars += end - from;
    from = end;
  };
  const cutHere = (why: NonNullable<PageScan['cut']>, at: number) => {
    if (cutAt >= 0) return;
    keep(at);
    if (cutAt < 0) {
      cutAt = at;
      scan.cut = why;
    }
  };
  const reading = () => cutAt < 0 && cutOutDepth === 0;
  /** The cluster reads on past the DOM's limits: it costs one pass, and the article may lie beyond the cut. */
  const clustering = (level = depth) => cutOutDepth === 0 && level <= PAGE_LIMITS.maxDepth;
  /** The current tag left out of the markup, its content kept. */
  const dropTag = () => {
    if (cutAt >= 0) return;
    keep(parser.startIndex);
    from = Math.max(from, parser.endIndex + 1);
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, a) {
        const isVoid = VOID.has(name);
        if (!isVoid) depth++;
        if (name === 'script' && /ld\+json/i.test(a.type ?? '')) captures.push({ kind: 'jsonld', depth, text: '' });
        if (cutOutDepth > 0) {
          if (CUT_OUT.has(name)) cutOutDepth++;
          return;
        }
        if (CUT_OUT.has(name)) {
          cutOutDepth = 1;
          keep(parser.startIndex);
          return;
        }
        if (UNWRAP.has(name)) return dropTag();
        elements++;
        if (elements > PAGE_LIMITS.maxElements) cutHere('elements', parser.startIndex);
        if (depth > PAGE_LIMITS.maxDepth) cutHere('depth', parser.startIndex);
        collect(name, a, isVoid);
        if (clustering()) cluster.open(name, a);
        if (!INLINE.has(name) && lead.length < LEAD_CHARS) lead += ' ';
      },
      ontext(text) {
        for (const c of captures)
          if (c.kind === 'jsonld' ? jsonLdChars + c.text.length < PAGE_LIMITS.maxJsonLdChars : cutOutDepth === 0 && c.text.length < MAX_FIELD_CHARS) c.text += text;
        if (clustering()) cluster.text(text);
        if (reading() && lead.length < LEAD_CHARS) lead += text;
      },
      onclosetag(name, implied) {
        if (VOID.has(name)) return;
        const level = depth;
        depth = Math.max(0, depth - 1);
        const top = captures[captures.length - 1];
        if (top && top.depth > depth) finish(captures.pop()!);
        if (cutOutDepth > 0) {
          if (!CUT_OUT.has(name)) return;
          cutOutDepth--;
          // An unclosed cut-out element ends where its parent does: before the token that closed it.
          if (cutOutDepth === 0 && cutAt < 0) from = implied ? parser.startIndex : parser.endIndex + 1;
          return;
        }
        if (UNWRAP.has(name)) return implied ? undefined : dropTag();
        if (name === 'article' || name === 'header') articleDepth = Math.max(0, articleDepth - 1);
        if (clustering(level)) cluster.close(name);
      },
      oncomment() {
        if (cutOutDepth > 0 || cutAt >= 0) return;
        keep(parser.startIndex);
        from = parser.endIndex + 1;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  function collect(name: string, a: Record<string, string>, isVoid: boolean): void {
    if (name === 'article' || name === 'header') articleDepth++;
    if (name === 'meta') {
      const key = (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'])?.trim().toLowerCase();
      const content = a.content?.trim();
      if (key && content && !scan.meta.has(key)) scan.meta.set(key, content.slice(0, MAX_FIELD_CHARS));
    } else if (name === 'link' && a.href) {
      for (const rel of (a.rel ?? '').toLowerCase().split(/\s+/)) if (rel && !scan.links.has(rel)) scan.links.set(rel, a.href.trim());
    } else if (name === 'title' && scan.title === null && !isVoid) captures.push({ kind: 'title', depth, text: '' });
    const published = a.pubdate !== undefined || /datepublished/i.test(a.itemprop ?? '') || PUBLISHED_CLASS.test(a.class ?? '');
    if (name === 'time') {
      if (a.datetime?.trim()) scan.times.push({ value: a.datetime.trim(), published, inArticle: articleDepth > 0 });
      else if (!isVoid) captures.push({ kind: 'time', depth, text: '', time: { published, inArticle: articleDepth > 0 } });
    }
    if (!isVoid && scan.dateTexts.length + captures.length < MAX_DATE_TEXTS && DATE_HINT.test(`${a.class ?? ''} ${a.id ?? ''}`))
      captures.push({ kind: 'date', depth, text: '', time: { published: false, inArticle: articleDepth > 0 } });
    const prop = a.itemprop?.trim().toLowerCase();
    if (prop && name !== 'meta' && !scan.microdata.has(prop)) {
      const value = a.content ?? a.datetime ?? (name === 'a' || name === 'link' ? a.href : name === 'img' ? a.src : name === 'abbr' ? a.title : undefined);
      if (value?.trim()) scan.microdata.set(prop, value.trim());
      else if (MICRODATA_TEXT.has(prop) && !isVoid) captures.push({ kind: 'itemprop', depth, text: '', key: prop });
    }
  }

  function finish(c: Capture): void {
    const text = c.text.replace(/\s+/g, ' ').trim();
    if (c.kind === 'jsonld') {
      jsonLdChars += c.text.length;
      if (c.text.trim()) scan.jsonLd.push(c.text);
    } else if (!text) return;
    else if (c.kind === 'title') scan.title ??= text;
    else if (c.kind === 'time') scan.times.push({ value: text, ...c.time! });
    else if (c.kind === 'date') scan.dateTexts.push({ text, inArticle: c.time!.inArticle });
    else if (c.key && !scan.microdata.has(c.key)) scan.microdata.set(c.key, text);
  }

  parser.end(html);
  if (cutOutDepth === 0) keep(html.length);
  return { ...scan, markup: kept.join(''), lead: lead.replace(/\s+/g, ' '), cluster: cluster.result() };
}
