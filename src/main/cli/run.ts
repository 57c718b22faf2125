import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppFailure } from '@shared/contract/result';
import { openDatabase } from '../core/db/database';
import type { CliCommand } from './command';
import {
  dbBackupCommand,
  dbBackupsCommand,
  dbCheckCommand,
  dbInfoCommand,
  dbRestoreCommand,
} from './commands/db';
import { personEraseCommand, personExportCommand, purgeCommand } from './commands/privacy';
import { fieldsCommand, importCommand } from './commands/import';
import { clustersCommand, dedupeCommand } from './commands/dedupe';
import { approveCommand, rejectCommand, scoreCommand } from './commands/leads';
import { logCommand, markCommand, planCommand, queueCommand } from './commands/outreach';
import { quotasCommand } from './commands/quotas';
import {
  suppressAddCommand,
  suppressImportCommand,
  suppressListCommand,
  suppressRemoveCommand,
} from './commands/suppress';
import { closeSyncCommand, exportCommand } from './commands/export';
import { enrichCommand, hunterCreditsCommand } from './commands/enrich';
import { defaultDataDir, DB_FILE_NAME } from './defaultPaths';
import { UsageError, type CliIo } from './io';

/** Every command, in the order `--help` lists them. Each feature adds its own. */
export const COMMANDS: CliCommand[] = [
  dbInfoCommand,
  dbBackupCommand,
  dbBackupsCommand,
  dbRestoreCommand,
  dbCheckCommand,
  importCommand,
  fieldsCommand,
  dedupeCommand,
  clustersCommand,
  scoreCommand,
  approveCommand,
  rejectCommand,
  planCommand,
  queueCommand,
  markCommand,
  quotasCommand,
  logCommand,
  suppressListCommand,
  suppressAddCommand,
  suppressRemoveCommand,
  suppressImportCommand,
  exportCommand,
  closeSyncCommand,
  personExportCommand,
  personEraseCommand,
  purgeCommand,
  enrichCommand,
  hunterCreditsCommand,
];

function helpText(): string {
  const lines = [
    'Prospect Desk command line — the same core as the app, without a window.',
    '',
    'Usage: npm run cli -- [--db PATH] <command> [options]',
    '',
    `  --db PATH   the database file (default: the app's own, ${path.join(defaultDataDir(), DB_FILE_NAME)})`,
    '  --json      machine-readable output (one JSON object on the last line)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`),
  ];
  return lines.join('\n');
}

/** Runs one command line; returns the exit code (0 done, 1 failed, 2 usage mistake). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const global = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
  });
  const words = global.positionals;
  const command = COMMANDS.filter((c) => {
    const name = c.name.split(' ');
    return name.every((word, i) => words[i] === word);
  }).sort((a, b) => b.name.length - a.name.length)[0];

  if (global.values.help || !command) {
    if (!global.values.help && words.length > 0) io.err(`Unknown command: ${words.join(' ')}\n`);
    io.out(helpText());
    return global.values.help ? 0 : 2;
  }

  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...command.options,
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: ${command.usage}`);
    return 2;
  }
  const dbPath = path.resolve(
    (parsed.values.db as string | undefined) ?? path.join(defaultDataDir(), DB_FILE_NAME),
  );
  const json = parsed.values.json === true;
  const common = {
    dbPath,
    io,
    json,
    positionals: parsed.positionals.slice(command.name.split(' ').length),
    options: parsed.values as CliRunOptions,
  };
  if (command.ownDatabase) {
    try {
      await command.run(common);
      return 0;
    } catch (error) {
      return reportCommandFailure(error, io, json, command.usage);
    }
  }
  let db;
  try {
    db = openDatabase(dbPath);
  } catch (error) {
    return reportFailure(error, io, json);
  }
  try {
    await command.run({ db, ...common });
    return 0;
  } catch (error) {
    return reportCommandFailure(error, io, json, command.usage);
  } finally {
    db.close();
  }
}

type CliRunOptions = Record<string, string | boolean | string[] | undefined>;

function reportCommandFailure(error: unknown, io: CliIo, json: boolean, usage: string): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\nUsage: ${usage}`);
    return 2;
  }
  return reportFailure(error, io, json);
}

function reportFailure(error: unknown, io: CliIo, json: boolean): number {
  const code = error instanceof AppFailure ? error.code : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  io.err(`Error: ${message}`);
  if (json) io.out(JSON.stringify({ ok: false, error: { code, message } }));
  return 1;
}
