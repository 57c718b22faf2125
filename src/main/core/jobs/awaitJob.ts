import { AppFailure } from '@shared/contract/result';
import type { CoreContext } from '../context';

/**
 * Runs a job and answers the call with its result, for work that is quick for most files but
 * long for some (reading the first rows of a 90 MB workbook): the call waits, while the job shows
 * in the status area with progress and Cancel, and the core keeps answering other calls.
 */
export async function awaitJob<R>(ctx: CoreContext, kind: string, params: unknown): Promise<R> {
  const job = ctx.jobs.start(kind, params);
  const ended = await ctx.jobs.wait(job.id);
  if (ended.status === 'done') return ended.result as R;
  if (ended.status === 'cancelled') throw new AppFailure('cancelled', `${ended.label} was cancelled.`);
  throw new AppFailure(ended.errorCode ?? 'internal', ended.error ?? `${ended.label} failed.`);
}
