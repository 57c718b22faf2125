/**
 * Entry of the core worker: the thread that owns the database. The host (Electron main or the
 * test harness) sends it calls and job starts; it answers each with a result envelope and pushes
 * events. Nothing here blocks the host's thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from '@shared/contract/result';
import { openCore, type CoreRuntime } from '../runtime';
import type { CoreMessage, CoreOptions, HostMessage } from './protocol';

const port = parentPort;
if (!port) throw new Error('coreWorker must run as a worker thread.');
const post = (message: CoreMessage) => port.postMessage(message);

let core: CoreRuntime | null = null;
let fatal: CoreMessage | null = null;

port.on('message', (message: HostMessage) => {
  void handle(message);
});

async function handle(message: HostMessage): Promise<void> {
  if (message.type === 'shutdown') {
    await core?.close();
    post({ type: 'result', id: message.id, result: { ok: true, value: null } });
    return;
  }
  if (!core) {
    const error =
      fatal?.type === 'fatal'
        ? fatal.error
        : { code: 'unavailable' as const, message: 'The core is starting.' };
    post({ type: 'result', id: message.id, result: { ok: false, error } });
    return;
  }
  if (message.type === 'call') {
    post({ type: 'result', id: message.id, result: await core.dispatch(message.name, message.input) });
    return;
  }
  try {
    const job = core.startJob(message.kind, message.params, message.label);
    post({ type: 'result', id: message.id, result: { ok: true, value: job } });
  } catch (error) {
    post({ type: 'result', id: message.id, result: { ok: false, error: toAppError(error) } });
  }
}

openCore(workerData as CoreOptions, (name, payload) => post({ type: 'event', name, payload }))
  .then((runtime) => {
    core = runtime;
    post({ type: 'ready' });
  })
  .catch((error: unknown) => {
    // A database that is too new or unreadable: report it and keep answering every call with
    // that error, so the UI can say what is wrong instead of crashing.
    fatal = { type: 'fatal', error: toAppError(error) };
    post(fatal);
  });
