// The nouns of Tidings. Plain data only: everything here survives JSON.stringify and a trip through the store.

/** A direct quote found in an article: the words inside the marks, verbatim, and who said them. */
export interface Quote {
  text: string;
  /** The resolved name ("Marco Rubio"), or null when nobody can be named. */
  speaker: string | null;
  /** The verb or phrase that attributes it ("said", "according to"), or null. */
  cue: string | null;
}

/** What the summarizer makes of one text. `sentences` are verbatim and in the article's order. */
export interface Summary {
  title: string;
  language: string;
  sentences: string[];
  quotes: Quote[];
  keywords: string[];
  /** Set when the text was longer than the summarizer reads: how many characters it read, of how many. */
  truncated?: { read: number; total: number };
}

/** A length budget for a summary: so many sentences, or about so many words. */
export type Budget = { sentences: number } | { words: number };

/** Where a digest or a reply goes: a chat on a platform, optionally a forum topic or thread inside it. */
export interface ChatTarget {
  platform: string; // 'telegram' | 'discord' | 'console' | any future adapter
  chatId: string;
  threadId?: string | null;
}

/** An item as a source hands it over, before it is summarized and stored. */
export interface RawItem {
  /** The feed's own identifier for the item, when it has one. */
  guid?: string | null;
  url?: string | null;
  title?: string | null;
  /** Plain text (HTML already turned into text). */
  text: string;
  publishedAt?: string | null; // ISO 8601
  author?: string | null;
  /** The article's lead image as its page names it (og:image, JSON-LD image …), when the item was read from a page. */
  image?: string | null;
  /** True when only a teaser was available (paywall, blocked page): the digest says so. */
  excerptOnly?: boolean;
}

/** A stored article: one item, summarized once at ingestion. */
export interface Article {
  /** Stable identity: guid, else canonical URL, else a content hash (see core/stories/identity). */
  id: string;
  feedId: string | null;
  sourceName: string;
  url: string | null;
  title: string;
  text: string;
  publishedAt: string; // ISO 8601
  ingestedAt: string; // ISO 8601
  language: string;
  summary: string[];
  quotes: Quote[];
  keywords: string[];
  excerptOnly: boolean;
  /** The story this article tells; several articles from several outlets may share one. */
  storyId: string;
  /** A near-duplicate fingerprint of title + lead (hex), used to group stories across sources. */
  fingerprint: string;
}

/** One story as several outlets told it. */
export interface Story {
  id: string;
  articles: Article[];
}

/**
 * A source the bot reads: a feed URL, a page, or a local folder/file. One row per location; chats link to
 * the feeds they added, and `global` feeds (the operator's) reach every chat.
 */
export interface Feed {
  id: string;
  url: string;
  title: string | null;
  global: boolean;
  enabled: boolean;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: string | null;
  failures: number;
  lastError: string | null;
  createdAt: string;
}

/** One chat's digest settings. One model for every platform. */
export interface Subscription {
  id: string;
  target: ChatTarget;
  /** Local time of day, HH:MM (24 h). */
  time: string;
  /** IANA time zone, e.g. Europe/Kyiv. */
  timezone: string;
  /** Include words; empty means everything. */
  topics: string[];
  maxStories: number;
  quotes: boolean;
  /** On a day with nothing new: send a one-line note (true) or nothing (false). */
  sendEmpty: boolean;
  active: boolean;
  /** Everything ingested up to this instant has been covered by a digest (ISO), or null before the first one. */
  coveredUntil: string | null;
  /**
   * The ingest sequence number of the last article a scheduled digest covered; absent before the first one.
   * Set by the store only (a digest's enqueue), never by a saved copy.
   */
  coveredSeq?: number;
  createdAt: string;
}

/** One story as it appears in a digest. */
export interface DigestEntry {
  storyId: string;
  headline: string;
  url: string | null;
  publishedAt: string;
  summary: string[];
  quote: Quote | null;
  sources: { name: string; url: string | null }[];
  excerptOnly: boolean;
}

export interface Digest {
  /** The reader's IANA time zone: dates in the digest are shown in it. */
  timezone: string;
  /** The instants the digest covers: (since, until]. */
  since: string;
  until: string;
  generatedAt: string;
  entries: DigestEntry[];
  /** New quotes by the people the chat follows ("Said since the last digest"), newest first. */
  said?: SaidQuote[];
  /** An alert: only `said`, sent as soon as the quotes arrived rather than on the digest's schedule. */
  alert?: boolean;
}

/** `skipped`: the period was covered with nothing to say and the chat asked for silence (nothing is sent). */
export type OutboxStatus = 'pending' | 'sent' | 'dropped' | 'skipped';

/** A digest waiting to be delivered: one row per (subscription, period). */
export interface OutboxRow {
  id: string;
  subscriptionId: string;
  /** Identifies the digest period (e.g. "2025-08-14" local date, or "ondemand:…"): unique per subscription. */
  periodKey: string;
  target: ChatTarget;
  digest: Digest;
  status: OutboxStatus;
  attempts: number;
  /** Not claimable before this instant (lease or retry backoff). */
  availableAt: string;
  messageIds: string[];
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** One outlet's article that carried a quote. */
export interface QuoteSource {
  articleId: string;
  outlet: string;
  url: string | null;
  publishedAt: string;
}

/** A stored quote: one row per (person, words), with every article that carried it (duplicates folded). */
export interface SaidQuote {
  id: string;
  personId: string;
  /** The person's name as shown ("Marco Rubio"). */
  person: string;
  text: string;
  /** When the first article carrying it was published. */
  publishedAt: string;
  /** When it first arrived here. */
  seenAt: string;
  sources: QuoteSource[];
}

/** A chat following a person: their quotes go into its digest, and with `alerts` also out at once. */
export interface Follow {
  target: ChatTarget;
  personId: string;
  person: string;
  alerts: boolean;
  /** Quotes that arrived up to this instant were alerted already (or predate the follow). */
  alertedUntil: string;
  createdAt: string;
}

/** A person and how often they were quoted in some window. */
export interface QuotedPerson {
  id: string;
  name: string;
  quotes: number;
  lastQuoted: string;
}
