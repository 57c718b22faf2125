import type { PatternTemplate } from './patterns';

/** Where a domain's pattern was learned: a verified address outranks Hunter's own inference. */
export type PatternSource = 'verified_address' | 'hunter';

export interface LearnedPattern {
  template: PatternTemplate;
  source: PatternSource;
  /** The address it was learned from, for the evidence ("learned from jane.doe@acme.com"). */
  example: string | null;
  /** Net confirmations (see `mergeLearnedPattern`); at least 1. */
  confirmations: number;
  learnedAt: string;
}

/** Patterns learned per domain; they never expire. The lead backs it with a table. */
export interface PatternStore {
  get(domain: string): LearnedPattern | undefined | Promise<LearnedPattern | undefined>;
  set(domain: string, pattern: LearnedPattern): void | Promise<void>;
}

export class InMemoryPatternStore implements PatternStore {
  readonly entries = new Map<string, LearnedPattern>();
  get(domain: string): LearnedPattern | undefined {
    return this.entries.get(domain);
  }
  set(domain: string, pattern: LearnedPattern): void {
    this.entries.set(domain, pattern);
  }
}

const rank = (source: PatternSource) => (source === 'verified_address' ? 2 : 1);

/**
 * One more observation of a domain's pattern. A stronger source replaces a weaker one. Between equal
 * sources it is a running majority vote (Boyer–Moore): agreement adds a confirmation, disagreement
 * takes one away and replaces the pattern when none are left. So one odd address (an old
 * `jsmith@` at a `first.last` company) does not flip a pattern three others confirmed.
 */
export function mergeLearnedPattern(
  current: LearnedPattern | undefined,
  seen: { template: PatternTemplate; source: PatternSource; example: string | null },
  at: string,
): LearnedPattern {
  const fresh: LearnedPattern = { ...seen, confirmations: 1, learnedAt: at };
  if (!current || rank(seen.source) > rank(current.source)) return fresh;
  if (rank(seen.source) < rank(current.source)) return current;
  if (seen.template === current.template) return { ...current, confirmations: current.confirmations + 1 };
  return current.confirmations <= 1 ? fresh : { ...current, confirmations: current.confirmations - 1 };
}
