import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../../src/main/host/coreClient';
import type { JobEvent, JobSnapshot } from '../../../src/shared/domain/jobs';
import { LATEST_VERSION } from '../../../src/main/core/db/migrations';
import { COUNT_JOB, CORE_WORKER, JOB_WORKER, tempDir } from '../../helpers/paths';

/** The real built core worker over a real database file, driven the way Electron main drives it. */
describe('core worker relay', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  let core: CoreClient;
  let events: JobEvent[];

  const open = () => {
    core = new CoreClient({
      workerPath: CORE_WORKER,
      jobWorkerPath: JOB_WORKER,
      dbPath,
      dataDir: tmp.dir,
      extraJobModules: [COUNT_JOB],
    });
    events = [];
    core.onEvent((name, payload) => {
      if (name === 'job') events.push(payload as JobEvent);
    });
  };

  const until = async (predicate: () => boolean, what: string, timeoutMs = 15_000) => {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  const countRows = () => {
    const db = new Database(dbPath, { readonly: true });
    const n = db
      .prepare(`SELECT count(*) FROM audit_log WHERE action = 'test.count'`)
      .pluck()
      .get() as number;
    db.close();
    return n;
  };

  const endOf = (id: number) =>
    events.find((e) => e.job.id === id && ['finished', 'failed', 'cancelled'].includes(e.type));

  beforeEach(() => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'core.db');
    open();
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('answers a call with a value', async () => {
    expect(await core.whenReady()).toBeNull();
    const info = await core.call('db.info', undefined);
    expect(info.ok).toBe(true);
    if (!info.ok) return;
    const value = info.value as { schemaVersion: number; tables: { table: string; rows: number }[] };
    expect(value.schemaVersion).toBe(LATEST_VERSION);
    expect(value.tables.find((t) => t.table === 'companies')).toEqual({ table: 'companies', rows: 0 });
  });

  it('answers a failing call with an error code, not a thrown error', async () => {
    const result = await core.call('jobs.cancel', { id: 424242 });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no job 424242.' } });
  });

  it('runs a job to the end, reporting progress and committing its work', async () => {
    const started = await core.startJob('test.count', { total: 40, delayMs: 5 });
    expect(started.ok).toBe(true);
    const id = (started as { value: JobSnapshot }).value.id;
    await until(() => endOf(id) !== undefined, 'the job to end');
    const kinds = events.filter((e) => e.job.id === id).map((e) => e.type);
    expect(kinds[0]).toBe('queued');
    expect(kinds).toContain('started');
    expect(kinds).toContain('progress');
    expect(kinds.at(-1)).toBe('finished');
    const progress = events.filter((e) => e.job.id === id && e.type === 'progress').map((e) => e.job.done);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(endOf(id)!.job).toMatchObject({ status: 'done', done: 40, total: 40, result: { counted: 40 } });
    expect(countRows()).toBe(40);
  });

  it('cancels a job mid-way and keeps nothing it did', async () => {
    const started = await core.startJob('test.count', { total: 100_000, delayMs: 2 });
    const id = (started as { value: JobSnapshot }).value.id;
    await until(
      () => events.some((e) => e.job.id === id && e.type === 'progress' && e.job.done >= 20),
      'progress',
    );
    const cancel = await core.call('jobs.cancel', { id });
    expect(cancel.ok).toBe(true);
    await until(() => endOf(id) !== undefined, 'the job to stop');
    expect(endOf(id)!.type).toBe('cancelled');
    expect(countRows()).toBe(0);
    const list = await core.call('jobs.list', { limit: 5 });
    expect((list as { value: JobSnapshot[] }).value[0]).toMatchObject({ id, status: 'cancelled' });
  });

  it('reports a job that throws as failed and keeps nothing', async () => {
    const started = await core.startJob('test.count', { total: 50, failAt: 30 });
    const id = (started as { value: JobSnapshot }).value.id;
    await until(() => endOf(id) !== undefined, 'the job to fail');
    expect(endOf(id)!).toMatchObject({
      type: 'failed',
      job: { status: 'failed', error: 'failed on purpose at 30' },
    });
    expect(countRows()).toBe(0);
  });

  it('reports a job whose thread dies as failed and keeps nothing', async () => {
    const started = await core.startJob('test.count', { total: 50, crashAt: 25 });
    const id = (started as { value: JobSnapshot }).value.id;
    await until(() => endOf(id) !== undefined, 'the crash to be noticed');
    expect(endOf(id)!.job.status).toBe('failed');
    expect(endOf(id)!.job.error).toMatch(/stopped unexpectedly \(exit code 3\)/);
    expect(countRows()).toBe(0);
  });

  it('queues a second job behind a running import-like job, then runs it', async () => {
    const first = (await core.startJob('test.count', { total: 30, delayMs: 5 })) as { value: JobSnapshot };
    const second = (await core.startJob('test.count', { total: 10 })) as { value: JobSnapshot };
    expect(second.value.status).toBe('queued');
    await until(() => endOf(second.value.id) !== undefined, 'both jobs');
    const firstEnd = events.findIndex((e) => e.job.id === first.value.id && e.type === 'finished');
    const secondStart = events.findIndex((e) => e.job.id === second.value.id && e.type === 'started');
    expect(firstEnd).toBeGreaterThanOrEqual(0);
    expect(secondStart).toBeGreaterThan(firstEnd);
    expect(countRows()).toBe(40);
  });

  it('marks a job that was running when the app stopped as interrupted', async () => {
    await core.close();
    const db = new Database(dbPath);
    db.prepare(
      `INSERT INTO jobs (kind, label, status, started_at) VALUES ('test.count', 'x', 'running', ?)`,
    ).run(new Date().toISOString());
    db.close();
    open();
    const list = (await core.call('jobs.list', {})) as { value: JobSnapshot[] };
    expect(list.value[0]).toMatchObject({
      status: 'interrupted',
      error: expect.stringMatching(/nothing it did was kept/),
    });
  });

  it('reports a database it cannot open instead of crashing', async () => {
    await core.close();
    fs.rmSync(dbPath, { force: true });
    fs.writeFileSync(dbPath, 'this is not a database, it is a note'.repeat(200));
    open();
    const error = await core.whenReady();
    expect(error?.code).toBe('database_corrupt');
    const call = await core.call('app.ping', undefined);
    expect(call).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
  });
});
