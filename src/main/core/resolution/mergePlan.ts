import type { MatchPair } from '../dedupe/engine';
import type { MatchReason, MatchResult } from '../dedupe/score';
import { pairKey } from './candidates';

/** One merge to make: `merged` goes into `kept`, with the score and reasons of that very pair. */
export interface PlannedMerge {
  kept: number;
  merged: number;
  score: number;
  reasons: MatchReason[];
}

export interface PlanRules {
  /** Pairs that must stay apart whatever links them: the seller called them different. */
  apart(a: number, b: number): boolean;
  /** The match of any two records (null: one of them is gone). */
  score(a: number, b: number): MatchResult | null;
  /** Below this score two records are different (the review threshold). */
  review: number;
}

/**
 * Whether a "same" link rests on more than the name: a shared key, or an agreeing phone, domain,
 * address, zip, city or email. A record that has nothing but a name ("Acme Plumbing" with only a
 * website) matches every company of that name equally well, so its links say little about which.
 */
export function hasEvidence(match: MatchResult): boolean {
  return match.reasons.some((r) => r.field !== 'name' && r.weight > 0);
}

/**
 * Which merges a Find-duplicates run (or an import) makes, from the engine's "same" pairs.
 *
 * Plain transitive clustering lets a bare record join two companies that clearly differ: "Acme
 * Plumbing" with only a website matches both Acme in Fresno and Acme in Boston, and Fresno and
 * Boston would merge through it although they score 47 against each other. So:
 *
 * 1. Pairs the seller called different never end up in one cluster, through any chain of links
 *    (every pair across two groups is checked before a link joins them).
 * 2. Links with evidence beyond the name join groups transitively, strongest first. Copies of
 *    one business each carry their own typos and a business has several sites, so two copies can
 *    score low against each other while each matches a third on address or phone: the labelled
 *    Chicago data has many such clusters, and requiring every pair to match loses a tenth of its
 *    recall.
 * 3. A link on the name alone joins two groups only when every pair across them scores at least
 *    the review threshold (complete linkage): the bare record goes with one company, never glues
 *    two different ones together.
 *
 * Each cluster merges into its oldest record (a stable id); every merge records the score and
 * reasons of the two records it actually joins. Pairs the engine did not score are scored here;
 * groups are small, so this costs little.
 */
export function planMerges(pairs: readonly MatchPair[], rules: PlanRules): PlannedMerge[] {
  const known = new Map<string, MatchResult | null>();
  for (const p of pairs) known.set(pairKey(p.a, p.b), p);
  const scoreOf = (a: number, b: number): MatchResult | null => {
    const key = pairKey(a, b);
    let r = known.get(key);
    if (r === undefined) known.set(key, (r = rules.score(a, b)));
    return r;
  };

  const links = pairs
    .filter((p) => p.decision === 'same' && p.a !== p.b && !rules.apart(p.a, p.b))
    .map((p) => ({ pair: p, strong: hasEvidence(p) }))
    .sort(
      (x, y) =>
        Number(y.strong) - Number(x.strong) ||
        y.pair.score - x.pair.score ||
        x.pair.a - y.pair.a ||
        x.pair.b - y.pair.b,
    );

  const groupOf = new Map<number, number[]>();
  const group = (id: number) => {
    let g = groupOf.get(id);
    if (!g) groupOf.set(id, (g = [id]));
    return g;
  };
  for (const { pair, strong } of links) {
    const ga = group(pair.a);
    const gb = group(pair.b);
    if (ga === gb) continue;
    const joinable = ga.every((x) =>
      gb.every((y) => {
        if (rules.apart(x, y)) return false;
        if (strong) return true;
        const r = scoreOf(x, y);
        return r !== null && r.score >= rules.review;
      }),
    );
    if (!joinable) continue;
    const [large, small] = ga.length >= gb.length ? [ga, gb] : [gb, ga];
    for (const id of small) {
      large.push(id);
      groupOf.set(id, large);
    }
  }

  const merges: PlannedMerge[] = [];
  const seen = new Set<number[]>();
  for (const g of groupOf.values()) {
    if (seen.has(g) || g.length < 2) continue;
    seen.add(g);
    const [kept, ...members] = [...g].sort((a, b) => a - b);
    for (const merged of members) {
      const actual = scoreOf(kept!, merged);
      merges.push({
        kept: kept!,
        merged,
        score: actual?.score ?? 0,
        reasons: actual?.reasons ?? [],
      });
    }
  }
  return merges.sort((x, y) => x.kept - y.kept || x.merged - y.merged);
}
