/**
 * Entry of the core worker: the thread that owns the database. The host (Electron main or the
 * test harness) sends it calls and job starts; it answers each with a result envelope and pushes
 * events. Nothing here blocks the host's thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError, type AppError } from '@shared/contract/result';
import type { SecretName } from '@shared/domain/secrets';
import { openCore, type CoreRuntime } from '../runtime';
import { recordAudit } from '../audit/audit';
import { systemClock } from '../clock';
import { Maintenance } from '../backups/maintenance';
import { answerInRecovery } from '../backups/recovery';
import type { SecretReader } from '../secrets/secretStore';
import type { CoreMessage, CoreOptions, HostMessage } from './protocol';

const options = workerData as CoreOptions;
let maintenanceTimer: NodeJS.Timeout | null = null;
const port = parentPort;
if (!port) throw new Error('coreWorker must run as a worker thread.');
const post = (message: CoreMessage) => port.postMessage(message);

let core: CoreRuntime | null = null;
let fatal: CoreMessage | null = null;

/** Keys come from the host, which owns the keychain; each request is answered once. */
const waitingForSecret = new Map<
  number,
  { resolve(value: string | null): void; reject(error: Error): void }
>();
let nextSecretRequest = 1;
const secrets: SecretReader = {
  read(name: SecretName) {
    const requestId = nextSecretRequest++;
    return new Promise((resolve, reject) => {
      waitingForSecret.set(requestId, { resolve, reject });
      post({ type: 'secretRequest', requestId, name });
    });
  },
};

port.on('message', (message: HostMessage) => {
  void handle(message);
});

async function handle(message: HostMessage): Promise<void> {
  if (message.type === 'secret') {
    const waiting = waitingForSecret.get(message.requestId);
    waitingForSecret.delete(message.requestId);
    if (message.error) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.value);
    return;
  }
  if (message.type === 'audit') {
    if (core) recordAudit(core.ctx.db, { action: message.action, details: message.details }, core.ctx.clock);
    return;
  }
  if (message.type === 'shutdown') {
    if (maintenanceTimer) clearTimeout(maintenanceTimer);
    await core?.close();
    post({ type: 'result', id: message.id, result: { ok: true, value: null } });
    return;
  }
  if (!core) {
    if (fatal?.type === 'fatal' && message.type === 'call') {
      // The database could not be opened: say why, list the backups, restore one.
      const result = await answerInRecovery(message.name, message.input, fatal.error, {
        dbPath: options.dbPath,
        clock: systemClock,
        reopen: start,
      });
      post({ type: 'result', id: message.id, result });
      return;
    }
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

/** Opens the core; on failure keeps answering with the reason (and the recovery calls). */
async function start(): Promise<AppError | null> {
  try {
    core = await openCore(
      options,
      (name, payload) => post({ type: 'event', name, payload }),
      undefined,
      secrets,
    );
    fatal = null;
    post({ type: 'ready' });
    scheduleMaintenance(core);
    return null;
  } catch (error) {
    // A database that is too new or damaged: report it and keep answering every call with that
    // error, so the UI can say what is wrong (and offer a backup) instead of crashing.
    fatal = { type: 'fatal', error: toAppError(error) };
    post(fatal);
    return fatal.error;
  }
}

/** Today's backup and the retention rule: soon after start, then every hour. */
function scheduleMaintenance(runtime: CoreRuntime): void {
  if (options.maintenanceDelayMs === false || maintenanceTimer) return;
  const maintenance = new Maintenance(runtime.ctx);
  const round = () => {
    if (core !== runtime) return;
    maintenance.run().catch((error: unknown) => console.error('maintenance:', (error as Error).message));
  };
  maintenanceTimer = setTimeout(() => {
    round();
    maintenanceTimer = setInterval(round, 60 * 60_000);
    maintenanceTimer.unref();
  }, options.maintenanceDelayMs ?? 10_000);
  maintenanceTimer.unref();
}

void start();
