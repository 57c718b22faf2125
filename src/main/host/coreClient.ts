import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CallName } from '@shared/contract';
import type { EventName } from '@shared/contract/events';
import type { AppError, Result } from '@shared/contract/result';
import type { JobSnapshot } from '@shared/domain/jobs';
import { RECOVERY_CALLS } from '@shared/contract/backups';
import type { SecretName } from '@shared/domain/secrets';
import type { CoreMessage, CoreOptions, HostMessage } from '../core/worker/protocol';
import type { SecretReader } from '../core/secrets/secretStore';

export type CoreEventListener = (name: EventName, payload: unknown) => void;

export interface CoreClientOptions extends CoreOptions {
  /** Path of the built core worker; by default beside the running host (out/main/coreWorker.js). */
  workerPath?: string;
  /** Answers the core's requests for an API key: the host's keychain (null: none saved). */
  secrets?: SecretReader;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The part of CoreClient the handler table needs; tests substitute a recording fake. */
export interface CoreCaller {
  call(name: CallName, input: unknown): Promise<Result<unknown>>;
}

/**
 * The host's side of the core worker: sends calls, matches answers, fans out events. If the worker
 * dies, pending calls fail with a clear error and the worker is started again (once per minute at
 * most), since a dead core would otherwise leave every page broken until a restart.
 */
export class CoreClient implements CoreCaller {
  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = new Set<CoreEventListener>();
  private ready!: Promise<AppError | null>;
  private closing = false;
  private lastRestart = 0;

  constructor(private readonly options: CoreClientOptions) {
    this.spawn();
  }

  /** Resolves when the core has opened the database; to an error if it could not. */
  whenReady(): Promise<AppError | null> {
    return this.ready;
  }

  async call(name: CallName, input: unknown): Promise<Result<unknown>> {
    const startupError = await this.ready;
    // A core that could not open its database still answers why, and can restore a backup.
    if (startupError && !RECOVERY_CALLS.includes(name)) return { ok: false, error: startupError };
    return this.send({ type: 'call', id: 0, name, input });
  }

  async startJob(kind: string, params: unknown, label?: string): Promise<Result<JobSnapshot>> {
    const startupError = await this.ready;
    if (startupError) return { ok: false, error: startupError };
    const message: HostMessage =
      label === undefined
        ? { type: 'startJob', id: 0, kind, params }
        : { type: 'startJob', id: 0, kind, params, label };
    return this.send(message) as Promise<Result<JobSnapshot>>;
  }

  onEvent(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records something the host did (a key saved or deleted) in the audit log; never its data. */
  audit(action: string, details: Record<string, unknown>): void {
    this.worker.postMessage({ type: 'audit', action, details } satisfies HostMessage);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.race([this.send({ type: 'shutdown', id: 0 }), new Promise((r) => setTimeout(r, 5000))]);
    await this.worker.terminate();
  }

  private send(message: HostMessage): Promise<Result<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...message, id });
    });
  }

  private async answerSecret(requestId: number, name: SecretName): Promise<void> {
    try {
      const value = this.options.secrets ? await this.options.secrets.read(name) : null;
      this.worker.postMessage({ type: 'secret', requestId, value } satisfies HostMessage);
    } catch (error) {
      this.worker.postMessage({
        type: 'secret',
        requestId,
        value: null,
        error: (error as Error).message,
      } satisfies HostMessage);
    }
  }

  private spawn(): void {
    const { workerPath, secrets: _secrets, ...coreOptions } = this.options;
    this.worker = new Worker(workerPath ?? path.join(here, 'coreWorker.js'), { workerData: coreOptions });
    this.ready = new Promise((resolve) => {
      const onMessage = (message: CoreMessage) => {
        if (message.type === 'ready') resolve(null);
        else if (message.type === 'fatal') resolve(message.error);
        else return;
        this.worker.off('message', onMessage);
      };
      this.worker.on('message', onMessage);
      this.worker.once('exit', () =>
        resolve({ code: 'internal', message: 'The core stopped while starting.' }),
      );
    });
    this.worker.on('message', (message: CoreMessage) => {
      // After a restore from recovery the core opens again (ready), or says why not (fatal).
      if (message.type === 'ready') this.ready = Promise.resolve(null);
      else if (message.type === 'fatal') this.ready = Promise.resolve(message.error);
      else if (message.type === 'result') {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      } else if (message.type === 'event') {
        for (const listener of this.listeners) listener(message.name, message.payload);
      } else if (message.type === 'secretRequest') {
        void this.answerSecret(message.requestId, message.name);
      }
    });
    this.worker.on('error', (error) => {
      console.error('core worker error:', error.message);
    });
    this.worker.on('exit', (code) => {
      const error: AppError = {
        code: 'internal',
        message: `The core stopped unexpectedly (exit code ${code}); the last action may not have completed.`,
      };
      for (const resolve of this.pending.values()) resolve({ ok: false, error });
      this.pending.clear();
      if (!this.closing && Date.now() - this.lastRestart > 60_000) {
        this.lastRestart = Date.now();
        this.spawn();
      }
    });
  }
}
