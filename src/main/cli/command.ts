import type { Db } from '../core/db/database';
import type { CliIo } from './io';

export interface CliRun {
  db: Db;
  dbPath: string;
  io: CliIo;
  json: boolean;
  /** Arguments after the command's own words. */
  positionals: string[];
  /** Options after the command, as parsed (strings, booleans, repeated values as arrays). */
  options: Record<string, string | boolean | string[] | undefined>;
}

interface CliCommandBase {
  /** The words that select it, e.g. "db info". */
  name: string;
  usage: string;
  summary: string;
  /** Options this command accepts besides --db and --json, for node:util parseArgs. */
  options?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
}

export type CliCommand = CliCommandBase &
  (
    | { ownDatabase?: false; run(run: CliRun): void | Promise<void> }
    /** Opens the database itself, or not at all (restoring over a damaged file). */
    | { ownDatabase: true; run(run: Omit<CliRun, 'db'>): void | Promise<void> }
  );
