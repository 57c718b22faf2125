import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/paths';

const PEOPLE = [
  'First Name,Last Name,Title,Company,Email,Employees,Industry',
  'Ann,Able,CEO,Acme Construction,ann@acme.com,800,Construction', // 85 HOT
  'Hal,Hart,President,Hart Electrical,hal@hart.com,500,Electrical', // 80 HOT
  'Cara,Cole,Owner,Cole Plumbing,cara@cole.com,60,Plumbing', // 75 WARM
  'Gus,Gray,Foreman,Gray Electrical,,5,Electrical', // 30 COLD
].join('\n');

describe('cli: score, approve, reject', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  const approvals = () => {
    const conn = new Database(db, { readonly: true });
    try {
      return conn
        .prepare(
          'SELECT c.full_name AS name, a.decision, a.reason, a.decided_by AS actor FROM approvals a JOIN contacts c ON c.id = a.contact_id ORDER BY a.id',
        )
        .all();
    } finally {
      conn.close();
    }
  };

  beforeEach(async () => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'x.db');
    const file = path.join(tmp.dir, 'people.csv');
    fs.writeFileSync(file, PEOPLE);
    expect((await cli('--db', db, 'import', file, '--no-match')).code).toBe(0);
  });
  afterEach(() => tmp.cleanup());

  it('score prints counts per tier and the time taken', async () => {
    const run = await cli('--db', db, 'score');
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^Scored 4 leads in \d+\.\d\d s \(0 changed\)\.$/);
    expect(run.out[1]).toMatch(/HOT 2\s+WARM 1\s+COLD 1/);
    const json = (await cli('--db', db, 'score', '--json')).json();
    expect(json).toMatchObject({ scored: 4, changed: 0, tiers: { HOT: 2, WARM: 1, COLD: 1 } });
    expect((json as { seconds: number }).seconds).toBeGreaterThanOrEqual(0);
  });

  it('approve --tier takes that tier of the queue; --all the rest; twice changes nothing', async () => {
    const hot = await cli('--db', db, 'approve', '--tier', 'hot', '--json');
    expect(hot.code).toBe(0);
    expect(hot.json()).toEqual({ approved: 2, tier: 'HOT' });
    expect(approvals()).toEqual([
      { name: 'Ann Able', decision: 'approved', reason: null, actor: 'cli' },
      { name: 'Hal Hart', decision: 'approved', reason: null, actor: 'cli' },
    ]);
    expect((await cli('--db', db, 'approve', '--all')).out).toEqual(['Approved 2 leads.']);
    expect((await cli('--db', db, 'approve', '--all')).out).toEqual(['Approved 0 leads.']);
  });

  it('reject needs a contact and a reason, and logs both', async () => {
    expect((await cli('--db', db, 'reject', '--contact', '3')).code).toBe(2);
    expect((await cli('--db', db, 'approve')).code).toBe(2);
    expect((await cli('--db', db, 'approve', '--tier', 'LUKEWARM')).code).toBe(2);
    const run = await cli('--db', db, 'reject', '--contact', '3', '--reason', 'Retiring this year', '--json');
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({ rejected: 3, reason: 'Retiring this year' });
    expect(approvals()).toEqual([
      { name: 'Cara Cole', decision: 'rejected', reason: 'Retiring this year', actor: 'cli' },
    ]);
    const missing = await cli('--db', db, 'reject', '--contact', '999', '--reason', 'x');
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/999/);
  });
});
