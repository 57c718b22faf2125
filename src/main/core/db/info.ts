import fs from 'node:fs';
import type { DbInfo } from '@shared/domain/db';
import { LATEST_VERSION } from './migrations';
import type { Db } from './database';

const fileSize = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** Schema version, rows per table and the size on disk (including the write-ahead log). */
export function readDbInfo(db: Db): DbInfo {
  const file = db.name;
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
         AND name NOT IN (SELECT name || suffix FROM sqlite_schema
                          CROSS JOIN (SELECT '_data' AS suffix UNION ALL SELECT '_idx' UNION ALL SELECT '_content'
                                      UNION ALL SELECT '_docsize' UNION ALL SELECT '_config')
                          WHERE sql LIKE 'CREATE VIRTUAL TABLE%')
       ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return {
    path: file,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    latestVersion: LATEST_VERSION,
    fileBytes: fileSize(file) + fileSize(`${file}-wal`),
    tables: tables.map((table) => ({
      table,
      rows:
        (db
          .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
          .pluck()
          .get() as number) ?? 0,
    })),
  };
}
