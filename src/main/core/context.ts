import type { ServerEvents, EventName } from '@shared/contract/events';
import type { Db } from './db/database';
import type { Clock } from './clock';
import type { JobManager } from './jobs/jobManager';
import type { SecretReader } from './secrets/secretStore';
import type { RecordLists } from './records/recordLists';
import type { LinkedInService } from './discover/service';

/** What every core handler is given: the core worker's connection and its services. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  jobs: JobManager;
  /** Reads an API key for a provider call; in the app it asks the host, which owns the keychain. */
  secrets: SecretReader;
  dataDir: string;
  /** The records table's reads, with their cache of ordered ids. */
  records: RecordLists;
  /** The LinkedIn browser session and the discovery runner (one browser, one page at a time). */
  linkedin: LinkedInService;
  emit<E extends EventName>(event: E, payload: ServerEvents[E]): void;
}
