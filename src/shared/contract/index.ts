import type { z } from 'zod';
import { appCalls } from './app';
import { importCalls } from './imports';
import { reviewCalls } from './review';
import { recordCalls } from './records';
import { settingsCalls } from './settings';
import { jobCalls } from './jobs';
import { prefsCalls } from './prefs';
import { secretCalls } from './secrets';
import { systemCalls } from './system';
import { outreachCalls } from './outreach';
import { quotaCalls } from './quotas';
import { templateCalls } from './templates';
import { suppressionCalls } from './suppressions';
import { exportCalls } from './exports';
import { backupCalls } from './backups';
import { privacyCalls } from './privacy';
import { auditCalls } from './audit';
import { dashboardCalls } from './dashboard';
import { enrichCalls } from './enrich';
import { linkedinCalls } from './linkedin';
import type { CallSpec } from './define';

/**
 * The IPC contract: every call the renderer can make, with the schema its input must pass and the
 * type of its result. Each domain keeps its calls in its own file; this map joins them.
 */
export const calls = {
  ...appCalls,
  ...importCalls,
  ...reviewCalls,
  ...recordCalls,
  ...settingsCalls,
  ...jobCalls,
  ...prefsCalls,
  ...secretCalls,
  ...systemCalls,
  ...outreachCalls,
  ...quotaCalls,
  ...templateCalls,
  ...suppressionCalls,
  ...exportCalls,
  ...backupCalls,
  ...privacyCalls,
  ...auditCalls,
  ...dashboardCalls,
  ...enrichCalls,
  ...linkedinCalls,
} satisfies Record<string, CallSpec>;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
/** The input after the schema has parsed it (defaults filled, strings trimmed). */
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = Exclude<Calls[N]['output'], undefined>;

export const CALL_NAMES = Object.keys(calls) as CallName[];

export type CoreCallName = {
  [N in CallName]: Calls[N]['host'] extends 'core' ? N : never;
}[CallName];
export type MainCallName = Exclude<CallName, CoreCallName>;

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);

export * from './result';
export * from './events';
export type { CallSpec, Host } from './define';
