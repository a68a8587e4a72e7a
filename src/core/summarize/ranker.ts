import shipped from './ranker.json' with { type: 'json' };
import { FEATURES } from './features.js';

// The learned part of the summarizer: linear weights over the sentence features (features.ts scores with
// them), fitted as a pairwise logistic ranker, and the MMR trade-off that picks among the scored sentences. The weights ship as ranker.json, fitted on the evaluation corpora
// by `npm run train:summary` (bench/summary/train.ts), which also reports them cross-validated.

export interface Ranker {
  /** The feature names the weights are for, in order (they must be FEATURES). */
  features: readonly string[];
  weights: readonly number[];
  /** MMR trade-off: 1 = score only, 0 = novelty only. */
  lambda: number;
}

/** A ranker read from JSON, checked against the features this code computes. */
export function rankerFrom(value: unknown): Ranker {
  const r = value as Partial<Ranker> | null;
  const ok =
    r !== null &&
    Array.isArray(r.features) &&
    Array.isArray(r.weights) &&
    typeof r.lambda === 'number' &&
    r.features.length === FEATURES.length &&
    r.features.every((name, i) => name === FEATURES[i]) &&
    r.weights.length === FEATURES.length &&
    r.weights.every((w) => typeof w === 'number' && Number.isFinite(w));
  if (!ok) throw new Error(`ranker weights do not match the features (${FEATURES.join(', ')}): run npm run train:summary`);
  return { features: r.features as string[], weights: r.weights as number[], lambda: r.lambda as number };
}

export const DEFAULT_RANKER: Ranker = rankerFrom(shipped);
