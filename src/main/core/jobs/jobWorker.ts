/**
 * Entry of a job worker: one long job on its own thread with its own database connection, so the
 * core worker keeps answering the UI while the job works. The core worker starts one per job.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/database';
import { systemClock } from '../clock';
import { JobRegistry } from './registry';
import { runJob } from './runJob';
import type { JobControlMessage, JobWorkerMessage } from './types';
import type { SecretReader } from '../secrets/secretStore';
import { BUILT_IN_JOBS } from '../jobKinds';

export interface JobWorkerData {
  dbPath: string;
  jobId: number;
  kind: string;
  params: unknown;
  /** Int32Array[0] becomes 1 when Cancel is pressed; readable even while the job computes. */
  cancelFlag: SharedArrayBuffer;
  extraJobModules: string[];
}

const PROGRESS_INTERVAL_MS = 100;

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('jobWorker must run as a worker thread.');
  const data = workerData as JobWorkerData;
  const post = (message: JobWorkerMessage) => port.postMessage(message);
  const flag = new Int32Array(data.cancelFlag);
  const abort = new AbortController();
  // A key is asked of the core worker, which asks the host: the keychain is touched on one thread.
  const waiting = new Map<number, { resolve(value: string | null): void; reject(error: Error): void }>();
  let nextRequest = 1;
  const secrets: SecretReader = {
    read(name) {
      const requestId = nextRequest++;
      return new Promise((resolve, reject) => {
        waiting.set(requestId, { resolve, reject });
        post({ type: 'secretRequest', requestId, name });
      });
    },
  };
  port.on('message', (message: JobControlMessage) => {
    if (message.type === 'cancel') abort.abort();
    else if (message.type === 'secret') {
      const waiter = waiting.get(message.requestId);
      waiting.delete(message.requestId);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.value);
    }
  });

  const registry = new JobRegistry(BUILT_IN_JOBS);
  await registry.load(data.extraJobModules);
  const definition = registry.get(data.kind);
  if (!definition) {
    post({ type: 'failed', message: `Unknown job kind "${data.kind}".`, code: 'not_found' });
    return;
  }
  // A job's writes may wait a long time for another writer; it is on its own thread, so waiting
  // blocks nobody.
  const db = openDatabase(data.dbPath, { migrate: false, busyTimeoutMs: 10 * 60_000 });
  let lastPost = 0;
  try {
    const outcome = await runJob(definition, {
      db,
      jobId: data.jobId,
      params: data.params,
      clock: systemClock,
      secrets,
      signal: abort.signal,
      isCancelled: () => Atomics.load(flag, 0) === 1,
      onProgress(done, total) {
        const now = performance.now();
        if (now - lastPost < PROGRESS_INTERVAL_MS) return;
        lastPost = now;
        post({ type: 'progress', done, total });
      },
    });
    if (outcome.status === 'done') post({ type: 'done', result: outcome.result });
    else if (outcome.status === 'cancelled') post({ type: 'cancelled' });
    else post({ type: 'failed', message: outcome.message, code: outcome.code });
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  parentPort?.postMessage({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
    code: 'internal',
  } satisfies JobWorkerMessage);
});
