import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { openDatabase } from '../../src/main/core/db/database';
import { importFile } from './importing';

/** Imports CSV text into a database file, as a seller's earlier session would have. */
export async function seedCsv(
  dbPath: string,
  name: string,
  csv: string,
  options: { matchExisting?: boolean } = {},
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-seed-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, csv);
  const db = openDatabase(dbPath);
  try {
    await importFile(db, { path: file, ...options });
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
