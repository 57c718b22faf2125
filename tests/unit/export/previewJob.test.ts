import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type CoreRuntime } from '../../../src/main/core/runtime';
import { JOB_WORKER, tempDir } from '../../helpers/paths';

/**
 * A preview of a big scope runs on a job's own thread (the core keeps answering meanwhile) and,
 * since it only reads, is not announced as changed data — the Export page previews again on
 * changed data, so announcing it would loop.
 */
describe('export preview of a big scope', () => {
  let core: CoreRuntime | null = null;
  const tmp = tempDir();
  afterEach(async () => {
    await core?.close();
    tmp.cleanup();
  });

  it('runs as a read-only job and gives the same answer', async () => {
    const events: { event: string; scope?: string }[] = [];
    core = await openCore(
      { dbPath: path.join(tmp.dir, 'big.db'), dataDir: tmp.dir, jobWorkerPath: JOB_WORKER },
      (event, payload) => events.push({ event, scope: (payload as { scope?: string }).scope }),
      undefined,
      { read: async () => null },
    );
    const { db } = core.ctx;
    const now = '2026-11-20T10:00:00.000Z';
    const company = db.prepare(
      `INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    const contact = db.prepare(
      `INSERT INTO contacts (id, company_id, full_name, name_key, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (let c = 1; c <= 5000; c++)
        company.run(c, `Company ${String(c).padStart(5, '0')}`, `company ${c}`, now, now);
      for (let i = 1; i <= 21_000; i++)
        contact.run(
          i,
          1 + (i % 5000),
          `Person ${i}`,
          `person ${i}`,
          `p${i}@c${1 + (i % 5000)}.com`,
          now,
          now,
        );
    })();
    db.prepare(`INSERT INTO suppressions (kind, value, created_at) VALUES ('domain', 'c1.com', ?)`).run(now);
    const result = await core.dispatch('exports.preview', {
      target: 'generic',
      scope: { kind: 'all' },
      sinceLast: false,
      limit: 3,
    });
    expect(result.ok).toBe(true);
    const preview = (result as { value: { total: number; suppressed: number; rows: unknown[][] } }).value;
    expect(preview.total + preview.suppressed).toBe(21_000);
    expect(preview.suppressed).toBe(4);
    expect(preview.rows.map((r) => r[10])).toEqual(['Company 00002', 'Company 00002', 'Company 00002']);
    expect(db.prepare(`SELECT kind, status FROM jobs`).all()).toEqual([
      { kind: 'export.preview', status: 'done' },
    ]);
    expect(events.filter((e) => e.event === 'data.changed')).toEqual([]);
  });
});
