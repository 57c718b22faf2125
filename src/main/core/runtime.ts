import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCallName, type CallName } from '@shared/contract';
import { fail, ok, toAppError, type Result } from '@shared/contract/result';
import type { EventName, ServerEvents } from '@shared/contract/events';
import type { JobSnapshot } from '@shared/domain/jobs';
import { openDatabase } from './db/database';
import { assertDatabaseReadable } from './db/check';
import { systemClock, type Clock } from './clock';
import { JobManager } from './jobs/jobManager';
import { JobRegistry } from './jobs/registry';
import { BUILT_IN_JOBS } from './jobKinds';
import { SecretStore, type SecretReader } from './secrets/secretStore';
import { coreHandlers } from './handlers';
import { RecordLists } from './records/recordLists';
import type { CoreContext } from './context';
import type { CoreOptions } from './worker/protocol';
import { openLinkedInService } from './discover/service';
import type { LinkedInHostOptions } from './discover/sessionManager';

export interface CoreRuntime {
  ctx: CoreContext;
  /** Answers one call. Input must already have passed the contract's schema (the host checks). */
  dispatch(name: CallName, input: unknown): Promise<Result<unknown>>;
  startJob(kind: string, params: unknown, label?: string): JobSnapshot;
  close(): Promise<void>;
}

type Listener = <E extends EventName>(event: E, payload: ServerEvents[E]) => void;

const NO_DWELL = {
  search_results: [0, 0],
  company_people: [0, 0],
  profile: [0, 0],
  list: [0, 0],
  composer: [0, 0],
} as const;

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Opens the core: the database (migrated), the job manager and the keychain. The core worker runs
 * one of these; the CLI and in-process tests can open one directly.
 */
export async function openCore(
  options: CoreOptions,
  onEvent: Listener,
  clock: Clock = systemClock,
  // In the app the worker asks the host for keys; the CLI and in-process tests read the keychain.
  secrets: SecretReader = new SecretStore(),
  // In-process tests drive the LinkedIn pacing with a fake clock; the worker gets only CoreOptions.
  linkedinHost?: LinkedInHostOptions,
): Promise<CoreRuntime> {
  // The core worker's connection answers the UI, so it must never wait long for a job's lock: a
  // write that meets a running import fails fast with `busy` instead of freezing every page.
  const db = openDatabase(options.dbPath, { busyTimeoutMs: 1000 });
  // A damaged file opens (its header is fine) and fails later, page by page: check it first, so the
  // seller hears it now, with the way out (restore a backup), instead of meeting errors everywhere.
  try {
    assertDatabaseReadable(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const registry = new JobRegistry(BUILT_IN_JOBS);
  await registry.load(options.extraJobModules ?? []);
  const emit: CoreContext['emit'] = (event, payload) => onEvent(event, payload);
  const jobs = new JobManager({
    db,
    dbPath: options.dbPath,
    registry,
    jobWorkerPath: options.jobWorkerPath ?? path.join(here, 'jobWorker.js'),
    extraJobModules: options.extraJobModules ?? [],
    clock,
    secrets,
    emit: (type, job) => emit('job', { type, job }),
    onDone: (job) => emit('data.changed', { scope: job.kind }),
  });
  jobs.recoverInterrupted();
  const noPacing = { pauseMs: [0, 0], hesitateMs: [0, 0], dwellMs: NO_DWELL } as const;
  const linkedin = openLinkedInService(db, options.dataDir, clock, jobs, emit, {
    headless: options.linkedin?.headless,
    browserArgs: options.linkedin?.browserArgs,
    pacing: options.linkedin?.pacing === 'off' ? noPacing : undefined,
    ...linkedinHost,
  });
  const ctx: CoreContext = {
    db,
    clock,
    jobs,
    secrets,
    records: new RecordLists(db),
    dataDir: options.dataDir,
    linkedin,
    emit,
  };

  return {
    ctx,
    async dispatch(name, input) {
      if (!isCallName(name)) return fail('unknown_call', `There is no call named "${String(name)}".`);
      const handler = (
        coreHandlers as Record<string, ((input: unknown, ctx: CoreContext) => unknown) | undefined>
      )[name];
      if (!handler) return fail('unknown_call', `"${name}" is not answered by the core.`);
      try {
        return ok(await handler(input, ctx));
      } catch (error) {
        return { ok: false, error: toAppError(error) };
      }
    },
    startJob: (kind, params, label) => jobs.start(kind, params, label),
    async close() {
      await linkedin.close();
      await jobs.shutdown();
      // SQLite's advice for long-lived connections: refresh the planner's statistics where they
      // have gone stale, at close (it takes milliseconds when nothing needs it).
      try {
        db.pragma('optimize');
      } catch {
        // A read-only or damaged file: closing matters more than the statistics.
      }
      db.close();
    },
  };
}
