/** `queued` exists only in memory (waiting for a running import to end); the rest are stored. */
import type { ErrorCode } from '../contract/result';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job as the UI sees it: enough to draw a progress bar, a rate and a time left. */
export interface JobSnapshot {
  id: number;
  kind: string;
  label: string;
  status: JobStatus;
  done: number;
  /** Null while the job does not yet know how much work there is. */
  total: number | null;
  /** Units per second over the last few seconds; null until there is a measurement. */
  rate: number | null;
  /** Seconds left at the current rate; null when unknown. */
  etaSeconds: number | null;
  /** What one unit is, for display: "rows", "companies", "contacts". */
  unit: string;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  /** The failure's code (e.g. unsupported_file) while the app runs; null once only the table knows. */
  errorCode: ErrorCode | null;
  result: unknown;
}

/** The stages every long job goes through, pushed as events (see `ServerEvents`). */
export type JobEventType = 'queued' | 'started' | 'progress' | 'finished' | 'failed' | 'cancelled';

export interface JobEvent {
  type: JobEventType;
  job: JobSnapshot;
}

export const isTerminal = (status: JobStatus): boolean => status !== 'running' && status !== 'queued';
