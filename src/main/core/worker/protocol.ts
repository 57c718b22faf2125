import type { AppError, Result } from '@shared/contract/result';
import type { EventName } from '@shared/contract/events';
import type { CallName } from '@shared/contract';
import type { SecretName } from '@shared/domain/secrets';

/** Messages from the host (Electron main, the harness) to the core worker. */
export type HostMessage =
  | { type: 'call'; id: number; name: CallName; input: unknown }
  | { type: 'startJob'; id: number; kind: string; params: unknown; label?: string }
  | { type: 'shutdown'; id: number }
  /** The host's answer to a core's request for an API key (never stored in the core). */
  | { type: 'secret'; requestId: number; value: string | null; error?: string }
  /** An audit entry for something the host did (a key saved), written by the core. */
  | { type: 'audit'; action: string; details: Record<string, unknown> };

/** Messages from the core worker to its host. */
export type CoreMessage =
  | { type: 'ready' }
  | { type: 'fatal'; error: AppError }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: EventName; payload: unknown }
  | { type: 'secretRequest'; requestId: number; name: SecretName };

/** What the host tells the core worker when it starts it. */
export interface CoreOptions {
  dbPath: string;
  dataDir: string;
  /** Where jobWorker.js is; by default beside the running core. */
  jobWorkerPath?: string;
  /** Modules that add job kinds (the test harness's test-only job). */
  extraJobModules?: string[];
  /**
   * The daily backup and retention round (core/backups/maintenance.ts): first this long after
   * start, then every hour. False: never (tests that count backups). Default 10 s.
   */
  maintenanceDelayMs?: number | false;
  /** The LinkedIn browser: visible in the app; tests run it headless with Chromium's test switches
   * and without pacing (`pacing: 'off'`). */
  linkedin?: { headless?: boolean; browserArgs?: string[]; pacing?: 'off' };
}
