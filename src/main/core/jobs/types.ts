import type { ErrorCode } from '@shared/contract/result';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import type { SecretReader } from '../secrets/secretStore';
import type { SecretName } from '@shared/domain/secrets';

/** What a job sees while it runs. It owns `db` alone: no other code uses that connection. */
export interface JobContext<P = unknown> {
  jobId: number;
  params: P;
  db: Db;
  clock: Clock;
  /**
   * API keys for provider calls. In the app a job worker asks the core worker, which asks the host
   * (the only thread that touches the keychain); the key is never stored in the job's params.
   */
  secrets: SecretReader;
  /** Aborted when the seller presses Cancel; pass it to fetch and timers. */
  signal: AbortSignal;
  /** Reports how far the job is; cheap enough to call per row (it is throttled). */
  progress(done: number, total?: number | null): void;
  /** Throws `JobCancelled` if Cancel was pressed; call it between units of work. */
  throwIfCancelled(): void;
  /**
   * Marks the job done inside the job's own transaction, so "done" and the work it did are
   * committed together or not at all. Optional: the runner marks it done otherwise.
   */
  markDone(result: unknown): void;
}

export interface JobDefinition<P = unknown, R = unknown> {
  kind: string;
  /** What one unit of progress is ("rows", "companies"). */
  unit: string;
  label(params: P): string;
  /**
   * True when the job holds one write transaction for its whole run (an import). Such jobs run
   * one at a time, and other jobs wait in the queue until they end, since nothing else can write.
   */
  exclusive: boolean;
  /**
   * True when the job only reads (a preview): its end is not announced as changed data, or every
   * page listening would refetch — and a page that previews again on changed data would loop.
   */
  readOnly?: boolean;
  run(ctx: JobContext<P>): Promise<R>;
}

export class JobCancelled extends Error {
  override readonly name = 'JobCancelled';
  constructor() {
    super('The job was cancelled.');
  }
}

/** Messages from a job worker to the core worker. */
export type JobWorkerMessage =
  | { type: 'progress'; done: number; total: number | null }
  | { type: 'secretRequest'; requestId: number; name: SecretName }
  | { type: 'done'; result: unknown }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string; code: ErrorCode };

/** Messages from the core worker to a job worker. */
export type JobControlMessage =
  { type: 'cancel' } | { type: 'secret'; requestId: number; value: string | null; error?: string };
