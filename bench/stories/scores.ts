// B-cubed and pairwise precision/recall/F1 of a clustering against gold labels.
export interface Scores { p: number; r: number; f: number }
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

export function bcubed(gold: string[], pred: string[]): Scores {
  const n = gold.length;
  const key = (g: string, c: string) => `${g}\u0000${c}`;
  const gc = new Map<string, number>(), cc = new Map<string, number>(), both = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    gc.set(gold[i]!, (gc.get(gold[i]!) ?? 0) + 1);
    cc.set(pred[i]!, (cc.get(pred[i]!) ?? 0) + 1);
    const k = key(gold[i]!, pred[i]!);
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let p = 0, r = 0;
  for (let i = 0; i < n; i++) {
    const b = both.get(key(gold[i]!, pred[i]!))!;
    p += b / cc.get(pred[i]!)!;
    r += b / gc.get(gold[i]!)!;
  }
  return { p: p / n, r: r / n, f: f1(p / n, r / n) };
}

export function pairwise(gold: string[], pred: string[]): Scores & { tp: number; fp: number; fn: number } {
  const pairs = (m: Map<string, number>) => [...m.values()].reduce((s, c) => s + (c * (c - 1)) / 2, 0);
  const count = (xs: string[]) => { const m = new Map<string, number>(); for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1); return m; };
  const tp = pairs(count(gold.map((g, i) => `${g}\u0000${pred[i]}`)));
  const predPairs = pairs(count(pred)), goldPairs = pairs(count(gold));
  const p = predPairs ? tp / predPairs : 1, r = goldPairs ? tp / goldPairs : 1;
  return { p, r, f: f1(p, r), tp, fp: predPairs - tp, fn: goldPairs - tp };
}
