import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../../src/main/host/coreClient';
import { openDatabase } from '../../../src/main/core/db/database';
import { backupsFolder, createBackup } from '../../../src/main/core/backups/backupStore';
import type {
  BackupInfo,
  BackupsState,
  RestoreReport,
  StartupState,
} from '../../../src/shared/domain/backups';
import type { Result } from '../../../src/shared/contract/result';
import type { JobSnapshot } from '../../../src/shared/domain/jobs';
import { calls, type CallName } from '../../../src/shared/contract';
import { systemClock } from '../../../src/main/core/clock';
import { CORE_WORKER, JOB_WORKER, tempDir } from '../../helpers/paths';
import { fillPipeline } from '../../helpers/pipeline';
import { damagePage } from '../../helpers/damage';

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

/** The built core worker, driven as Electron main drives it, over a damaged and a healthy file. */
describe('the core with backups', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  let core: CoreClient | null = null;
  const start = () =>
    (core = new CoreClient({
      workerPath: CORE_WORKER,
      jobWorkerPath: JOB_WORKER,
      dbPath,
      dataDir: tmp.dir,
      maintenanceDelayMs: false,
    }));
  // The host checks inputs against the contract (defaults filled in) before the core sees them.
  const call = (client: CoreClient, name: CallName, input: unknown) =>
    client.call(name, calls[name].input.parse(input));
  const contacts = async (client: CoreClient) =>
    value<{ total: number }>(await call(client, 'records.contacts', { limit: 1 })).total;

  beforeEach(() => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'prospect-desk.db');
  });
  afterEach(async () => {
    await core?.close();
    core = null;
    tmp.cleanup();
  });

  it('a damaged database on start: a clear error, no crash, and a backup restored from the window', async () => {
    const db = openDatabase(dbPath);
    await fillPipeline(db);
    const backup = await createBackup(db, 'daily', systemClock);
    const people = db
      .prepare('SELECT count(*) FROM contacts WHERE merged_into IS NULL')
      .pluck()
      .get() as number;
    db.close();
    damagePage(dbPath);

    const client = start();
    const startup = await client.whenReady();
    expect(startup).toMatchObject({ code: 'database_corrupt' });
    expect(startup!.message).toMatch(/damaged/);
    expect(startup!.message).toMatch(/Restore a backup/);
    // Every ordinary call says the same, instead of failing somewhere deep.
    expect(await call(client, 'records.contacts', {})).toEqual({ ok: false, error: startup });
    // The recovery calls answer.
    expect(value<StartupState>(await client.call('db.startup', undefined))).toEqual({
      state: 'failed',
      error: startup,
    });
    const listed = value<BackupsState>(await client.call('backups.list', undefined));
    expect(listed.backups.map((b) => b.name)).toEqual([backup.name]);

    const report = value<RestoreReport>(await client.call('backups.restore', { name: backup.name }));
    expect(report.restored).toBe(backup.name);
    // The damaged file was kept beside the restored one.
    expect(fs.readdirSync(tmp.dir).some((f) => f.startsWith('prospect-desk.db.damaged-'))).toBe(true);
    // The core opened the restored database and answers everything again.
    expect(value<StartupState>(await client.call('db.startup', undefined))).toEqual({ state: 'ready' });
    expect(await contacts(client)).toBe(people);
  });

  it('a file that is not a database at all: the same clear error', async () => {
    fs.writeFileSync(dbPath, 'this is a spreadsheet, not a database'.repeat(200));
    const client = start();
    expect(await client.whenReady()).toMatchObject({ code: 'database_corrupt' });
    expect(value<BackupsState>(await client.call('backups.list', undefined)).backups).toEqual([]);
    expect(
      await client.call('backups.restore', { name: 'prospect-desk-2025-01-01T00-00-00-000Z-daily.db' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('backs up now and restores while the core keeps the database open', async () => {
    const db = openDatabase(dbPath);
    await fillPipeline(db);
    db.close();
    const client = start();
    expect(await client.whenReady()).toBeNull();
    const before = await contacts(client);
    const backup = value<BackupInfo>(await client.call('backups.create', undefined));
    expect(fs.existsSync(path.join(backupsFolder(dbPath), backup.name))).toBe(true);

    const find = async (search: string) =>
      value<{ rows: { id: number; title: string | null }[] }>(
        await call(client, 'records.contacts', { filter: { search } }),
      ).rows[0]!;
    const okafor = (await find('okafor')).id;
    const patel = await find('patel');
    // Erasing is a job: the call starts it; the test waits for it to end, as the window does.
    const erasing = value<JobSnapshot>(await call(client, 'privacy.erasePerson', { id: okafor }));
    for (let waited = 0; ; waited += 20) {
      const jobs = value<JobSnapshot[]>(await call(client, 'jobs.list', { limit: 5 }));
      const status = jobs.find((j) => j.id === erasing.id)?.status;
      if (status === 'done') break;
      if ((status && status !== 'running' && status !== 'queued') || waited > 15_000)
        throw new Error(`the erasure ended ${status ?? 'unseen'}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    value(await call(client, 'records.updateContact', { id: patel.id, changes: { title: 'Intern' } }));
    expect(await contacts(client)).toBe(before - 1);
    expect((await find('patel')).title).toBe('Intern');

    const report = value<RestoreReport>(await client.call('backups.restore', { name: backup.name }));
    // The erasure made after the backup is applied again: the restore brings everyone else back.
    expect(report.erasuresReapplied).toBe(1);
    expect(await contacts(client)).toBe(before - 1);
    expect((await find('patel')).title).toBe(patel.title);
    const kinds = value<BackupsState>(await client.call('backups.list', undefined)).backups.map(
      (b) => b.kind,
    );
    expect(kinds.sort()).toEqual(['before-restore', 'manual']);
    // A name that is not a backup in the folder is refused: the window cannot name any file.
    expect(await client.call('backups.restore', { name: '../prospect-desk.db' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('holds jobs and discovery runs while a restore replaces the database, and lets them go after', async () => {
    const db = openDatabase(dbPath);
    await fillPipeline(db);
    db.close();
    const client = start();
    expect(await client.whenReady()).toBeNull();
    const backup = value<BackupInfo>(await client.call('backups.create', undefined));

    // Sent while the restore is under way (it awaits its copies): refused, not run on the
    // database about to be replaced.
    const restoring = client.call('backups.restore', { name: backup.name });
    const purge = call(client, 'privacy.purgeNow', undefined);
    const discovery = call(client, 'discovery.start', { kind: 'top', limit: 5 });
    expect(await purge).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(await discovery).toMatchObject({
      ok: false,
      error: { code: 'busy', message: expect.stringMatching(/backup is being restored/) },
    });
    value<RestoreReport>(await restoring);
    expect(value<{ days: number }>(await call(client, 'privacy.purgeNow', undefined))).toMatchObject({
      purged: 0,
    });
  });
});
