import type { JobEvent } from '../domain/jobs';

/** Everything the core pushes to the UI, by name. The second map of the contract. */
export interface ServerEvents {
  job: JobEvent;
  /** Something in the data changed (an import landed, a merge was undone); pages refetch. */
  'data.changed': { scope: string };
}

export type EventName = keyof ServerEvents;

/** The runtime list, so the preload can refuse a subscription to a name that does not exist. */
export const EVENT_NAMES = ['job', 'data.changed'] as const satisfies readonly EventName[];
