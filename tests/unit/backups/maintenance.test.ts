import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type CoreRuntime } from '../../../src/main/core/runtime';
import { Maintenance } from '../../../src/main/core/backups/maintenance';
import { backupsFolder, listBackups } from '../../../src/main/core/backups/backupStore';
import { writeSettings } from '../../../src/main/core/settings/settingsStore';
import { JOB_WORKER, tempDir } from '../../helpers/paths';
import { handClock } from '../../helpers/tables';

describe('the daily maintenance round', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: CoreRuntime;
  const clock = handClock('2025-06-01T09:00:00Z');
  beforeEach(async () => {
    tmp = tempDir();
    core = await openCore(
      { dbPath: path.join(tmp.dir, 'prospect-desk.db'), dataDir: tmp.dir, jobWorkerPath: JOB_WORKER },
      () => undefined,
      clock,
      { read: async () => null },
    );
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('backs up once a day, and runs the retention rule once a day when it is on', async () => {
    const maintenance = new Maintenance(core.ctx);
    const first = await maintenance.run();
    expect(first.backup?.kind).toBe('daily');
    expect(first.retentionJob).toBeNull(); // the rule is off by default
    clock.advance(3 * 3600_000);
    expect((await maintenance.run()).backup).toBeNull(); // same day

    writeSettings(core.ctx.db, 'privacy', { retentionDays: 30 }, clock);
    clock.set('2025-06-02T09:00:00Z');
    const next = await maintenance.run();
    expect(next.backup?.createdAt).toBe('2025-06-02T09:00:00.000Z');
    expect(next.retentionJob).not.toBeNull();
    const job = await core.ctx.jobs.wait(next.retentionJob!);
    expect(job.status).toBe('done');
    expect((await maintenance.run()).retentionJob).toBeNull(); // once a day

    writeSettings(core.ctx.db, 'backups', { daily: false, keep: 7 }, clock);
    clock.set('2025-06-03T09:00:00Z');
    expect((await maintenance.run()).backup).toBeNull();
    expect(listBackups(backupsFolder(core.ctx.db.name)).map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2025-06-02',
      '2025-06-01',
    ]);
  });
});
