import type { JobEvent } from '../domain/jobs';
import type { DiscoveryRun, SessionStatus } from '../domain/linkedin';

/** Everything the core pushes to the UI, by name. The second map of the contract. */
export interface ServerEvents {
  job: JobEvent;
  /** Something in the data changed (an import landed, a merge was undone); pages refetch. */
  'data.changed': { scope: string };
  /** The LinkedIn browser session changed state (opened, signed in, stopped, closed). */
  'linkedin.session': SessionStatus;
  /** A discovery run moved on (a company done, paused, waiting, done). */
  'discovery.run': DiscoveryRun;
}

export type EventName = keyof ServerEvents;

/** The runtime list, so the preload can refuse a subscription to a name that does not exist. */
export const EVENT_NAMES = [
  'job',
  'data.changed',
  'linkedin.session',
  'discovery.run',
] as const satisfies readonly EventName[];
