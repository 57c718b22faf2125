import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type CoreRuntime } from '../../../src/main/core/runtime';
import { Maintenance } from '../../../src/main/core/backups/maintenance';
import { backupsFolder, listBackups } from '../../../src/main/core/backups/backupStore';
import { readSettings, writeSettings } from '../../../src/main/core/settings/settingsStore';
import { rescore } from '../../../src/main/core/scoring/rescore';
import { JOB_WORKER, tempDir } from '../../helpers/paths';
import { handClock } from '../../helpers/tables';
import { seedLeads, warmLeads } from '../../helpers/leads';
import { SCORING_CODE_VERSION } from '../../../src/main/core/scoring/codeVersion';

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

  it('redoes scores stored by an earlier scoring code, once, in the background', async () => {
    const { db } = core.ctx;
    seedLeads(db, warmLeads(3), clock);
    rescore(db, readSettings(db, 'scoring'), clock.now().toISOString());
    const scores = () => db.prepare('SELECT score FROM scores ORDER BY contact_id').pluck().all();
    const current = scores();
    const version = () =>
      db.prepare(`SELECT value FROM settings WHERE key = 'scoring.codeVersion'`).pluck().get();
    expect(version()).toBe(String(SCORING_CODE_VERSION)); // a full rescore says its scores are current
    // As after an upgrade: the scores were stored by the code before, which paid less.
    db.prepare(
      `INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('scoring.codeVersion', '1', '2025-05-01')`,
    ).run();
    db.prepare('UPDATE scores SET score = score - 5').run();
    const maintenance = new Maintenance(core.ctx);
    const round = await maintenance.run();
    expect(round.scoreJob).toEqual(expect.any(Number));
    expect((await core.ctx.jobs.wait(round.scoreJob!)).status).toBe('done');
    expect(scores()).toEqual(current);
    expect(version()).toBe(String(SCORING_CODE_VERSION));
    expect((await maintenance.run()).scoreJob).toBeNull();
  });

  it("counts its days in the seller's zone: a new Tokyo day backs up while UTC is still on the 1st", async () => {
    clock.set('2025-06-01T10:00:00Z'); // 1 June 19:00 in Tokyo
    writeSettings(core.ctx.db, 'outreach', { timeZone: 'Asia/Tokyo' }, clock);
    writeSettings(core.ctx.db, 'privacy', { retentionDays: 30 }, clock);
    const maintenance = new Maintenance(core.ctx);
    const first = await maintenance.run();
    expect(first.backup?.kind).toBe('daily');
    await core.ctx.jobs.wait(first.retentionJob!);

    clock.set('2025-06-01T16:00:00Z'); // 2 June 01:00 in Tokyo
    const second = await maintenance.run();
    expect(second.backup?.createdAt).toBe('2025-06-01T16:00:00.000Z');
    expect(second.retentionJob).not.toBeNull();
    await core.ctx.jobs.wait(second.retentionJob!);

    clock.set('2025-06-02T14:00:00Z'); // 2 June 23:00 in Tokyo (UTC has moved to the 2nd)
    const third = await maintenance.run();
    expect(third.backup).toBeNull();
    expect(third.retentionJob).toBeNull();
  });

  it('takes one backup per Los Angeles day even when UTC has turned over', async () => {
    clock.set('2025-06-01T20:00:00Z'); // 1 June 13:00 in Los Angeles
    writeSettings(core.ctx.db, 'outreach', { timeZone: 'America/Los_Angeles' }, clock);
    const maintenance = new Maintenance(core.ctx);
    expect((await maintenance.run()).backup?.kind).toBe('daily');
    clock.set('2025-06-02T02:00:00Z'); // still 1 June, 19:00, in Los Angeles
    expect((await maintenance.run()).backup).toBeNull();
    clock.set('2025-06-02T07:00:00Z'); // 2 June 00:00 in Los Angeles
    expect((await maintenance.run()).backup?.createdAt).toBe('2025-06-02T07:00:00.000Z');
  });
});
