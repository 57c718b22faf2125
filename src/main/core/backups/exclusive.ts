import { AppFailure } from '@shared/contract/result';

let running: string | null = null;

/**
 * One backup or restore at a time in this core: a restore must not swap the database under a
 * backup being copied, and two restores must not race. A second one is refused, not queued, so the
 * seller sees why nothing happened.
 */
export async function exclusively<T>(what: 'backup' | 'restore', work: () => Promise<T>): Promise<T> {
  if (running) throw new AppFailure('busy', `A ${running} is under way; try again when it has finished.`);
  running = what;
  try {
    return await work();
  } finally {
    running = null;
  }
}

/**
 * Refuses work that writes on its own for a while (a LinkedIn discovery run) while a restore is
 * replacing the database under it. Jobs are held by the restore itself (JobManager.hold).
 */
export function refuseDuringRestore(what: string): void {
  if (running === 'restore')
    throw new AppFailure('busy', `A backup is being restored; start ${what} again when it has finished.`);
}
