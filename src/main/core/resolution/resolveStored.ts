import type { EntityKind, ResolutionStats } from '@shared/domain/resolution';
import type { DedupeSettings } from '@shared/domain/settings/dedupe';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { createCompanyIndex, createPersonIndex } from '../dedupe/resolve';
import type { ResolveResult } from '../dedupe/engine';
import { loadCompanies, loadContacts } from './loadRecords';
import { mergeRecords } from './merge';
import { decidedDifferent, pairKey, queueForReview, refreshPending } from './candidates';
import { planMerges } from './mergePlan';
import { companyMatchSettings, personMatchSettings, StoredScorer } from './storedScorer';

/** Which records to resolve: everything against everything, or one import's against the rest. */
export type ResolveScope = { kind: 'all' } | { kind: 'batch'; batchId: number };

export interface ResolveContext {
  db: Db;
  clock: Clock;
  settings: DedupeSettings;
  throwIfCancelled?(): void;
  progress?(done: number, total: number): void;
}

/** Whether there is anything to match: records this import made, and records it did not. */
function hasRecords(db: Db, table: 'companies' | 'contacts', batchId: number): boolean {
  const some = (op: string) =>
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM ${table} WHERE merged_into IS NULL AND created_batch_id ${op} ?)`,
      )
      .pluck()
      .get(batchId) === 1;
  return some('=') && some('IS NOT');
}

function resolveCompanies(ctx: ResolveContext, scope: ResolveScope): ResolveResult | null {
  const match = companyMatchSettings(ctx.settings);
  if (scope.kind === 'all') return createCompanyIndex([], { match }).resolve(loadCompanies(ctx.db));
  if (!hasRecords(ctx.db, 'companies', scope.batchId)) return null;
  return createCompanyIndex(loadCompanies(ctx.db, { batchId: scope.batchId, side: 'out' }), {
    match,
  }).resolve(loadCompanies(ctx.db, { batchId: scope.batchId, side: 'in' }), { compareIncoming: false });
}

function resolveContacts(ctx: ResolveContext, scope: ResolveScope): ResolveResult | null {
  const match = personMatchSettings(ctx.settings);
  if (scope.kind === 'all') return createPersonIndex([], { match }).resolve(loadContacts(ctx.db));
  if (!hasRecords(ctx.db, 'contacts', scope.batchId)) return null;
  return createPersonIndex(loadContacts(ctx.db, { batchId: scope.batchId, side: 'out' }), { match }).resolve(
    loadContacts(ctx.db, { batchId: scope.batchId, side: 'in' }),
    { compareIncoming: false },
  );
}

/**
 * Resolves stored records: "same" pairs are merged (automatically, each merge undoable), doubtful
 * ones go to the review queue. Companies first, so their people follow them before people are
 * matched (the same name at the same company is strong evidence of the same person).
 */
export function resolveStored(
  ctx: ResolveContext,
  scope: ResolveScope,
  kinds: readonly EntityKind[] = ['company', 'contact'],
): Record<EntityKind, ResolutionStats> {
  const stats: Record<EntityKind, ResolutionStats> = {
    company: { records: 0, pairsCompared: 0, merged: 0, sentToReview: 0 },
    contact: { records: 0, pairsCompared: 0, merged: 0, sentToReview: 0 },
  };
  const now = ctx.clock.now().toISOString();
  const batchId = scope.kind === 'batch' ? scope.batchId : null;
  for (const [step, kind] of kinds.entries()) {
    ctx.throwIfCancelled?.();
    const result = kind === 'company' ? resolveCompanies(ctx, scope) : resolveContacts(ctx, scope);
    ctx.progress?.(step * 2 + 1, kinds.length * 2);
    if (!result) continue;
    const s = stats[kind];
    s.records = result.stats.existing + result.stats.incoming;
    s.pairsCompared = result.stats.candidatePairs;
    const different = decidedDifferent(ctx.db, kind);
    const apart = (a: number, b: number) => different.has(pairKey(a, b));
    const scorer = new StoredScorer(ctx.db, kind, ctx.settings);
    const review = scorer.thresholds.review;
    // Where each merged record went, so a doubtful pair with it becomes a pair with its cluster.
    const keptOf = new Map<number, number>();
    const plan = planMerges(result.pairs, { apart, score: (a, b) => scorer.score(a, b), review });
    for (const merge of plan) {
      mergeRecords(
        ctx.db,
        kind,
        merge.kept,
        merge.merged,
        { automatic: true, score: merge.score, reasons: merge.reasons, batchId },
        ctx.clock,
      );
      keptOf.set(merge.merged, merge.kept);
      s.merged++;
    }
    // Doubtful pairs, and "same" links the plan did not follow, are asked about as the two records
    // now stand (after the merges): the queue shows that pair's own score and reasons, and a pair
    // no longer at the review threshold is not asked about at all.
    scorer.forget();
    const asked = new Set<string>();
    for (const pair of result.pairs) {
      if (pair.decision === 'different') continue;
      const a = keptOf.get(pair.a) ?? pair.a;
      const b = keptOf.get(pair.b) ?? pair.b;
      const key = pairKey(a, b);
      if (a === b || apart(a, b) || asked.has(key)) continue;
      asked.add(key);
      const actual = scorer.score(a, b);
      if (!actual || actual.score < review) continue;
      if (queueForReview(ctx.db, kind, a, b, actual.score, actual.reasons, now)) s.sentToReview++;
    }
    refreshPending(ctx.db, scorer);
    ctx.progress?.(step * 2 + 2, kinds.length * 2);
  }
  return stats;
}
