import { toAppError, type ErrorCode } from '@shared/contract/result';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import type { SecretReader } from '../secrets/secretStore';
import { JobCancelled, type JobContext } from './types';
import type { AnyJobDefinition } from './registry';

export interface RunJobOptions {
  db: Db;
  jobId: number;
  params: unknown;
  clock: Clock;
  secrets: SecretReader;
  signal: AbortSignal;
  isCancelled(): boolean;
  onProgress(done: number, total: number | null): void;
}

export type JobOutcome =
  | { status: 'done'; result: unknown }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string; code: ErrorCode };

/**
 * Runs one job to its end on the given connection and says how it ended. Shared by the job worker
 * (in the app) and the CLI (in-process), so a job behaves the same in both.
 */
export async function runJob(definition: AnyJobDefinition, options: RunJobOptions): Promise<JobOutcome> {
  const { db, jobId, clock } = options;
  let markedDone = false;
  const markStmt = db.prepare(
    `UPDATE jobs SET status = 'done', result = ?, done = ?, total = ?, finished_at = ? WHERE id = ? AND status = 'running'`,
  );
  let lastDone = 0;
  let lastTotal: number | null = null;
  const ctx: JobContext = {
    jobId,
    params: options.params,
    db,
    clock,
    secrets: options.secrets,
    signal: options.signal,
    progress(done, total) {
      lastDone = done;
      if (total !== undefined) lastTotal = total;
      options.onProgress(done, lastTotal);
    },
    throwIfCancelled() {
      if (options.isCancelled()) throw new JobCancelled();
    },
    markDone(result) {
      markStmt.run(JSON.stringify(result ?? null), lastDone, lastTotal, clock.now().toISOString(), jobId);
      markedDone = true;
    },
  };
  try {
    const result = await definition.run(ctx);
    if (!markedDone) ctx.markDone(result);
    return { status: 'done', result };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (error instanceof JobCancelled || options.isCancelled()) return { status: 'cancelled' };
    const { code, message } = toAppError(error);
    return { status: 'failed', message, code };
  }
}
