import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JobEventType, JobSnapshot, JobStatus } from '@shared/domain/jobs';
import { AppFailure, type ErrorCode } from '@shared/contract/result';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { RateMeter } from './rateMeter';
import type { AnyJobDefinition, JobRegistry } from './registry';
import type { JobWorkerData } from './jobWorker';
import type { JobControlMessage, JobWorkerMessage } from './types';
import type { SecretReader } from '../secrets/secretStore';

interface LiveJob {
  /** Called once, when the job ends (see wait). */
  waiters: ((job: JobSnapshot) => void)[];
  snapshot: JobSnapshot;
  definition: AnyJobDefinition;
  params: unknown;
  meter: RateMeter;
  worker?: Worker;
  cancelFlag?: Int32Array;
  /** Set once the job reported how it ended, so a later worker exit is not taken for a crash. */
  settled: boolean;
  killTimer?: NodeJS.Timeout;
}

export interface JobManagerOptions {
  db: Db;
  dbPath: string;
  registry: JobRegistry;
  jobWorkerPath: string;
  extraJobModules: string[];
  clock: Clock;
  emit(type: JobEventType, job: JobSnapshot): void;
  /** Called after a job's work is committed, so the UI can refetch what it shows. */
  onDone?(job: JobSnapshot): void;
  /** How long a cancelled job may take to roll back before its thread is stopped. */
  cancelGraceMs?: number;
  /** Answers a job's request for an API key (in the app: by asking the host). */
  secrets?: SecretReader;
}

interface JobRow {
  id: number;
  kind: string;
  label: string;
  status: JobStatus;
  unit: string;
  done: number;
  total: number | null;
  result: string | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

const INTERRUPTED = 'Prospect Desk closed while this job ran; nothing it did was kept.';

/**
 * Starts jobs on worker threads, relays their progress as events and keeps the `jobs` table.
 *
 * A job that holds one transaction for its whole run (`exclusive`) blocks every other writer, this
 * one included, so while it runs new jobs wait in memory and start when it ends. Their ids are
 * handed out here (this is the only writer of `jobs` rows), so a queued job already has its id.
 */
export class JobManager {
  private readonly live = new Map<number, LiveJob>();
  private readonly queue: number[] = [];
  private nextId: number;
  /** Why no job may start now (a restore is replacing the database), or null. */
  private heldBecause: string | null = null;

  constructor(private readonly options: JobManagerOptions) {
    const maxId = options.db.prepare('SELECT coalesce(max(id), 0) FROM jobs').pluck().get() as number;
    this.nextId = maxId + 1;
  }

  /** Marks jobs that were running when the app last stopped; their transactions never committed. */
  recoverInterrupted(): number {
    const { changes } = this.options.db
      .prepare(`UPDATE jobs SET status = 'interrupted', error = ?, finished_at = ? WHERE status = 'running'`)
      .run(INTERRUPTED, this.now());
    return changes;
  }

  /** Whether a job is running or waiting to run, or jobs are held (a restore waits for none). */
  busy(): boolean {
    return this.live.size > 0 || this.heldBecause !== null;
  }

  /**
   * Refuses every job start until the returned release is called: a restore holds jobs for its
   * whole run, so none starts on the database it is about to replace (checking `busy` once at the
   * restore's start left its awaits open to a job started meanwhile).
   */
  hold(because: string): () => void {
    this.heldBecause = because;
    return () => {
      this.heldBecause = null;
    };
  }

  /**
   * After the database was replaced under the manager (a restore), ids continue above both what
   * this manager handed out and what the restored database holds.
   */
  resync(): void {
    const maxId = this.options.db.prepare('SELECT coalesce(max(id), 0) FROM jobs').pluck().get() as number;
    this.nextId = Math.max(this.nextId, maxId + 1);
  }

  start(kind: string, params: unknown, label?: string): JobSnapshot {
    if (this.heldBecause) throw new AppFailure('busy', this.heldBecause);
    const definition = this.options.registry.get(kind);
    if (!definition) throw new AppFailure('not_found', `There is no job of kind "${kind}".`);
    const id = this.nextId++;
    const snapshot: JobSnapshot = {
      id,
      kind,
      label: label ?? definition.label(params),
      status: 'queued',
      done: 0,
      total: null,
      rate: null,
      etaSeconds: null,
      unit: definition.unit,
      startedAt: this.now(),
      finishedAt: null,
      error: null,
      errorCode: null,
      result: null,
    };
    this.live.set(id, { snapshot, definition, params, meter: new RateMeter(), settled: false, waiters: [] });
    this.queue.push(id);
    this.options.emit('queued', { ...snapshot });
    this.pump();
    return { ...this.live.get(id)!.snapshot };
  }

  cancel(id: number): JobSnapshot {
    const job = this.live.get(id);
    if (!job) {
      const row = this.readRow(id);
      if (!row) throw new AppFailure('not_found', `There is no job ${id}.`);
      return row; // already ended: cancelling it changes nothing
    }
    if (job.snapshot.status === 'queued') {
      this.queue.splice(this.queue.indexOf(id), 1);
      this.live.delete(id);
      const snapshot = { ...job.snapshot, status: 'cancelled' as const, finishedAt: this.now() };
      this.options.emit('cancelled', snapshot);
      for (const resolve of job.waiters) resolve(snapshot);
      return snapshot;
    }
    if (job.cancelFlag) Atomics.store(job.cancelFlag, 0, 1);
    job.worker?.postMessage({ type: 'cancel' } satisfies JobControlMessage);
    job.killTimer ??= setTimeout(() => {
      // The job did not stop by itself (stuck in a long step); stopping its thread drops its
      // connection, and SQLite rolls the open transaction back.
      if (!job.settled) void job.worker?.terminate();
    }, this.options.cancelGraceMs ?? 10_000);
    return { ...job.snapshot };
  }

  list(limit = 20): JobSnapshot[] {
    const rows = this.options.db
      .prepare(`SELECT * FROM jobs WHERE status != 'running' ORDER BY id DESC LIMIT ?`)
      .all(limit) as JobRow[];
    const live = [...this.live.values()].map((job) => ({ ...job.snapshot }));
    const liveIds = new Set(live.map((job) => job.id));
    return [...live, ...rows.filter((row) => !liveIds.has(row.id)).map(rowToSnapshot)]
      .sort((a, b) => b.id - a.id)
      .slice(0, Math.max(limit, live.length));
  }

  get(id: number): JobSnapshot | null {
    const job = this.live.get(id);
    return job ? { ...job.snapshot } : this.readRow(id);
  }

  /** Resolves with the job as it ended (done, failed or cancelled). */
  wait(id: number): Promise<JobSnapshot> {
    const job = this.live.get(id);
    if (job) return new Promise((resolve) => job.waiters.push(resolve));
    const row = this.readRow(id);
    if (!row) return Promise.reject(new AppFailure('not_found', `There is no job ${id}.`));
    return Promise.resolve(row);
  }

  /** Resolves when no job is running or queued (used by tests and at shutdown). */
  async idle(): Promise<void> {
    while (this.live.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  async shutdown(): Promise<void> {
    for (const id of [...this.queue]) this.cancel(id);
    await Promise.all(
      [...this.live.values()].map(async (job) => {
        if (job.cancelFlag) Atomics.store(job.cancelFlag, 0, 1);
        await job.worker?.terminate();
      }),
    );
  }

  private pump(): void {
    while (this.queue.length > 0) {
      if (this.exclusiveRunning()) return;
      const id = this.queue.shift()!;
      const job = this.live.get(id);
      if (job) this.launch(job);
    }
  }

  private exclusiveRunning(): boolean {
    for (const job of this.live.values()) {
      if (job.snapshot.status === 'running' && job.definition.exclusive) return true;
    }
    return false;
  }

  private launch(job: LiveJob): void {
    const { snapshot } = job;
    snapshot.status = 'running';
    snapshot.startedAt = this.now();
    this.options.db
      .prepare(
        `INSERT INTO jobs (id, kind, label, status, unit, params, started_at) VALUES (?, ?, ?, 'running', ?, ?, ?)`,
      )
      .run(
        snapshot.id,
        snapshot.kind,
        snapshot.label,
        snapshot.unit,
        JSON.stringify(job.params ?? null),
        snapshot.startedAt,
      );
    const cancelBuffer = new SharedArrayBuffer(4);
    job.cancelFlag = new Int32Array(cancelBuffer);
    const data: JobWorkerData = {
      dbPath: this.options.dbPath,
      jobId: snapshot.id,
      kind: snapshot.kind,
      params: job.params,
      cancelFlag: cancelBuffer,
      extraJobModules: this.options.extraJobModules,
    };
    const worker = new Worker(path.resolve(this.options.jobWorkerPath), { workerData: data });
    job.worker = worker;
    worker.on('message', (message: JobWorkerMessage) => this.onMessage(job, message));
    worker.on('error', (error) => this.settle(job, 'failed', error.message));
    worker.on('exit', (code) => {
      if (!job.settled) {
        const cancelled = job.cancelFlag !== undefined && Atomics.load(job.cancelFlag, 0) === 1;
        if (cancelled) this.settle(job, 'cancelled');
        else
          this.settle(
            job,
            'failed',
            `The job stopped unexpectedly (exit code ${code}); nothing it did was kept.`,
          );
      }
    });
    this.options.emit('started', { ...snapshot });
  }

  private onMessage(job: LiveJob, message: JobWorkerMessage): void {
    switch (message.type) {
      case 'secretRequest':
        void this.answerSecret(job, message.requestId, message.name);
        return;
      case 'progress': {
        const { snapshot } = job;
        snapshot.done = message.done;
        snapshot.total = message.total;
        job.meter.add(message.done);
        snapshot.rate = job.meter.rate();
        snapshot.etaSeconds = job.meter.etaSeconds(message.done, message.total);
        this.options.emit('progress', { ...snapshot });
        return;
      }
      case 'done':
        job.snapshot.result = message.result;
        this.settle(job, 'done');
        return;
      case 'cancelled':
        this.settle(job, 'cancelled');
        return;
      case 'failed':
        this.settle(job, 'failed', message.message, message.code);
        return;
    }
  }

  private async answerSecret(job: LiveJob, requestId: number, name: Parameters<SecretReader['read']>[0]) {
    let reply: JobControlMessage;
    try {
      const value = this.options.secrets ? await this.options.secrets.read(name) : null;
      reply = { type: 'secret', requestId, value };
    } catch (error) {
      reply = { type: 'secret', requestId, value: null, error: (error as Error).message };
    }
    if (!job.settled) job.worker?.postMessage(reply);
  }

  private settle(
    job: LiveJob,
    status: 'done' | 'failed' | 'cancelled',
    error?: string,
    code?: ErrorCode,
  ): void {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.killTimer);
    const { snapshot } = job;
    snapshot.status = status;
    snapshot.finishedAt = this.now();
    snapshot.error = error ?? null;
    snapshot.errorCode = error ? (code ?? 'internal') : null;
    snapshot.rate = null;
    snapshot.etaSeconds = null;
    // A done job marked its own row inside its transaction; the others are recorded here, after
    // the job's transaction rolled back and released the database.
    const row = this.readRow(snapshot.id);
    if (status === 'done' && row) {
      snapshot.done = row.done;
      snapshot.total = row.total;
    } else {
      this.options.db
        .prepare(
          `UPDATE jobs SET status = ?, error = ?, done = ?, total = ?, finished_at = ? WHERE id = ? AND status = 'running'`,
        )
        .run(status, snapshot.error, snapshot.done, snapshot.total, snapshot.finishedAt, snapshot.id);
    }
    this.live.delete(snapshot.id);
    void job.worker?.terminate();
    const eventType = status === 'done' ? 'finished' : status;
    this.options.emit(eventType, { ...snapshot });
    for (const resolve of job.waiters) resolve({ ...snapshot });
    if (status === 'done' && !job.definition.readOnly) this.options.onDone?.({ ...snapshot });
    this.pump();
  }

  private readRow(id: number): JobSnapshot | null {
    const row = this.options.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? rowToSnapshot(row) : null;
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

function rowToSnapshot(row: JobRow): JobSnapshot {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    status: row.status,
    done: row.done,
    total: row.total,
    rate: null,
    etaSeconds: null,
    unit: row.unit,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
    errorCode: null,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
  };
}
