import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { fixedClock, seedPeople } from '../../helpers/exportSeed';
import { CLI, JOB_WORKER, testKeychainService } from '../../helpers/paths';
import { FakeClose } from '../../fakes/fakeClose';
import { SecretStore } from '../../../src/main/core/secrets/secretStore';
import { writeSettings } from '../../../src/main/core/settings/settingsStore';
import { openCore, type CoreRuntime } from '../../../src/main/core/runtime';
import { openDatabase } from '../../../src/main/core/db/database';

/**
 * A sync stopped half-way — the job cancelled, or the process killed outright — and run again:
 * nothing is created twice, because every Close id is stored the moment Close gives it. The key
 * comes from the real keychain (a throwaway entry), as in the app: the job worker asks the core,
 * which asks its key reader; the CLI reads the keychain itself.
 */
describe('Close sync, stopped and resumed', () => {
  const service = testKeychainService();
  const keychain = new SecretStore(service);
  let t: ReturnType<typeof freshDb>;
  let fake: FakeClose;
  beforeEach(async () => {
    t = freshDb();
    await seedPeople(t.db, t.dir, [
      { first: 'Ann', last: 'Lee', title: 'CEO', company: 'Acme Plumbing', email: 'ann@acme.com' },
      { first: 'Bob', last: 'Stone', title: 'VP Sales', company: 'Acme Plumbing', email: 'bob@acme.com' },
      { first: 'Cara', last: 'Diaz', title: 'Owner', company: 'Bright Roofing', email: 'cara@bright.com' },
      { first: 'Cy', last: 'Mora', title: 'President', company: 'Corner Electric' },
      { first: 'Dee', last: 'Park', title: 'Founder', company: 'Delta Mechanical', email: 'dee@delta.com' },
      {
        first: 'Eli',
        last: 'Ward',
        title: 'CEO',
        company: 'Echo Solar',
        linkedin: 'https://www.linkedin.com/in/eli-ward',
      },
      { first: 'Fay', last: 'Ng', title: 'Owner', company: 'Fox Fencing', email: 'fay@foxfencing.com' },
    ]);
    fake = await FakeClose.start();
    writeSettings(t.db, 'export', { close: { baseUrl: fake.url } }, fixedClock());
    await keychain.save('close', fake.key);
  });
  afterEach(async () => {
    await keychain.delete('close');
    await fake.close();
    t.cleanup();
  });

  const people = () =>
    fake
      .allContacts()
      .map((c) => c.emails[0]?.email ?? c.name)
      .sort();
  const EVERYONE = [
    'Cy Mora',
    'ann@acme.com',
    'bob@acme.com',
    'cara@bright.com',
    'dee@delta.com',
    'Eli Ward',
    'fay@foxfencing.com',
  ].sort();

  it('as a job: cancelled after two leads, started again, every lead once', async () => {
    t.db.close();
    let core: CoreRuntime | null = null;
    try {
      core = await openCore(
        { dbPath: t.file, dataDir: t.dir, jobWorkerPath: JOB_WORKER },
        () => undefined,
        undefined,
        keychain,
      );
      const first = core.startJob('close.sync', { scope: { kind: 'approved' } });
      fake.onLeadCreated = (n) => {
        if (n === 2) core!.ctx.jobs.cancel(first.id);
      };
      const stopped = await core.ctx.jobs.wait(first.id);
      expect(stopped.status).toBe('cancelled');
      const createdBefore = fake.leadsCreated;
      expect(createdBefore).toBeGreaterThanOrEqual(2);
      expect(createdBefore).toBeLessThan(6);
      fake.onLeadCreated = null;

      const second = core.startJob('close.sync', { scope: { kind: 'approved' } });
      const done = await core.ctx.jobs.wait(second.id);
      expect(done.status, done.error ?? '').toBe('done');
      expect(done.result).toMatchObject({ companies: 6, leadsCreated: 6 - createdBefore, failed: [] });
      expect(fake.leads.size).toBe(6);
      expect(people()).toEqual(EVERYONE);
      // The key went from the keychain to the request, and nowhere else.
      expect(JSON.stringify(core.ctx.db.prepare('SELECT * FROM jobs').all())).not.toContain(fake.key);
      expect(
        core.ctx.db
          .prepare(`SELECT json_extract(details, '$.status') FROM exports ORDER BY id`)
          .pluck()
          .all(),
      ).toEqual(['cancelled', 'done']);
    } finally {
      await core?.close();
    }
  });

  it('as the command line: the process killed after two leads, run again, every lead once', async () => {
    t.db.close();
    const run = (onStart?: (pid: number) => void) =>
      new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, '--db', t.file, 'close-sync', '--json'], {
          env: { ...process.env, PROSPECT_DESK_KEYCHAIN_SERVICE: service },
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        onStart?.(child.pid!);
        child.on('exit', (code, signal) => resolve({ code, signal, out }));
      });
    let pid = 0;
    fake.onLeadCreated = (n) => {
      if (n === 2) process.kill(pid, 'SIGKILL');
    };
    const killed = await run((p) => (pid = p));
    expect(killed.signal).toBe('SIGKILL');
    const createdBefore = fake.leadsCreated;
    expect(createdBefore).toBeGreaterThanOrEqual(2);
    expect(createdBefore).toBeLessThan(6);
    fake.onLeadCreated = null;

    const again = await run();
    expect(again.code, again.out).toBe(0);
    const report = JSON.parse(again.out.trim().split('\n').at(-1)!) as {
      leadsCreated: number;
      failed: unknown[];
    };
    expect(report.failed).toEqual([]);
    expect(fake.leads.size).toBe(6);
    expect(fake.leadsCreated).toBe(6);
    expect(people()).toEqual(EVERYONE);
    const db = openDatabase(t.file);
    expect(db.prepare(`SELECT count(*) FROM crm_links WHERE entity_type = 'contact'`).pluck().get()).toBe(7);
    db.close();
  });
});
