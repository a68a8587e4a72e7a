// Pairwise precision and recall of "same person" over mentions, counted from cluster sizes (no pair lists):
// a pair is predicted same when both mentions got the same predicted id, gold same when both have the same
// gold key. A mention with no predicted person is alone in its own cluster.

export interface Scored {
  document: string;
  gold: string;
  predicted: string | null;
}

export interface PairScore {
  precision: number;
  recall: number;
  f1: number;
  goldPairs: number;
  predictedPairs: number;
  truePairs: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

function countPairs(mentions: Scored[]): { gold: number; predicted: number; both: number } {
  const gold = new Map<string, number>();
  const predicted = new Map<string, number>();
  const both = new Map<string, number>();
  for (const m of mentions) {
    gold.set(m.gold, (gold.get(m.gold) ?? 0) + 1);
    if (m.predicted === null) continue;
    predicted.set(m.predicted, (predicted.get(m.predicted) ?? 0) + 1);
    const cell = `${m.gold}\u0000${m.predicted}`;
    both.set(cell, (both.get(cell) ?? 0) + 1);
  }
  const sum = (counts: Map<string, number>): number => [...counts.values()].reduce((s, n) => s + pairs(n), 0);
  return { gold: sum(gold), predicted: sum(predicted), both: sum(both) };
}

function score(gold: number, predicted: number, both: number): PairScore {
  const precision = predicted === 0 ? 1 : both / predicted;
  const recall = gold === 0 ? 1 : both / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, goldPairs: gold, predictedPairs: predicted, truePairs: both };
}

/** All pairs, and the pairs whose two mentions are in different articles. */
export function pairScores(mentions: Scored[]): { all: PairScore; crossDocument: PairScore } {
  const all = countPairs(mentions);
  const byDocument = new Map<string, Scored[]>();
  for (const m of mentions) byDocument.set(m.document, [...(byDocument.get(m.document) ?? []), m]);
  const within = { gold: 0, predicted: 0, both: 0 };
  for (const list of byDocument.values()) {
    const counted = countPairs(list);
    within.gold += counted.gold;
    within.predicted += counted.predicted;
    within.both += counted.both;
  }
  return {
    all: score(all.gold, all.predicted, all.both),
    crossDocument: score(all.gold - within.gold, all.predicted - within.predicted, all.both - within.both),
  };
}
