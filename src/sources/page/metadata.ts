// What a page says about itself, read from what the scan gathered, each field in a fixed order of trust:
//
//  published  JSON-LD datePublished of the article node (the node typed *Article/BlogPosting/Report, @graph
//             included) > meta article:published_time and its kin (og:, DC, citation_, parsely, sailthru …) >
//             microdata datePublished > a <time> marked as the publication time > JSON-LD dateCreated > a full
//             date in the address (/2019/06/19/) > a date labelled in the text ("Published on …", "Erstellt
//             am: …") > the text of an element whose class names a date or a byline (inside <article>/<header>
//             first) > the first <time> inside
//             <article>/<header> > the page's modified date (JSON-LD dateModified, article:modified_time,
//             og:updated_time) > the first <time> anywhere, as last resorts. Year-and-month values are passed over.
//  author     JSON-LD author of the article node > meta author, article:author (not a URL), parsely-author,
//             sailthru.author, dc.creator, citation_author > microdata author > (in extract.ts) Readability's byline
//  canonical  <link rel="canonical"> > og:url > JSON-LD url of the article node
//  title      og:title > JSON-LD headline > twitter:title > (in extract.ts) Readability's title > <title>
//  image      og:image > twitter:image > JSON-LD image > <link rel="image_src"> > microdata image
//  body       JSON-LD articleBody of the article node: the article's text as the page states it
//  length     JSON-LD wordCount, else the word count of articleBody: how long the article says it is
//  free       JSON-LD isAccessibleForFree (false: the publisher marks it as paid; whether our text is short of
//             the article is decided against `length` and the text itself, not by this flag alone)
import { findDate, parseDate } from '../dates';
import type { PageScan } from './scan';

export interface PageFacts {
  publishedAt: string | null;
  author: string | null;
  canonical: string | null;
  title: string | null;
  image: string | null;
  description: string | null;
  /** The article's text as its JSON-LD states it (articleBody), if it does. */
  articleBody: string | null;
  /** Words the article says it has (JSON-LD wordCount or articleBody), if it says. */
  statedWords: number | null;
  accessibleForFree: boolean | null;
  /** The page calls itself an article (og:type article, a JSON-LD article node). */
  isArticle: boolean;
}

type Node = Record<string, unknown>;
const ARTICLE_TYPE = /Article|BlogPosting|Posting|Report|Review|Recipe|HowTo|Story/;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const typesOf = (n: Node): string[] => {
  const t = n['@type'] ?? n.type; // some pages write "type"
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

/** Every object in the JSON-LD blocks, with @graph and top-level arrays flattened. */
function jsonLdNodes(blocks: string[]): Node[] {
  const nodes: Node[] = [];
  const add = (v: unknown, depth: number) => {
    if (depth > 3 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => add(x, depth + 1));
    const n = v as Node;
    nodes.push(n);
    if (n['@graph']) add(n['@graph'], depth + 1);
  };
  for (const block of blocks) {
    try {
      add(JSON.parse(block.trim().replace(/^<!--|-->$/g, '').replace(/;\s*$/, '')), 0);
    } catch {
      // a broken block says nothing
    }
  }
  return nodes;
}

/** The node describing the article: the first typed as an article, else the first WebPage. */
function articleNode(nodes: Node[]): Node | null {
  return nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t))) ?? nodes.find((n) => typesOf(n).some((t) => /WebPage/.test(t))) ?? null;
}

function nameOf(v: unknown): string | null {
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => Boolean(n));
    return names.length ? [...new Set(names)].join(', ') : null;
  }
  if (v && typeof v === 'object') return str((v as Node).name);
  return str(v);
}

function urlOf(v: unknown): string | null {
  if (Array.isArray(v)) return urlOf(v[0]);
  if (v && typeof v === 'object') return str((v as Node).url) ?? str((v as Node)['@id']);
  return str(v);
}

const firstOf = <T>(...values: (T | null | undefined)[]): T | null => values.find((v) => v !== null && v !== undefined) ?? null;
const metaOf = (scan: PageScan, ...keys: string[]) => firstOf(...keys.map((k) => scan.meta.get(k)));
/** A full date from a stated value: exactly as written, else the first date inside it; never a bare year-month. */
const readDate = (v: string | null | undefined) => (!v || /^\d{4}[-/]\d{1,2}$/.test(v.trim()) ? null : (parseDate(v) ?? findDate(v)));
const dateOf = (...values: (string | null | undefined)[]) => {
  for (const v of values) {
    const date = readDate(v);
    if (date) return date;
  }
  return null;
};
/** "Published on May 10, 2022", "Erstellt am: 30.01.2022", "Written: 2023-11-07": the date right after such a label. */
const DATE_LABEL = /\b(?:published|posted|written|created|erstellt|veröffentlicht|publiziert|publicado|publié|pubblicato|gepubliceerd|date|datum|fecha)\b(?:\s+(?:on|am|el|le|op|the))?\s*:?\s*/giu;
function labelledDate(lead: string): string | null {
  for (const m of lead.matchAll(DATE_LABEL)) {
    const date = findDate(lead.slice(m.index + m[0].length, m.index + m[0].length + 80), 0);
    if (date) return date;
  }
  return null;
}
const notUrl = (v: string | null) => (v && !/^https?:\/\//i.test(v) ? v : null);

const PUBLISHED_META = [
  'article:published_time', 'article:published', 'og:article:published_time', 'og:published_time', 'datepublished', 'published_time',
  'pubdate', 'publishdate', 'publish_date', 'publish-date', 'pub_date', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued',
  'dc.date.created', 'dc:date.created', 'dcterms.created', 'citation_publication_date', 'citation_online_date', 'citation_date', 'prism.publicationdate',
  'dc.date', 'dcterms.date', 'date', 'dcsext.articlefirstpublished', 'displaydate', 'datecreated',
];
const MODIFIED_META = ['article:modified_time', 'article:modified', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'last-modified'];

/** A full year-month-day in the page's address: /2019/06/19/, /2019-06-19-, /20190619/. */
function dateInUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/._-]|$)/.exec(path) ?? /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/._-]|$)/.exec(path);
  return m ? parseDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`) : null;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function pageFacts(scan: PageScan, url: string): PageFacts {
  const nodes = jsonLdNodes(scan.jsonLd);
  const node = articleNode(nodes) ?? {};
  const times = scan.times;
  const publishedAt = dateOf(
    str(node.datePublished),
    ...PUBLISHED_META.map((k) => scan.meta.get(k)),
    scan.microdata.get('datepublished'),
    ...times.filter((t) => t.published).map((t) => t.value),
    str(node.dateCreated),
    scan.microdata.get('datecreated'),
  ) ??
    dateInUrl(url) ??
    labelledDate(scan.lead) ??
    dateOf(
      ...scan.dateTexts.filter((d) => d.inArticle).map((d) => d.text),
      ...scan.dateTexts.filter((d) => !d.inArticle).map((d) => d.text),
      times.find((t) => t.inArticle)?.value,
      str(node.dateModified),
      ...MODIFIED_META.map((k) => scan.meta.get(k)),
      scan.microdata.get('datemodified'),
      times[0]?.value,
    );

  const articleBody = str(node.articleBody);
  const wordCount = Number(str(node.wordCount) ?? scan.microdata.get('wordcount'));
  const free = node.isAccessibleForFree;
  const ogType = scan.meta.get('og:type')?.toLowerCase();
  return {
    publishedAt,
    author: firstOf(
      nameOf(node.author),
      notUrl(metaOf(scan, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'citation_author', 'byl')),
      notUrl(scan.microdata.get('author') ?? null),
    )?.replace(/^by\s+/i, '') ?? null,
    canonical: firstOf(scan.links.get('canonical'), scan.meta.get('og:url'), urlOf(node.url)),
    title: firstOf(scan.meta.get('og:title'), str(node.headline), scan.meta.get('twitter:title')),
    image: firstOf(metaOf(scan, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'), urlOf(node.image), scan.links.get('image_src'), scan.microdata.get('image')),
    description: metaOf(scan, 'og:description', 'description', 'twitter:description'),
    articleBody,
    statedWords: Number.isFinite(wordCount) && wordCount > 0 ? wordCount : articleBody ? words(articleBody) : null,
    accessibleForFree: free === false || free === 'false' || free === 'False' ? false : free === true || free === 'true' || free === 'True' ? true : null,
    isArticle: ogType === 'article' || typesOf(node).some((t) => ARTICLE_TYPE.test(t)),
  };
}
