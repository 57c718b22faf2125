import type { DedupeReport } from '@shared/domain/resolution';
import type { CoreHandler } from '../handlers';
import { awaitJob } from '../jobs/awaitJob';
import { acceptAbove, decide, pendingCount, reopen, reviewQueue } from './reviewQueue';
import { undoMerge } from './undoMerge';

/** After merges: the page refetches, and every lead is scored again on a job thread. */
const changed = (ctx: Parameters<CoreHandler<'review.count'>>[1]) => {
  ctx.jobs.start('score', {});
  ctx.emit('data.changed', { scope: 'review' });
};

export const reviewHandlers = {
  'dedupe.run': ((_input, ctx) =>
    awaitJob<DedupeReport>(ctx, 'dedupe', {})) satisfies CoreHandler<'dedupe.run'>,
  'review.queue': ((input, ctx) => reviewQueue(ctx.db, input ?? {})) satisfies CoreHandler<'review.queue'>,
  'review.count': ((_input, ctx) => ({
    pending: pendingCount(ctx.db),
  })) satisfies CoreHandler<'review.count'>,
  'review.decide': ((input, ctx) => {
    const result = decide(ctx.db, input.id, input.decision, ctx.clock);
    changed(ctx);
    return result;
  }) satisfies CoreHandler<'review.decide'>,
  'review.undoMerge': ((input, ctx) => {
    undoMerge(ctx.db, input.mergeId, ctx.clock, { bySeller: true });
    changed(ctx);
  }) satisfies CoreHandler<'review.undoMerge'>,
  'review.reopen': ((input, ctx) => {
    reopen(ctx.db, input.id, ctx.clock);
    changed(ctx);
  }) satisfies CoreHandler<'review.reopen'>,
  'review.acceptAbove': ((input, ctx) => {
    const merged = acceptAbove(ctx.db, input.minScore, ctx.clock, input.kind);
    changed(ctx);
    return { merged };
  }) satisfies CoreHandler<'review.acceptAbove'>,
};
