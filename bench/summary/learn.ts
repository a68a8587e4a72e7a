// Fitting and cross-validating the sentence ranker (src/core/summarize/ranker.ts) on the corpora:
// each candidate sentence of each article gets a label (does it belong in the reference summary?), a
// logistic regression with an L2 penalty is fitted to the labels by Newton's method, and the fitted
// ranker is scored by ROUGE on articles it was not fitted on (k folds).
import type { Budget } from '../../src/core/model.js';
import { analyzeArticle, budgetShare, scoresFor, type AnalyzedArticle } from '../../src/core/summarize/article.js';
import { FEATURES, withBudget } from '../../src/core/summarize/features.js';
import { select } from '../../src/core/summarize/rank.js';
import type { Ranker } from '../../src/core/summarize/ranker.js';
import { rouge, rougeN, rougeTokens } from './rouge.js';
import { solve } from './linear.js';

/** One article ready for fitting and scoring. */
export interface Example {
  corpus: 'cnndm' | 'bbc';
  name: string;
  reference: string[];
  /** Reference length in sentences (BBC's budget). */
  k: number;
  article: AnalyzedArticle;
  /** The budget the labels are for (the reference's length; three sentences for highlights). */
  budget: Budget;
  /** The features for that budget. */
  features: number[][];
  /** Each candidate's text. */
  texts: string[];
  /** Each candidate's label: 1 when it belongs in the reference summary. */
  labels: number[];
}

/**
 * The MMR trade-off the ranker ships with. Pairwise scores have no fixed scale to set against similarity,
 * and a redundancy penalty did not help on either corpus (measured at 0.8 and 0.9): the scores alone pick.
 */
export const LAMBDA = 1;
/**
 * L2 penalty on the weights, against a total sample weight of one per corpus. Small: the features are few
 * and the pairs many (tried 1e-3, 1e-4, 1e-5 under cross-validation; the smallest did best on both corpora).
 */
export const PENALTY = 1e-5;
export const FOLDS = 5;
/** How much each corpus weighs in the fit, in total. */
export const CORPUS_WEIGHT: Record<string, number> = { cnndm: 1, bbc: 1 };
export const OBJECTIVE: 'pointwise' | 'pairwise' = 'pairwise';

/** BBC's references are extractive: a sentence is in the summary when its words run inside the reference. */
function bbcLabels(texts: string[], reference: string[]): number[] {
  const whole = ` ${reference.map((r) => rougeTokens(r).join(' ')).join(' ')} `;
  return texts.map((t) => {
    const tokens = rougeTokens(t);
    return tokens.length >= 3 && whole.includes(` ${tokens.join(' ')} `) ? 1 : 0;
  });
}

/** CNN/DailyMail's highlights are written anew: the label is the greedy ROUGE oracle (sentences that raise ROUGE-1 + ROUGE-2 most). */
function oracleLabels(texts: string[], reference: string[], limit: number): number[] {
  const ref = rougeTokens(reference.join(' '));
  const tokens = texts.map(rougeTokens);
  const labels = texts.map(() => 0);
  const chosen: number[] = [];
  let best = 0;
  while (chosen.length < limit) {
    let pick = -1;
    for (let i = 0; i < texts.length; i++) {
      if (labels[i] === 1) continue;
      const candidate = [...chosen, i].sort((a, b) => a - b).flatMap((j) => tokens[j] ?? []);
      const value = rougeN(candidate, ref, 1) + rougeN(candidate, ref, 2);
      if (value > best) {
        best = value;
        pick = i;
      }
    }
    if (pick < 0) break;
    labels[pick] = 1;
    chosen.push(pick);
  }
  return labels;
}

/** A softer label for written highlights: each sentence's ROUGE-1 + ROUGE-2 precision against them, over the article's best. */
function softLabels(texts: string[], reference: string[]): number[] {
  const ref = rougeTokens(reference.join(' '));
  const refUni = new Map<string, number>();
  const refBi = new Set<string>();
  ref.forEach((t, i) => {
    refUni.set(t, 1);
    if (i > 0) refBi.add(`${ref[i - 1]} ${t}`);
  });
  const raw = texts.map((t) => {
    const tokens = rougeTokens(t);
    if (tokens.length < 3) return 0;
    let uni = 0;
    let bi = 0;
    tokens.forEach((token, i) => {
      if (refUni.has(token)) uni++;
      if (i > 0 && refBi.has(`${tokens[i - 1]} ${token}`)) bi++;
    });
    return uni / tokens.length + bi / (tokens.length - 1);
  });
  const max = Math.max(1e-9, ...raw);
  return raw.map((r) => r / max);
}

/** Oracle membership scored better than the soft label on both corpora (measured), so it is the one used. */
export const LABELS: 'oracle' | 'soft' = 'oracle';

export function example(corpus: Example['corpus'], name: string, body: string, title: string | null, reference: string[]): Example {
  const article = analyzeArticle(body, title);
  const texts = article.candidates.map((c) => article.sentences[c.index]?.text ?? '');
  const labels = corpus === 'bbc' ? bbcLabels(texts, reference) : LABELS === 'soft' ? softLabels(texts, reference) : oracleLabels(texts, reference, 3);
  const budget: Budget = { sentences: corpus === 'bbc' ? reference.length : 3 };
  return { corpus, name, reference, k: reference.length, article, budget, features: withBudget(article.features, budgetShare(article, budget)), texts, labels };
}

/**
 * Logistic regression by Newton's method. Each corpus weighs the same in total and each article the same
 * within its corpus, so a long article or the larger corpus does not decide alone.
 */
export function fit(examples: Example[], penalty = PENALTY, objective: 'pointwise' | 'pairwise' = OBJECTIVE): Ranker {
  const rows: { x: number[]; y: number; s: number }[] = [];
  const perCorpus = new Map<string, number>();
  for (const e of examples) perCorpus.set(e.corpus, (perCorpus.get(e.corpus) ?? 0) + 1);
  for (const e of examples) {
    const n = e.labels.length;
    const share = (CORPUS_WEIGHT[e.corpus] ?? 1) / (perCorpus.get(e.corpus) ?? 1);
    if (objective === 'pointwise') {
      e.features.forEach((x, i) => rows.push({ x, y: e.labels[i] ?? 0, s: share / n }));
      continue;
    }
    // Pairwise: a sentence of the summary should score above one outside it in the same article.
    const positive = e.features.filter((_, i) => (e.labels[i] ?? 0) >= 0.5);
    const negative = e.features.filter((_, i) => (e.labels[i] ?? 0) < 0.5);
    const pairs = positive.length * negative.length;
    for (const p of positive) for (const q of negative) rows.push({ x: p.map((v, k) => (k === 0 ? 0 : v - (q[k] as number))), y: 1, s: share / pairs });
  }
  const d = FEATURES.length;
  let w = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < 30; iteration++) {
    const g = w.map((wk, k) => (k === 0 ? 0 : penalty * wk));
    const h = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? penalty : 0)));
    for (const { x, y, s } of rows) {
      let z = 0;
      for (let k = 0; k < d; k++) z += x[k]! * w[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const r = s * (p - y);
      const v = s * p * (1 - p);
      for (let i = 0; i < d; i++) {
        g[i]! += r * x[i]!;
        if (x[i] === 0) continue;
        for (let j = 0; j < d; j++) h[i]![j]! += v * x[i]! * x[j]!;
      }
    }
    for (let i = 0; i < d; i++) h[i]![i]! += 1e-9;
    const step = solve(h, g);
    w = w.map((wk, k) => wk - step[k]!);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return { features: [...FEATURES], weights: w.map((x) => Number(x.toFixed(4))), lambda: LAMBDA };
}

/** The summary a ranker picks for an analyzed article within a budget. */
export function pick(e: Example, ranker: Ranker, budget: Budget): string[] {
  const scores = scoresFor(e.article, budget, ranker);
  return select(e.article.candidates, scores, e.article.matrix, budget, ranker.lambda).map((i) => e.texts[i] ?? '');
}

export interface FoldScores {
  /** Mean ROUGE-2 (F1) per fold, in fold order. */
  folds: number[];
  mean: number;
}

/** Article i of a corpus goes to fold i mod FOLDS (the corpora are listed in a fixed order). */
/** A figure to cross-validate: a corpus, a budget, and what is done with the picked sentences (the digest cuts them). */
export interface Task {
  corpus: Example['corpus'];
  budget: (e: Example) => Budget;
  then?: (sentences: string[]) => string[];
}

export function crossValidate(examples: Example[], tasks: Record<string, Task>, penalty = PENALTY, objective = OBJECTIVE): Record<string, FoldScores> {
  const fold = new Map<Example, number>();
  const seen = new Map<string, number>();
  for (const e of examples) {
    const i = seen.get(e.corpus) ?? 0;
    seen.set(e.corpus, i + 1);
    fold.set(e, i % FOLDS);
  }
  const sums: Record<string, { total: number; count: number }[]> = {};
  for (const name of Object.keys(tasks)) sums[name] = Array.from({ length: FOLDS }, () => ({ total: 0, count: 0 }));
  for (let f = 0; f < FOLDS; f++) {
    const ranker = fit(examples.filter((e) => fold.get(e) !== f), penalty, objective);
    for (const e of examples.filter((x) => fold.get(x) === f)) {
      for (const [name, task] of Object.entries(tasks)) {
        if (task.corpus !== e.corpus) continue;
        const cell = sums[name]![f]!;
        const picked = pick(e, ranker, task.budget(e));
        cell.total += rouge(task.then ? task.then(picked) : picked, e.reference).rouge2;
        cell.count++;
      }
    }
  }
  const out: Record<string, FoldScores> = {};
  for (const [name, cells] of Object.entries(sums)) {
    const folds = cells.map((c) => (c.count ? c.total / c.count : 0));
    const total = cells.reduce((s, c) => s + c.total, 0);
    const count = cells.reduce((s, c) => s + c.count, 0);
    out[name] = { folds, mean: count ? total / count : 0 };
  }
  return out;
}
