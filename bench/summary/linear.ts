// Small dense linear systems, as Newton's method needs them when fitting a logistic model (the sentence ranker
// here, the story pair model in bench/stories).

/** Solves A x = b (A square and small) by Gaussian elimination with partial pivoting. */
export function solve(a: readonly ArrayLike<number>[], b: ArrayLike<number>): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...Array.from(row), b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}
