import type { Random } from './time';

export interface BackoffOptions {
  /** The wait before the first retry, before jitter. */
  baseMs: number;
  /** No wait is longer than this, before jitter. */
  maxMs: number;
}

/**
 * The wait before retry number `attempt` (0 for the first retry): exponential, capped, with "equal
 * jitter", i.e. a random point in the upper half of [0, base·2^attempt]. Half the wait stays fixed,
 * so waits still grow; the other half is spread, so clients that failed together do not come back
 * together.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: Random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

/** The bounds `backoffDelay` promises, for tests and for the log. */
export function backoffBounds(attempt: number, options: BackoffOptions): { min: number; max: number } {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return { min: Math.round(ceiling / 2), max: Math.round(ceiling) };
}
