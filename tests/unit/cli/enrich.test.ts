import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { fixedClock, seedPeople, type SeedPerson } from '../../helpers/exportSeed';
import { CLI, testKeychainService } from '../../helpers/paths';
import { FakeDns } from '../../fakes/fakeDns';
import { FakeHunter, type FakeCompany } from '../../fakes/fakeHunter';
import { SecretStore } from '../../../src/main/core/secrets/secretStore';
import { readSettings, writeSettings } from '../../../src/main/core/settings/settingsStore';
import { openDatabase } from '../../../src/main/core/db/database';

/**
 * `enrich` on the command line, the key from a throwaway keychain entry. Two processes at once on
 * one database file with a budget smaller than the domains they both want: Hunter is charged
 * exactly the budget, and no domain twice.
 */
describe('the enrich command', () => {
  const service = testKeychainService();
  const keychain = new SecretStore(service);
  let t: ReturnType<typeof freshDb>;
  let hunter: FakeHunter;
  let dns: FakeDns;
  const DOMAINS = 12;
  beforeEach(async () => {
    t = freshDb();
    const companies: FakeCompany[] = [];
    const people: SeedPerson[] = [];
    const zone: Record<string, { mx: { priority: number; exchange: string }[] }> = {};
    for (let i = 0; i < DOMAINS; i++) {
      const domain = `shop${i}.com`;
      companies.push({
        domain,
        pattern: '{first}.{last}',
        people: [
          {
            firstName: 'Ana',
            lastName: `Owner${i}`,
            email: `ana.owner${i}@${domain}`,
            seniority: 'executive',
            verification: 'valid',
          },
        ],
      });
      zone[domain] = { mx: [{ priority: 10, exchange: `mx.${domain}` }] };
      people.push({ first: 'Ana', last: `Owner${i}`, title: 'Owner', company: `Shop ${i}`, website: domain });
      people.push({
        first: 'Ben',
        last: `Buyer${i}`,
        title: 'VP Sales',
        company: `Shop ${i}`,
        website: domain,
      });
    }
    hunter = await FakeHunter.start({ companies, latencyMs: 80 });
    dns = await FakeDns.start(zone);
    await seedPeople(t.db, t.dir, people);
    const clock = fixedClock();
    writeSettings(t.db, 'enrich', { hunterBaseUrl: `${hunter.url}/v2`, dnsServers: [dns.server] }, clock);
    const outreach = readSettings(t.db, 'outreach');
    writeSettings(
      t.db,
      'outreach',
      { ...outreach, limits: { ...outreach.limits, hunter_search_month: 5, hunter_verification_month: 0 } },
      clock,
    );
    t.db.close();
    await keychain.save('hunter', 'test-key');
  });
  afterEach(async () => {
    await keychain.delete('hunter');
    await hunter.close();
    await dns.close();
    t.cleanup();
  });

  const enrich = (...args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, '--db', t.file, 'enrich', '--json', ...args], {
        env: { ...process.env, PROSPECT_DESK_KEYCHAIN_SERVICE: service },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (code) => resolve({ code, out }));
    });
  const last = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;

  it('two processes at once never pass the month’s budget nor search a domain twice', async () => {
    const [a, b] = await Promise.all([enrich(), enrich()]);
    expect(a.code, a.out).toBe(0);
    expect(b.code, b.out).toBe(0);
    expect(hunter.charged('searches')).toBe(5);
    const searched = hunter.requests
      .filter((r) => r.endpoint === 'domain-search' && r.status === 200)
      .map((r) => r.params.domain);
    expect(new Set(searched).size).toBe(searched.length);
    const db = openDatabase(t.file);
    try {
      expect(
        db
          .prepare(`SELECT sum(units) FROM quota_ledger WHERE quota = 'hunter.search' AND outcome = 'used'`)
          .pluck()
          .get(),
      ).toBe(5);
      // Everyone got an address (Hunter's for five domains, guesses for the rest), and only once.
      expect(db.prepare('SELECT count(DISTINCT contact_id) FROM contact_emails').pluck().get()).toBe(
        DOMAINS * 2,
      );
      expect(
        db
          .prepare(`SELECT count(*) FROM contact_emails WHERE source = 'hunter' AND status = 'verified'`)
          .pluck()
          .get(),
      ).toBe(5);
    } finally {
      db.close();
    }
    const reports = [last(a.out), last(b.out)];
    expect(reports.every((r) => (r.creditsLeft as { search: number }).search === 0)).toBe(true);

    // A third run tries three of those left with guesses only again, spends nothing (the month's
    // budget is used up) and stores no address twice.
    const rows = () => {
      const db = openDatabase(t.file);
      try {
        return db.prepare('SELECT count(*) FROM contact_emails').pluck().get();
      } finally {
        db.close();
      }
    };
    const before = rows();
    const again = await enrich('--limit', '3');
    expect(last(again.out)).toMatchObject({ contacts: 3, withEmail: 0, domainSearches: 0 });
    expect(hunter.charged('searches')).toBe(5);
    expect(rows()).toBe(before);
  });

  it('killed outright mid-run, then run again at once: whole contacts only, no credit past the budget', async () => {
    // The first run is killed (SIGKILL: no cleanup of any kind) once Hunter has answered two searches.
    let killed: { code: number | null; signal: NodeJS.Signals | null };
    {
      const child = spawn(process.execPath, [CLI, '--db', t.file, 'enrich', '--json'], {
        env: { ...process.env, PROSPECT_DESK_KEYCHAIN_SERVICE: service },
      });
      const exited = new Promise<typeof killed>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      const answered = () =>
        hunter.requests.filter((r) => r.endpoint === 'domain-search' && r.status === 200).length;
      while (answered() < 2 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      killed = await exited;
    }
    expect(killed.signal).toBe('SIGKILL');

    const again = await enrich();
    expect(again.code, again.out).toBe(0);
    const db = openDatabase(t.file);
    try {
      // Every contact was worked on exactly once, whole: its addresses and its history line together.
      const withEmails = db.prepare('SELECT count(DISTINCT contact_id) FROM contact_emails').pluck().get();
      expect(withEmails).toBe(DOMAINS * 2);
      expect(
        db
          .prepare(`SELECT count(*) FROM audit_log WHERE action IN ('email.found', 'email.not_found')`)
          .pluck()
          .get(),
      ).toBe(DOMAINS * 2);
      // What Hunter charged never passed the budget, and the ledger holds at least every charge
      // (a search in flight at the kill stays booked: Hunter may have counted it).
      const used = db
        .prepare(`SELECT sum(units) FROM quota_ledger WHERE quota = 'hunter.search' AND outcome = 'used'`)
        .pluck()
        .get() as number;
      expect(hunter.charged('searches')).toBeLessThanOrEqual(5);
      expect(used).toBeGreaterThanOrEqual(hunter.charged('searches'));
      expect(used).toBeLessThanOrEqual(5);
    } finally {
      db.close();
    }
    // (A search in flight at the kill may be asked again: Hunter may have charged it, and the
    // ledger counts both, as after a cancel. What cannot happen is going past the budget.)
  });

  it('refuses a bad --limit with a clear message', async () => {
    const bad = await enrich('--limit', 'ten');
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('--limit must be a whole number');
  });
});
