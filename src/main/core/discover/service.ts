import type { Db } from '../db/database';
import type { Clock } from '../clock';
import type { CoreContext } from '../context';
import type { JobManager } from '../jobs/jobManager';
import { DiscoveryRunner } from './runner';
import { SessionManager, type LinkedInHostOptions } from './sessionManager';

/** The LinkedIn browser session and the discovery runner that drives it, owned by the core worker. */
export interface LinkedInService {
  sessions: SessionManager;
  runner: DiscoveryRunner;
  close(): Promise<void>;
}

export function openLinkedInService(
  db: Db,
  dataDir: string,
  clock: Clock,
  jobs: JobManager,
  emit: CoreContext['emit'],
  host: LinkedInHostOptions = {},
): LinkedInService {
  const sessions = new SessionManager(db, dataDir, clock, host, (status) => emit('linkedin.session', status));
  const runner = new DiscoveryRunner(db, clock, sessions, {
    run: (run) => emit('discovery.run', run),
    contactsChanged: () => emit('data.changed', { scope: 'contacts' }),
    sessionChanged: () => sessions.notify(),
    // New people get their scores; the score job refuses nothing, and a second one just queues.
    finished: () => {
      try {
        jobs.start('score', {});
      } catch {
        // Jobs are held by a restore: the next run, or a rescore, scores them.
      }
    },
  });
  return {
    sessions,
    runner,
    async close() {
      await runner.shutdown();
      await sessions.close();
    },
  };
}
