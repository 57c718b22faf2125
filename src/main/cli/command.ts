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

export interface CliCommand {
  /** The words that select it, e.g. "db info". */
  name: string;
  usage: string;
  summary: string;
  /** Options this command accepts besides --db and --json, for node:util parseArgs. */
  options?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  run(run: CliRun): void | Promise<void>;
}
