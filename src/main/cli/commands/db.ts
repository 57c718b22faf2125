import { formatBytes, formatCount } from '@shared/domain/format';
import { readDbInfo } from '../../core/db/info';
import { backupDatabase } from '../../core/db/backup';
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
    const result = await backupDatabase(db, out);
    if (json) io.out(JSON.stringify(result));
    else
      io.out(
        `Backed up ${formatBytes(result.bytes)} (schema ${result.schemaVersion}) to ${result.path} in ${result.seconds.toFixed(2)} s.`,
      );
  },
};
