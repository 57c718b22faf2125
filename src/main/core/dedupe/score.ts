/**
 * The shape of a match decision, shared by the company and person matchers.
 *
 * Evidence is weighed in the manner of Fellegi and Sunter: each field adds a weight (a log-odds
 * contribution: positive when it agrees, negative when it disagrees, zero when either side lacks
 * it) to a prior, and the total becomes a probability-like score 0–100 through the logistic
 * function. A field's weight grows linearly with its similarity between two points, so a near
 * miss counts for part of an agreement. Deterministic keys (a shared email, licence, LinkedIn URL)
 * skip the sum and give 100.
 */

export type Decision = 'same' | 'review' | 'different';

/** How a field compared: a deterministic key, agreement, a near miss, disagreement, or absent. */
export type Agreement = 'exact' | 'agree' | 'partial' | 'disagree' | 'missing';

export interface MatchReason {
  /** The field compared: "name", "phone", "address", "email", … */
  field: string;
  agreement: Agreement;
  /** The field's own similarity 0–100 (100 = identical after normalisation). */
  score: number;
  /** Its contribution to the match, in log-odds points (+ for, − against; 0 when missing). */
  weight: number;
}

export interface MatchResult {
  /** 0–100: the logistic of the summed weights, 100 for a deterministic key. */
  score: number;
  decision: Decision;
  /** Fields in the order they were weighed, deterministic key first when there is one. */
  reasons: MatchReason[];
}

/** A result from a matcher's fast path: `pruned` means `score` is only an upper bound. */
export type Weighed = MatchResult & { pruned?: boolean };

export interface Thresholds {
  /** Score at or above which two records are the same (auto-merge). Default 90. */
  same: number;
  /** Score at or above which (and below `same`) a pair goes to the review queue. Default 80. */
  review: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { same: 90, review: 80 };

/**
 * A graded field weight: `agree` at similarity ≥ `agreeAt`, `disagree` at ≤ `disagreeAt`, linear
 * between. Similarities in [0, 1].
 */
export interface GradedWeight {
  agree: number;
  disagree: number;
  agreeAt: number;
  disagreeAt: number;
}

export function gradedWeight(similarity: number, w: GradedWeight): number {
  if (similarity >= w.agreeAt) return w.agree;
  if (similarity <= w.disagreeAt) return w.disagree;
  const t = (similarity - w.disagreeAt) / (w.agreeAt - w.disagreeAt);
  return w.disagree + t * (w.agree - w.disagree);
}

export function agreementOf(similarity: number, w: GradedWeight): Agreement {
  if (similarity >= w.agreeAt) return 'agree';
  if (similarity <= w.disagreeAt) return 'disagree';
  return 'partial';
}

/** Log-odds to a 0–100 score, rounded to one decimal so reasons and thresholds stay readable. */
export function scoreFromLogOdds(total: number): number {
  return Math.round(1000 / (1 + Math.exp(-total))) / 10;
}

/** The smallest log-odds total that reaches `score` (inverse of `scoreFromLogOdds`, unrounded). */
export function logOddsForScore(score: number): number {
  const p = Math.min(Math.max(score / 100, 1e-9), 1 - 1e-9);
  return Math.log(p / (1 - p));
}

export function decide(score: number, t: Thresholds): Decision {
  if (score >= t.same) return 'same';
  if (score >= t.review) return 'review';
  return 'different';
}

export function reason(field: string, agreement: Agreement, similarity: number, weight: number): MatchReason {
  return {
    field,
    agreement,
    score: Math.round(similarity * 100),
    weight: Math.round(weight * 100) / 100,
  };
}
