import path from 'node:path';
import { AppFailure } from '@shared/contract/result';
import { formatBytes, formatCount } from '@shared/domain/format';
import { readDbInfo } from '../../core/db/info';
import { backupDatabase } from '../../core/db/backup';
import { openDatabase, type Db } from '../../core/db/database';
import { assertDatabaseReadable, checkDatabase } from '../../core/db/check';
import { backupPath, backupsState } from '../../core/backups/backupStore';
import { restoreIntoLive, restoreOverDamaged } from '../../core/backups/restore';
import { systemClock } from '../../core/clock';
import type { CliCommand } from '../command';
import { UsageError } from '../io';

export const dbInfoCommand: CliCommand = {
  name: 'db info',
  usage: 'db info [--json]',
  summary: 'schema version, rows per table and file size',
  run({ db, io, json }) {
    const info = readDbInfo(db);
    if (json) {
      io.out(JSON.stringify(info));
      return;
    }
    io.out(`database        ${info.path}`);
    io.out(`schema version  ${info.schemaVersion} (this build knows up to ${info.latestVersion})`);
    io.out(`size on disk    ${formatBytes(info.fileBytes)}`);
    io.out('');
    const width = Math.max(...info.tables.map((t) => t.table.length));
    for (const { table, rows } of info.tables)
      io.out(`${table.padEnd(width)}  ${formatCount(rows).padStart(10)}`);
  },
};

export const dbBackupCommand: CliCommand = {
  name: 'db backup',
  usage: 'db backup OUT [--json]',
  summary: 'copy the database with SQLite’s online backup (safe while the app runs)',
  async run({ db, io, json, positionals }) {
    const [out] = positionals;
    if (!out) throw new UsageError('db backup needs the file to write: db backup OUT');
    const result = await backupDatabase(db, out, { takenAt: systemClock.now() });
    if (json) io.out(JSON.stringify(result));
    else
      io.out(
        `Backed up ${formatBytes(result.bytes)} (schema ${result.schemaVersion}) to ${result.path} in ${result.seconds.toFixed(2)} s.`,
      );
  },
};

export const dbCheckCommand: CliCommand = {
  name: 'db check',
  usage: 'db check [--full] [--json]',
  summary: 'SQLite’s consistency check (quick; --full also checks every index)',
  options: { full: { type: 'boolean' } },
  run({ db, io, json, options }) {
    const report = checkDatabase(db, options.full ? 'full' : 'quick');
    if (!report.ok) {
      throw new AppFailure(
        'database_corrupt',
        `The database is damaged (${report.mode} check): ${report.problems.join('; ')}. ` +
          'Restore a backup: `db backups`, then `db restore NAME --yes`.',
      );
    }
    if (json) io.out(JSON.stringify(report));
    else io.out(`The database is sound (${report.mode} check, ${report.seconds.toFixed(2)} s).`);
  },
};

export const dbBackupsCommand: CliCommand = {
  name: 'db backups',
  usage: 'db backups [--json]',
  summary: 'the backups in the backups folder beside the database, newest first',
  ownDatabase: true,
  run({ dbPath, io, json }) {
    const state = backupsState(dbPath);
    if (json) {
      io.out(JSON.stringify(state));
      return;
    }
    io.out(`backups in ${state.folder}`);
    if (state.backups.length === 0) io.out('  none yet');
    for (const b of state.backups)
      io.out(`  ${b.name}  ${b.kind.padEnd(14)} ${formatBytes(b.bytes).padStart(10)}`);
  },
};

export const dbRestoreCommand: CliCommand = {
  name: 'db restore',
  usage: 'db restore BACKUP --yes [--json]',
  summary: 'replace the database with a backup (a name from db backups, or a file); the current one is kept',
  options: { yes: { type: 'boolean' } },
  ownDatabase: true,
  async run({ dbPath, io, json, positionals, options }) {
    const [which] = positionals;
    if (!which) throw new UsageError('db restore needs the backup: a name from `db backups`, or a file.');
    const file = backupPath(dbPath, which) ?? path.resolve(which);
    if (!options.yes)
      throw new UsageError(
        `Restoring replaces everything in ${dbPath} with ${path.basename(file)}. Add --yes to go ahead.`,
      );
    let db: Db | null = null;
    try {
      db = openDatabase(dbPath);
      assertDatabaseReadable(db);
    } catch (error) {
      if (db?.open) db.close();
      db = null;
      if ((error as { code?: string }).code !== 'database_corrupt') throw error;
    }
    let report;
    if (db) {
      // While the app may have the database open, the backup API swaps it safely underneath.
      try {
        report = await restoreIntoLive(db, file, { clock: systemClock });
      } finally {
        db.close();
      }
    } else {
      io.err('The database is damaged; it is set aside and the backup put in its place.');
      report = await restoreOverDamaged(dbPath, file, systemClock);
    }
    if (json) io.out(JSON.stringify(report));
    else {
      io.out(
        `Restored ${report.restored} (schema ${report.schemaVersion}) in ${report.seconds.toFixed(2)} s.`,
      );
      if (report.safetyCopy) io.out(`The database as it was is kept as ${report.safetyCopy}.`);
      if (report.erasuresReapplied)
        io.out(`${report.erasuresReapplied} people erased since the backup were erased again.`);
      if (report.suppressionsCarried)
        io.out(`${report.suppressionsCarried} do-not-contact entries added since the backup were kept.`);
      if (report.quotaEntriesCarried)
        io.out(
          `${report.quotaEntriesCarried} quota entries booked since the backup were kept (spent stays spent).`,
        );
    }
  },
};
