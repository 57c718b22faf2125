import type { EntityKind, ResolutionStats } from '@shared/domain/resolution';
import type { DedupeSettings } from '@shared/domain/settings/dedupe';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { createCompanyIndex, createPersonIndex } from '../dedupe/resolve';
import { DEFAULT_COMPANY_MATCH_SETTINGS } from '../dedupe/companySettings';
import { DEFAULT_PERSON_MATCH_SETTINGS } from '../dedupe/personSettings';
import type { MatchPair, ResolveResult } from '../dedupe/engine';
import { loadCompanies, loadContacts } from './loadRecords';
import { mergeRecords } from './merge';
import { decidedDifferent, pairKey, queueForReview } from './candidates';

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
  const match = { ...DEFAULT_COMPANY_MATCH_SETTINGS, thresholds: ctx.settings.companies };
  if (scope.kind === 'all') return createCompanyIndex([], { match }).resolve(loadCompanies(ctx.db));
  if (!hasRecords(ctx.db, 'companies', scope.batchId)) return null;
  return createCompanyIndex(loadCompanies(ctx.db, { batchId: scope.batchId, side: 'out' }), {
    match,
  }).resolve(loadCompanies(ctx.db, { batchId: scope.batchId, side: 'in' }), { compareIncoming: false });
}

function resolveContacts(ctx: ResolveContext, scope: ResolveScope): ResolveResult | null {
  const match = { ...DEFAULT_PERSON_MATCH_SETTINGS, thresholds: ctx.settings.contacts };
  if (scope.kind === 'all') return createPersonIndex([], { match }).resolve(loadContacts(ctx.db));
  if (!hasRecords(ctx.db, 'contacts', scope.batchId)) return null;
  return createPersonIndex(loadContacts(ctx.db, { batchId: scope.batchId, side: 'out' }), { match }).resolve(
    loadContacts(ctx.db, { batchId: scope.batchId, side: 'in' }),
    { compareIncoming: false },
  );
}

/**
 * Groups the "same" pairs into clusters (union-find), leaving out pairs the seller called
 * different; each cluster merges into its oldest record, which keeps a stable id.
 */
function clustersOf(
  pairs: readonly MatchPair[],
  different: Set<string>,
): { kept: number; members: { id: number; pair: MatchPair }[] }[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const via = new Map<number, MatchPair>();
  for (const pair of pairs) {
    if (pair.decision !== 'same' || different.has(pairKey(pair.a, pair.b))) continue;
    const ra = find(pair.a);
    const rb = find(pair.b);
    if (!via.has(pair.a)) via.set(pair.a, pair);
    if (!via.has(pair.b)) via.set(pair.b, pair);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, number[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      const sorted = [...new Set(g)].sort((a, b) => a - b);
      return { kept: sorted[0]!, members: sorted.slice(1).map((id) => ({ id, pair: via.get(id)! })) };
    });
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
    // Where each merged record went, so a doubtful pair with it becomes a pair with its cluster.
    const keptOf = new Map<number, number>();
    for (const cluster of clustersOf(result.pairs, different)) {
      for (const { id, pair } of cluster.members) {
        mergeRecords(
          ctx.db,
          kind,
          cluster.kept,
          id,
          { automatic: true, score: pair.score, reasons: pair.reasons, batchId },
          ctx.clock,
        );
        keptOf.set(id, cluster.kept);
        s.merged++;
      }
    }
    for (const pair of result.pairs) {
      if (pair.decision !== 'review') continue;
      const a = keptOf.get(pair.a) ?? pair.a;
      const b = keptOf.get(pair.b) ?? pair.b;
      if (a === b || different.has(pairKey(a, b))) continue;
      if (queueForReview(ctx.db, kind, a, b, pair.score, pair.reasons, now)) s.sentToReview++;
    }
    ctx.progress?.(step * 2 + 2, kinds.length * 2);
  }
  return stats;
}
