import { solve } from '../summary/linear';

// Logistic regression by Newton's method (a handful of features, a few hundred thousand pairs), with a little L2.
export function fitLogistic(rows: Float64Array[], labels: Uint8Array, l2 = 1e-2, iterations = 25): { weights: number[]; bias: number } {
  const d = rows[0]!.length + 1;
  const theta = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(d);
    const h = Array.from({ length: d }, () => new Float64Array(d));
    rows.forEach((x, n) => {
      let z = theta[d - 1]!;
      for (let k = 0; k < d - 1; k++) z += theta[k]! * x[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const r = p - labels[n]!;
      const w = p * (1 - p);
      for (let a = 0; a < d; a++) {
        const xa = a < d - 1 ? x[a]! : 1;
        g[a]! += r * xa;
        for (let b = 0; b <= a; b++) h[a]![b]! += w * xa * (b < d - 1 ? x[b]! : 1);
      }
    });
    for (let a = 0; a < d; a++) {
      g[a]! += l2 * theta[a]!;
      h[a]![a]! += l2;
      for (let b = 0; b < a; b++) h[b]![a] = h[a]![b]!;
    }
    const step = solve(h, g);
    for (let a = 0; a < d; a++) theta[a]! -= step[a]!;
  }
  return { weights: Array.from(theta.subarray(0, d - 1)), bias: theta[d - 1]! };
}
