import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type CoreRuntime } from '../../../src/main/core/runtime';
import type { JobEvent, JobSnapshot } from '../../../src/shared/domain/jobs';
import type { ErasureReport } from '../../../src/shared/domain/privacy';
import { count, freshDb, importFile } from '../../helpers/importing';
import { JOB_WORKER, ROOT } from '../../helpers/paths';

const CONNECTIONS = path.join(ROOT, 'tests/fixtures/import/Connections.csv');

/**
 * "Erase" from the window: the call starts a job on the built job worker (its own thread and
 * connection), which reports its progress and ends with the erasure committed and the pages told.
 */
describe('erasing a person as a job, through the core', () => {
  let t: ReturnType<typeof freshDb>;
  let core: CoreRuntime | null = null;
  let jobEvents: JobEvent[];
  let changed: string[];

  beforeEach(async () => {
    t = freshDb();
    await importFile(t.db, { path: CONNECTIONS, matchExisting: false });
    t.db.close();
    jobEvents = [];
    changed = [];
    core = await openCore({ dbPath: t.file, dataDir: t.dir, jobWorkerPath: JOB_WORKER }, (event, payload) => {
      if (event === 'job') jobEvents.push(payload as JobEvent);
      if (event === 'data.changed') changed.push((payload as { scope: string }).scope);
    });
  });
  afterEach(async () => {
    await core?.close();
    core = null;
    t.cleanup();
  });

  it('starts the job, which erases them, reports progress with a total and tells the pages', async () => {
    const { db } = core!.ctx;
    const ann = db.prepare(`SELECT id FROM contacts WHERE full_name = 'Ann Lee'`).pluck().get() as number;
    const others = count(db, 'contacts') - 1;

    const started = await core!.dispatch('privacy.erasePerson', { id: ann, suppress: true });
    expect(started.ok).toBe(true);
    const job = (started as { value: JobSnapshot }).value;
    expect(job).toMatchObject({ kind: 'privacy.erase', label: `Erasing contact #${ann}`, unit: 'rows' });

    const ended = await core!.ctx.jobs.wait(job.id);
    expect(ended.status, ended.error ?? '').toBe('done');
    const report = ended.result as ErasureReport;
    expect(report).toMatchObject({ people: 1, contacts: 1, suppressionsAdded: 1 });
    expect(count(db, 'contacts', `id = ${ann}`)).toBe(0);
    expect(count(db, 'contacts')).toBe(others);
    expect(count(db, 'suppressions', `value = 'ann-lee-4b1a2c'`)).toBe(1);
    expect(count(db, 'audit_log', `action = 'person.erased' AND entity_id = ${ann}`)).toBe(1);

    // The job's row ends done with the total it searched (every raw row at least) and the report.
    const row = db.prepare('SELECT status, done, total, result FROM jobs WHERE id = ?').get(job.id) as {
      status: string;
      done: number;
      total: number;
      result: string;
    };
    expect(row.status).toBe('done');
    expect(row.total).toBeGreaterThanOrEqual(count(db, 'source_rows'));
    expect(row.done).toBe(row.total);
    expect(JSON.parse(row.result)).toEqual(report);
    // Nothing in the job's row says who was erased.
    expect(JSON.stringify(db.prepare('SELECT * FROM jobs WHERE id = ?').get(job.id))).not.toMatch(/ann|lee/i);
    const mine = jobEvents.filter((e) => e.job.id === job.id).map((e) => e.type);
    expect(mine[0]).toBe('queued');
    expect(mine.at(-1)).toBe('finished');
    expect(changed).toContain('privacy.erase');
  });

  it('refuses an unknown contact at once, without starting a job', async () => {
    const result = await core!.dispatch('privacy.erasePerson', { id: 999_999, suppress: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(jobEvents).toEqual([]);
  });
});
