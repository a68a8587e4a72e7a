// Recent articles indexed by their key terms (the rarest of each signature), so matching a new article compares it
// with the few that share a name or a rare word instead of every article of the last two days.
// A polling run holds every article of the story window here (tens of thousands), so the index is a few flat
// typed arrays rather than objects per article: signatures, arrival times and posting chains, none of it on the
// JS heap the garbage collector walks. The document frequencies that weigh new articles' terms live here too.
import { DocumentFrequency } from './document-frequency';
import { KEY_TERMS, SCORED, keepHeaviest, keyTerms } from './key-terms';
import { fingerprint } from './fingerprint';
import { IN_TITLE, type Signature, decodeSignature } from './signature';
import { JOIN_LINK, type SideTotals, type StoryModel, STORY_MODEL, gapPenalty, groupLink, pairLogit, sameStoryProbability, sideTotals } from './similarity';

/** Only the latest this-many articles of one key term are met: a crowded term is a topic, not evidence. */
const POSTING_SCAN = 64;
const NONE = -1;
const MINUTE = 60_000;

export interface StoryCandidate {
  storyId: string;
  fingerprint: string;
  /** When the article was published (ISO); articles too far apart never share a story. */
  publishedAt?: string;
}

/** What ingestion needs to group an article: its fingerprint, then the story it joins (null for a new one). */
export interface StoryGrouping {
  fingerprint(title: string, text: string, language?: string): string;
  match(fingerprint: string, publishedAt?: string): string | null;
}

const minutesOf = (iso: string | undefined): number => {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? Math.round(ms / MINUTE) : NONE;
};

/**
 * Article k is the k-th added. Its terms are terms[start[k] … start[k+1]). Its m-th key term is the posting
 * k·KEY_TERMS + m; a term's postings form a chain, newest first: the table holds the newest, `older` links each to
 * the one before it, and `postingTerm` says which term a posting is of.
 */
export class StoryIndex implements StoryGrouping {
  private count = 0;
  private readonly storyIds: string[] = [];
  private readonly storySizes = new Map<string, number>();
  private readonly df = new DocumentFrequency();
  private hashes = new Uint32Array(1024);
  private weights = new Float32Array(1024);
  private flags = new Uint8Array(1024);
  private start = new Int32Array(65).fill(0);
  private minutes = new Int32Array(64);
  /** Each article's side totals (see SideTotals): norm and title weight, numbers and title numbers. */
  private norms = new Float32Array(64);
  private titles = new Float32Array(64);
  private numbers = new Uint8Array(128);
  private older = new Int32Array(64 * KEY_TERMS);
  private postingTerm = new Uint32Array(64 * KEY_TERMS);
  /** Open addressing (linear probing, power-of-two size): the newest posting of each term, or NONE. */
  private table = new Int32Array(1024).fill(NONE);
  private terms = 0;
  /** The query that last met each article, so a candidate met through two terms is counted once. */
  private seenBy = new Int32Array(64);
  /** Where in `met` each article met by the current query is. */
  private metAt = new Int32Array(64);
  private queries = 0;
  /** The articles one match met, the key-term weight each shares, their order by it (reused: at most KEY_TERMS · POSTING_SCAN). */
  private readonly met = new Int32Array(KEY_TERMS * POSTING_SCAN);
  private readonly sharedKeyWeight = new Float64Array(KEY_TERMS * POSTING_SCAN);
  private readonly order = new Int32Array(KEY_TERMS * POSTING_SCAN);
  /** The articles one match compared, and their probabilities. */
  private readonly compared = new Int32Array(SCORED);
  private readonly probabilities = new Float64Array(SCORED);
  /** Ingestion matches an article, then adds it: its fingerprint is read once for both. */
  private lastRead: { fp: string; signature: Signature | null } = { fp: '', signature: null };

  constructor(candidates: Iterable<StoryCandidate> = [], private readonly model: StoryModel = STORY_MODEL) {
    for (const c of candidates) this.add(c);
  }

  /** How many articles are indexed (those with a usable signature). */
  get size(): number {
    return this.count;
  }

  /** The fingerprint of a new article, its terms weighted by how rare they are among the indexed articles. */
  fingerprint(title: string, text: string, language = 'en'): string {
    return fingerprint(title, text, language, this.df);
  }

  add(c: StoryCandidate): void {
    const s = this.read(c.fingerprint);
    if (!s) return;
    const k = this.count;
    this.reserve(k + 1, this.start[k]! + s.hashes.length);
    const at = this.start[k]!;
    this.hashes.set(s.hashes, at);
    this.weights.set(s.weights, at);
    this.flags.set(s.flags, at);
    this.start[k + 1] = at + s.hashes.length;
    this.minutes[k] = minutesOf(c.publishedAt);
    const totals = sideTotals(s);
    this.norms[k] = totals.norm;
    this.titles[k] = totals.title;
    this.numbers[2 * k] = totals.numbers;
    this.numbers[2 * k + 1] = totals.titleNumbers;
    this.storyIds.push(c.storyId);
    this.storySizes.set(c.storyId, (this.storySizes.get(c.storyId) ?? 0) + 1);
    this.df.add(s.hashes);
    this.count++;
    keyTerms(s).forEach((term, m) => {
      const posting = k * KEY_TERMS + m;
      const h = s.hashes[term]!;
      const slot = this.slotOf(h);
      const newest = this.table[slot]!;
      this.older[posting] = newest;
      this.postingTerm[posting] = h;
      this.table[slot] = posting;
      if (newest === NONE && ++this.terms * 4 > this.table.length * 3) this.rehash();
    });
  }

  /** The story the article joins (the best linked one at or above the bar), or null for a new story. */
  match(fp: string, publishedAt?: string): string | null {
    const s = this.read(fp);
    if (!s) return null;
    const when = minutesOf(publishedAt);
    const query = ++this.queries;
    const indexed: Signature = { hashes: this.hashes, weights: this.weights, flags: this.flags };
    const totals = sideTotals(s);
    const other: SideTotals = { norm: 0, title: 0, numbers: 0, titleNumbers: 0 };
    let metCount = 0;
    for (const term of keyTerms(s)) {
      const weight = s.weights[term]! * (s.flags[term]! & IN_TITLE ? 2 : 1);
      let posting = this.table[this.slotOf(s.hashes[term]!)]!;
      for (let n = 0; posting !== NONE && n < POSTING_SCAN; n++, posting = this.older[posting]!) {
        const k = Math.floor(posting / KEY_TERMS);
        if (this.seenBy[k] === query) {
          if (this.metAt[k]! >= 0) this.sharedKeyWeight[this.metAt[k]!]! += weight;
          continue;
        }
        this.seenBy[k] = query;
        this.metAt[k] = -1;
        const gap = when === NONE || this.minutes[k] === NONE ? 0 : (when - this.minutes[k]!) * MINUTE;
        if (gapPenalty(gap) === Number.NEGATIVE_INFINITY) continue;
        this.metAt[k] = metCount;
        this.met[metCount] = k;
        this.sharedKeyWeight[metCount++] = weight;
      }
    }
    for (let c = 0; c < metCount; c++) this.order[c] = c;
    const chosen = this.order.subarray(0, metCount);
    if (metCount > SCORED) {
      // The heaviest first, in the order the full sort gave (which story wins a tie depends on it).
      keepHeaviest(chosen, metCount, this.sharedKeyWeight, SCORED);
      chosen.subarray(0, SCORED).sort((x, y) => this.sharedKeyWeight[y]! - this.sharedKeyWeight[x]! || x - y);
    }
    const compared = Math.min(SCORED, metCount);
    for (let c = 0; c < compared; c++) {
      const k = this.met[chosen[c]!]!;
      const gap = when === NONE || this.minutes[k] === NONE ? 0 : (when - this.minutes[k]!) * MINUTE;
      other.norm = this.norms[k]!;
      other.title = this.titles[k]!;
      other.numbers = this.numbers[2 * k]!;
      other.titleNumbers = this.numbers[2 * k + 1]!;
      const logit = pairLogit(s, indexed, this.model, this.start[k], this.start[k + 1], totals, other);
      this.compared[c] = k;
      this.probabilities[c] = sameStoryProbability(logit + gapPenalty(gap), this.count, this.model);
    }
    // A story's link is at most its best pair's probability: only stories with a pair at the bar can be joined,
    // so only theirs are gathered (most candidates share a common word and nothing else).
    const byStory = new Map<string, number[]>();
    for (let c = 0; c < compared; c++) if (this.probabilities[c]! >= JOIN_LINK) byStory.set(this.storyIds[this.compared[c]!]!, []);
    if (byStory.size)
      for (let c = 0; c < compared; c++) byStory.get(this.storyIds[this.compared[c]!]!)?.push(this.probabilities[c]!);
    let best: string | null = null;
    let bestLink = JOIN_LINK;
    for (const [story, probabilities] of byStory) {
      const link = groupLink(probabilities, this.storySizes.get(story)!);
      if (link >= bestLink) {
        best = story;
        bestLink = link;
      }
    }
    return best;
  }

  private read(fp: string): Signature | null {
    if (fp !== this.lastRead.fp) this.lastRead = { fp, signature: decodeSignature(fp) };
    return this.lastRead.signature;
  }

  /** The table slot of a term: its chain's head, or the empty slot it would take. */
  private slotOf(h: number): number {
    const mask = this.table.length - 1;
    for (let i = Math.imul(h, 0x9e3779b1) >>> 0 & mask; ; i = (i + 1) & mask) {
      const posting = this.table[i]!;
      if (posting === NONE || this.postingTerm[posting] === h) return i;
    }
  }

  /** Room for `articles` articles and `termCount` terms, half as much again each time it grows. */
  private reserve(articles: number, termCount: number): void {
    if (termCount > this.hashes.length) {
      const size = Math.ceil(Math.max(termCount, this.hashes.length * 1.5));
      this.hashes = grown(this.hashes, new Uint32Array(size));
      this.weights = grown(this.weights, new Float32Array(size));
      this.flags = grown(this.flags, new Uint8Array(size));
    }
    if (articles > this.minutes.length) {
      const size = Math.ceil(this.minutes.length * 1.5);
      this.minutes = grown(this.minutes, new Int32Array(size));
      this.norms = grown(this.norms, new Float32Array(size));
      this.titles = grown(this.titles, new Float32Array(size));
      this.numbers = grown(this.numbers, new Uint8Array(2 * size));
      this.seenBy = grown(this.seenBy, new Int32Array(size));
      this.metAt = grown(this.metAt, new Int32Array(size));
      this.start = grown(this.start, new Int32Array(size + 1));
      this.older = grown(this.older, new Int32Array(size * KEY_TERMS));
      this.postingTerm = grown(this.postingTerm, new Uint32Array(size * KEY_TERMS));
    }
  }

  /** Twice the table, each term's newest posting placed anew (the chains behind it stay as they are). */
  private rehash(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2).fill(NONE);
    for (const posting of old) if (posting !== NONE) this.table[this.slotOf(this.postingTerm[posting]!)] = posting;
  }
}

function grown<T extends Uint32Array | Float32Array | Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
