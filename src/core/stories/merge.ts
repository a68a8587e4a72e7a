// Groups that tell one story become one, in time near-linear in the number of articles: candidates are the
// articles that share a key term (as in the story index), and groups are joined best link first (average-style
// linkage over the pairs across them, see groupLink), so a chain of look-alikes does not snowball into one story.
import { SCORED, keyTerms } from './key-terms';
import { IN_TITLE, type Signature, decodeSignature } from './signature';
import { JOIN_LINK, type StoryModel, STORY_MODEL, gapPenalty, groupLink, pairLogit, sameStoryProbability } from './similarity';

/** Articles compared per key term: a term shared by more is a topic, not evidence. */
const POSTING_SCAN = 64;

export interface Groupable {
  fingerprint: string;
  publishedAt: string;
}

/** Which groups join: the index of the group each input group ends up in (the lowest index of its merged set). */
export function mergeGroups<T extends Groupable>(groups: readonly (readonly T[])[], model: StoryModel = STORY_MODEL): number[] {
  const members: { group: number; signature: Signature; time: number }[] = [];
  groups.forEach((items, group) => {
    for (const item of items) {
      const signature = decodeSignature(item.fingerprint);
      if (signature) members.push({ group, signature, time: Date.parse(item.publishedAt) });
    }
  });
  // Probabilities of the compared pairs across each two groups, keyed "low:high".
  const across = new Map<string, number[]>();
  const postings = new Map<number, number[]>();
  members.forEach((m, i) => {
    const met = new Map<number, number>();
    for (const term of keyTerms(m.signature)) {
      const h = m.signature.hashes[term]!;
      const weight = m.signature.weights[term]! * (m.signature.flags[term]! & IN_TITLE ? 2 : 1);
      const list = postings.get(h) ?? [];
      for (let n = list.length - 1; n >= Math.max(0, list.length - POSTING_SCAN); n--) {
        const j = list[n]!;
        if (members[j]!.group !== m.group) met.set(j, (met.get(j) ?? 0) + weight);
      }
      list.push(i);
      postings.set(h, list);
    }
    // As the story index does: only the articles sharing the most key-term weight are compared in full.
    const chosen = [...met.keys()];
    if (chosen.length > SCORED) chosen.sort((x, y) => met.get(y)! - met.get(x)! || y - x).length = SCORED;
    for (const j of chosen) {
      const other = members[j]!;
      const penalty = gapPenalty(Number.isFinite(m.time - other.time) ? m.time - other.time : 0);
      if (penalty === Number.NEGATIVE_INFINITY) continue;
      const p = sameStoryProbability(pairLogit(m.signature, other.signature, model) + penalty, members.length, model);
      const key = m.group < other.group ? `${m.group}:${other.group}` : `${other.group}:${m.group}`;
      const ps = across.get(key);
      if (ps) ps.push(p);
      else across.set(key, [p]);
    }
  });
  return joinBestFirst(groups.map((g) => g.length), across);
}

/** Agglomerates groups, best link first, while the best link reaches JOIN_LINK. */
function joinBestFirst(sizes: number[], across: Map<string, number[]>): number[] {
  const size = [...sizes];
  const parent = sizes.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const neighbours = sizes.map(() => new Map<number, number[]>());
  for (const [key, ps] of across) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    neighbours[a]!.set(b, ps);
    neighbours[b]!.set(a, ps);
  }
  const link = (a: number, b: number) => groupLink([...(neighbours[a]!.get(b) ?? [])], size[a]! * size[b]!);
  const heap = new MaxHeap();
  neighbours.forEach((ns, a) => ns.forEach((_, b) => a < b && heap.push(link(a, b), a, b)));
  for (let top = heap.pop(); top && top.value >= JOIN_LINK; top = heap.pop()) {
    const { a, b, value } = top;
    if (root(a) !== a || root(b) !== b || link(a, b) !== value) continue;
    const [keep, gone] = a < b ? [a, b] : [b, a];
    parent[gone] = keep;
    size[keep]! += size[gone]!;
    neighbours[keep]!.delete(gone);
    for (const [c, ps] of neighbours[gone]!) {
      if (c === keep) continue;
      const joined = [...(neighbours[keep]!.get(c) ?? []), ...ps];
      neighbours[keep]!.set(c, joined);
      neighbours[c]!.set(keep, joined);
      neighbours[c]!.delete(gone);
    }
    neighbours[gone]!.clear();
    for (const c of neighbours[keep]!.keys()) heap.push(link(keep, c), keep, c);
  }
  return parent.map((_, i) => root(i));
}

/** A binary max-heap of (value, a, b). */
class MaxHeap {
  private readonly items: { value: number; a: number; b: number }[] = [];

  push(value: number, a: number, b: number): void {
    const items = this.items;
    items.push({ value, a, b });
    for (let i = items.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (items[up]!.value >= items[i]!.value) break;
      [items[up], items[i]] = [items[i]!, items[up]!];
      i = up;
    }
  }

  pop(): { value: number; a: number; b: number } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!items.length || !last) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < items.length && items[l]!.value > items[m]!.value) m = l;
      if (r < items.length && items[r]!.value > items[m]!.value) m = r;
      if (m === i) break;
      [items[m], items[i]] = [items[i]!, items[m]!];
      i = m;
    }
    return top;
  }
}
