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

/** Solves h·x = g by Gaussian elimination with partial pivoting. */
function solve(h: Float64Array[], g: Float64Array): Float64Array {
  const n = g.length;
  const m = h.map((row, i) => [...row, g[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}
