import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { fixedClock, seedPeople } from '../../helpers/exportSeed';
import { WORLD_COMPANIES, WORLD_PEOPLE, WORLD_ZONE } from '../../helpers/enrichWorld';
import { FakeDns } from '../../fakes/fakeDns';
import { FakeHunter } from '../../fakes/fakeHunter';
import { openDatabase, type Db } from '../../../src/main/core/db/database';
import { readSettings, writeSettings } from '../../../src/main/core/settings/settingsStore';
import { runEnrichment } from '../../../src/main/core/enrich/job/runEnrichment';
import { syncHunterCreditsNow } from '../../../src/main/core/enrich/job/syncCredits';
import type { StoredEvidence } from '../../../src/main/core/enrich/job/saveEmails';
import type { Clock } from '../../../src/main/core/clock';
import { provenanceOf } from '../../../src/main/core/records/provenance';
import { RecordLists } from '../../../src/main/core/records/recordLists';

/**
 * The enrichment job's work on a real SQLite file, against the fake Hunter v2 on 127.0.0.1 (its
 * address from Settings, the key as the keychain would give it) and a DNS server on 127.0.0.1.
 */
const clock: Clock = fixedClock('2026-11-20T10:00:00.000Z');

interface EmailRow {
  contact: string;
  email: string;
  source: string;
  confidence: number;
  status: string;
  catch_all: number;
  evidence: StoredEvidence;
}

function emails(db: Db): EmailRow[] {
  return (
    db
      .prepare(
        `SELECT c.full_name AS contact, e.email, e.source, e.confidence, e.status, e.catch_all, e.evidence
         FROM contact_emails e JOIN contacts c ON c.id = e.contact_id ORDER BY c.full_name, e.confidence DESC, e.email`,
      )
      .all() as (Omit<EmailRow, 'evidence'> & { evidence: string })[]
  ).map((r) => ({ ...r, evidence: JSON.parse(r.evidence) as StoredEvidence }));
}

const bestOf = (db: Db, name: string) => emails(db).find((e) => e.contact === name);

function setBudget(db: Db, searches: number, verifications: number) {
  const outreach = readSettings(db, 'outreach');
  writeSettings(
    db,
    'outreach',
    {
      ...outreach,
      limits: { ...outreach.limits, hunter_search_month: searches, hunter_verification_month: verifications },
    },
    clock,
  );
}

const ledgerUsed = (db: Db, quota: string) =>
  db
    .prepare(`SELECT coalesce(sum(units), 0) FROM quota_ledger WHERE quota = ? AND outcome = 'used'`)
    .pluck()
    .get(quota) as number;

describe('the enrich job on a SQLite file', () => {
  let t: ReturnType<typeof freshDb>;
  let hunter: FakeHunter;
  let dns: FakeDns;
  beforeEach(async () => {
    t = freshDb();
    hunter = await FakeHunter.start({ companies: WORLD_COMPANIES });
    dns = await FakeDns.start(WORLD_ZONE);
    await seedPeople(t.db, t.dir, WORLD_PEOPLE);
    writeSettings(t.db, 'enrich', { hunterBaseUrl: `${hunter.url}/v2`, dnsServers: [dns.server] }, clock);
  });
  afterEach(async () => {
    await hunter.close();
    await dns.close();
    t.cleanup();
  });

  const run = (db: Db, request = {}, signal?: AbortSignal, onProgress?: (done: number) => void) =>
    runEnrichment({ db, clock, apiKey: 'test-key', signal, progress: (done) => onProgress?.(done) }, request);

  it('stores every address with how it was found, and lets a verified one teach its domain', async () => {
    const report = await run(t.db);
    // Four have a verified address; Fay, Dee and Cy have guesses only, which do not count.
    expect(report).toMatchObject({ contacts: 7, withEmail: 4, noHunterKey: false, cancelled: false });
    expect(report.best).toEqual({ verified: 4, unknown: 1, risky: 2 });

    // Hunter listed Ann, verified: her address is verified, found by the domain search.
    const ann = bestOf(t.db, 'Ann Lee')!;
    expect(ann).toMatchObject({ email: 'ann.lee@acme.com', source: 'hunter', status: 'verified' });
    expect(ann.evidence).toMatchObject({ method: 'domain_search', domain: 'acme.com', mx: 'present' });
    expect(ann.evidence.verification?.status).toBe('valid');

    // Bob was not listed; Ann's verified address taught acme.com its pattern, which wins for him.
    const bob = emails(t.db).filter((e) => e.contact === 'Bob Stone');
    expect(bob.map((e) => [e.email, e.source, e.confidence, e.status])).toEqual([
      ['bob.stone@acme.com', 'pattern', 95, 'verified'],
    ]);
    expect(bob[0]!.evidence.reasons.join(' ')).toMatch(
      /learned from the verified address ann\.lee@acme\.com/,
    );
    expect(
      t.db.prepare(`SELECT template, source, example FROM email_patterns WHERE domain = 'acme.com'`).get(),
    ).toEqual({ template: '{first}.{last}', source: 'verified_address', example: 'ann.lee@acme.com' });

    // Bright Roofing: nobody listed, no pattern; the verifier confirmed the best guess of its
    // first person, and that taught the domain to the other.
    const bright = emails(t.db).filter((e) => e.contact === 'Cara Diaz' || e.contact === 'Dan Wu');
    expect(
      bright
        .filter((e) => e.status === 'verified')
        .map((e) => e.email)
        .sort(),
    ).toEqual(['cara.diaz@brightroofing.com', 'dan.wu@brightroofing.com']);
    expect(
      t.db.prepare(`SELECT source FROM email_patterns WHERE domain = 'brightroofing.com'`).pluck().get(),
    ).toBe('verified_address');

    // A catch-all domain: noted, and nothing there is called verified.
    const fay = emails(t.db).filter((e) => e.contact === 'Fay Ng');
    expect(fay.length).toBeGreaterThan(0);
    for (const e of fay) {
      expect(e.catch_all).toBe(1);
      expect(e.status).not.toBe('verified');
    }
    expect(fay[0]!.evidence.reasons.join(' ')).toMatch(/catch-all/);

    // A domain without MX: no credit spent there, and its guesses are risky.
    const dee = emails(t.db).filter((e) => e.contact === 'Dee Park');
    expect(dee.every((e) => e.status === 'risky')).toBe(true);
    expect(hunter.requests.some((r) => r.params.domain === 'deltamech.com')).toBe(false);

    // No website: the domain was guessed from the name and kept because it has an MX record.
    // Hunter's inferred pattern gave cmora@, and the verifier found no such mailbox: risky.
    const cy = bestOf(t.db, 'Cy Mora')!;
    expect(cy).toMatchObject({ email: 'cmora@cornerelectric.com', status: 'risky' });
    expect(cy.evidence.verification?.status).toBe('invalid');
    expect(cy.evidence.domainSource).toBe('guessed');
    expect(cy.evidence.notes.join(' ')).toMatch(/guessed from the company name .* MX record/);

    // What was paid is in the ledger, exactly what Hunter charged.
    expect(ledgerUsed(t.db, 'hunter.search')).toBe(hunter.charged('searches'));
    expect(ledgerUsed(t.db, 'hunter.verification')).toBe(hunter.charged('verifications'));
    expect(hunter.charged('searches')).toBe(4);
    // A verified address became the contact's email (routing and outreach read it), traced to
    // enrichment; an unverified one did not.
    const primary = (name: string) =>
      t.db.prepare('SELECT email FROM contacts WHERE full_name = ?').pluck().get(name) as string | null;
    expect(primary('Bob Stone')).toBe('bob.stone@acme.com');
    expect(primary('Fay Ng')).toBeNull();
    expect(primary('Dee Park')).toBeNull();
    const bobId = t.db
      .prepare(`SELECT id FROM contacts WHERE full_name = 'Bob Stone'`)
      .pluck()
      .get() as number;
    expect(provenanceOf(t.db, 'contact', bobId).find((f) => f.field === 'email')?.source).toEqual({
      kind: 'derived',
      note: 'found by email enrichment on 2026-11-20 (the domain’s pattern)',
    });
    // The score counts a verified address at once; an unverified guess does not make an email known.
    const emailPoints = (name: string) =>
      t.db
        .prepare(
          `SELECT f.value ->> '$.points' FROM contacts c JOIN scores s ON s.contact_id = c.id, json_each(s.breakdown, '$.factors') f
           WHERE c.full_name = ? AND f.value ->> '$.factor' = 'email'`,
        )
        .pluck()
        .get(name) as number;
    expect(emailPoints('Bob Stone')).toBeGreaterThan(0);
    expect(emailPoints('Fay Ng')).toBe(0);
    // Each contact's history says what enrichment did.
    expect(
      t.db
        .prepare(`SELECT count(*) FROM audit_log WHERE action = 'email.found' AND entity_type = 'contact'`)
        .pluck()
        .get(),
    ).toBe(7);
  });

  it('a second run pays nothing: this month’s searches, the MX answers and the patterns are stored', async () => {
    await run(t.db);
    const searches = hunter.count('domain-search');
    const queries = dns.queries.length;
    // A new person at Acme, after a "restart" (a new connection to the same file).
    t.db.close();
    const db = openDatabase(t.file);
    try {
      await seedPeople(
        db,
        t.dir,
        [{ first: 'Carl', last: 'Ng', title: 'CFO', company: 'Acme Plumbing', website: 'acme.com' }],
        {
          file: 'more.csv',
        },
      );
      const report = await run(db);
      // Carl, and the three left with guesses only (Fay, Dee, Cy); the others have verified emails.
      expect(report.contacts).toBe(4);
      expect(report).toMatchObject({ domainSearches: 0, verifierCalls: 0, withEmail: 1 });
      expect(hunter.count('domain-search')).toBe(searches);
      expect(dns.queries.length).toBe(queries);
      expect(bestOf(db, 'Carl Ng')).toMatchObject({
        email: 'carl.ng@acme.com',
        status: 'verified',
        confidence: 95,
      });
    } finally {
      db.close();
    }
  });

  it('a re-run does not ask the email finder the same question twice, and does not call that "no credit"', async () => {
    writeSettings(t.db, 'enrich', { ...readSettings(t.db, 'enrich'), useEmailFinder: true }, clock);
    const first = await run(t.db);
    expect(first.finderCalls).toBeGreaterThan(0);
    expect(first.creditsRefused).toBe(0);
    const asked = hunter.count('email-finder');
    const used = ledgerUsed(t.db, 'hunter.search');

    const again = await run(t.db);
    // The contacts left with guesses are taken up again; the finder was asked about each already.
    expect(again.contacts).toBeGreaterThan(0);
    expect(again).toMatchObject({ finderCalls: 0, creditsRefused: 0 });
    expect(hunter.count('email-finder')).toBe(asked);
    // creditsRefused is what the CLI and the run's summary call "the month's budget is used up".
    expect(ledgerUsed(t.db, 'hunter.search')).toBe(used);
  });

  it('counts a month on the seller’s calendar, as the ledger does: 23:30 on the 30th in Los Angeles is still November', async () => {
    const outreach = readSettings(t.db, 'outreach');
    writeSettings(t.db, 'outreach', { ...outreach, timeZone: 'America/Los_Angeles' }, clock);
    // 2026-12-01 07:30 UTC: December in UTC (this machine's zone in CI), November for the seller.
    const lateOnTheLastDay = fixedClock('2026-12-01T07:30:00.000Z');
    await runEnrichment(
      { db: t.db, clock: lateOnTheLastDay, apiKey: 'test-key', progress: () => undefined },
      {},
    );
    const months = t.db.prepare(`SELECT DISTINCT month FROM hunter_searches`).pluck().all() as string[];
    expect(months).toEqual(['2026-11']);
    const keys = t.db
      .prepare(`SELECT note FROM quota_ledger WHERE quota = 'hunter.search' AND outcome = 'used'`)
      .pluck()
      .all() as string[];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/:2026-11$/);
  });

  it('a contact left with guesses (no key) is enriched again once there is a key, paying each credit once', async () => {
    const noKey = await runEnrichment({ db: t.db, clock, apiKey: null, progress: () => undefined }, {});
    expect(noKey).toMatchObject({ contacts: 7, withEmail: 0, noHunterKey: true });
    expect(noKey.best.verified).toBe(0);
    const annGuesses = emails(t.db).filter((e) => e.contact === 'Ann Lee');
    expect(annGuesses.length).toBeGreaterThan(0);
    expect(annGuesses.every((e) => e.source === 'pattern' && e.status !== 'verified')).toBe(true);
    // Guesses are no email: the "has email" filter and the next run still see them as without one.
    const withoutEmail = (db: Db) => new RecordLists(db).contactIds({ hasEmail: false }).length;
    expect(withoutEmail(t.db)).toBe(7);

    const keyed = await run(t.db);
    expect(keyed.contacts).toBe(7);
    expect(keyed.withEmail).toBe(4); // Ann, Bob, Cara, Dan; Fay, Dee and Cy have guesses only
    expect(keyed.best).toEqual({ verified: 4, unknown: 1, risky: 2 });
    // Hunter's verified address for Ann, the same address her guess had: one row, now verified.
    const ann = emails(t.db).filter((e) => e.contact === 'Ann Lee');
    expect(ann.filter((e) => e.email === 'ann.lee@acme.com')).toMatchObject([
      { source: 'hunter', status: 'verified' },
    ]);
    expect(t.db.prepare(`SELECT email FROM contacts WHERE full_name = 'Ann Lee'`).pluck().get()).toBe(
      'ann.lee@acme.com',
    );
    expect(withoutEmail(t.db)).toBe(3);

    // A third run works on the three with guesses only and pays for nothing again: this month's
    // searches and verdicts are cached, and their addresses are not stored twice.
    const rows = emails(t.db).length;
    const searched = hunter.count('domain-search');
    const verifications = hunter.count('email-verifier');
    const again = await run(t.db);
    expect(again).toMatchObject({ contacts: 3, domainSearches: 0, verifierCalls: 0 });
    expect(hunter.count('domain-search')).toBe(searched);
    expect(hunter.count('email-verifier')).toBe(verifications);
    expect(emails(t.db).length).toBe(rows);
    expect(ledgerUsed(t.db, 'hunter.search')).toBe(hunter.charged('searches'));
    expect(ledgerUsed(t.db, 'hunter.verification')).toBe(hunter.charged('verifications'));
  });

  it('never goes past the month’s budget, even with two runs at once on two connections', async () => {
    setBudget(t.db, 2, 1);
    hunter.latencyMs = 60;
    t.db.close();
    const a = openDatabase(t.file);
    const b = openDatabase(t.file);
    try {
      const [ra, rb] = await Promise.all([run(a), run(b)]);
      expect(hunter.charged('searches')).toBe(2);
      expect(hunter.charged('verifications')).toBeLessThanOrEqual(1);
      expect(ledgerUsed(a, 'hunter.search')).toBe(2);
      expect(ra.creditsRefused + rb.creditsRefused).toBeGreaterThan(0);
      expect(ra.creditsLeft.search).toBe(0);
    } finally {
      a.close();
      b.close();
    }
  });

  it('never pays twice for a domain, even when two runs at once both have credit for it', async () => {
    setBudget(t.db, 50, 50);
    hunter.latencyMs = 200;
    t.db.close();
    const a = openDatabase(t.file);
    const b = openDatabase(t.file);
    try {
      const [ra, rb] = await Promise.all([run(a), run(b)]);
      const searched = hunter.requests
        .filter((r) => r.endpoint === 'domain-search')
        .map((r) => r.params.domain);
      expect(searched.sort()).toEqual([
        'acme.com',
        'brightroofing.com',
        'cornerelectric.com',
        'foxfencing.com',
      ]);
      expect(ledgerUsed(a, 'hunter.search')).toBe(4);
      // Each run either paid for a domain or read the other's answer.
      expect(ra.domainSearches + rb.domainSearches).toBe(4);
      expect(ra.cachedSearches + rb.cachedSearches).toBe(4);
      // Both stored the same addresses, once each (one per contact and address).
      expect(a.prepare('SELECT count(*) FROM contact_emails').pluck().get()).toBe(emails(a).length);
    } finally {
      a.close();
      b.close();
    }
  });

  it('a cancel keeps whole contacts only, and the next run ends where an uninterrupted one would', async () => {
    // Twenty more companies, so the run is long enough to stop in the middle.
    const many = Array.from({ length: 20 }, (_, i) => ({
      first: 'Pat',
      last: `Person${String.fromCharCode(97 + i)}`,
      title: 'Owner',
      company: `Firm ${i}`,
      website: `firm${i}.com`,
    }));
    for (let i = 0; i < 20; i++) {
      hunter.companies.set(`firm${i}.com`, { domain: `firm${i}.com`, pattern: '{first}', people: [] });
      dns.set(`firm${i}.com`, { mx: [{ priority: 10, exchange: `mx.firm${i}.com` }] });
    }
    await seedPeople(t.db, t.dir, many, { file: 'many.csv' });
    // Room for every domain: a search stopped mid-call stays booked (Hunter may have charged it),
    // so a tight budget would rightly end the two runs differently from one.
    setBudget(t.db, 100, 100);
    hunter.latencyMs = 40;
    const controller = new AbortController();
    const stopped = await run(t.db, {}, controller.signal, (done) => {
      if (done === 9) controller.abort();
    });
    expect(stopped.cancelled).toBe(true);
    const partial = emails(t.db);
    const withEmails = new Set(partial.map((e) => e.contact));
    const audited = new Set(
      t.db
        .prepare(
          `SELECT c.full_name FROM audit_log a JOIN contacts c ON c.id = a.entity_id WHERE a.action LIKE 'email.%'`,
        )
        .pluck()
        .all() as string[],
    );
    // Only whole contacts: each one stored has its history line, and nothing else was stored.
    expect(withEmails).toEqual(audited);
    expect(withEmails.size).toBeGreaterThanOrEqual(9);
    expect(withEmails.size).toBeLessThan(27);

    // The next run takes everyone not finished with a verified address (guesses are tried again).
    const verified = new Set(partial.filter((e) => e.status === 'verified').map((e) => e.contact));
    const resumed = await run(t.db);
    expect(resumed.contacts).toBe(27 - verified.size);
    // What the stopped run paid for and finished is not bought again.
    expect(resumed.cachedSearches).toBeGreaterThan(0);
    expect(ledgerUsed(t.db, 'hunter.search')).toBeGreaterThanOrEqual(hunter.charged('searches'));
    const final = emails(t.db).map((e) => [e.contact, e.email, e.status, e.confidence]);

    // The same market enriched in one go, on another file, ends the same.
    const other = freshDb();
    try {
      await seedPeople(other.db, other.dir, [...WORLD_PEOPLE, ...many]);
      writeSettings(
        other.db,
        'enrich',
        { hunterBaseUrl: `${hunter.url}/v2`, dnsServers: [dns.server] },
        clock,
      );
      setBudget(other.db, 100, 100);
      await run(other.db);
      expect(emails(other.db).map((e) => [e.contact, e.email, e.status, e.confidence])).toEqual(final);
    } finally {
      other.cleanup();
    }
  });

  it('when Hunter says the plan is used up (429), gives the credit back, stops asking, and still stores guesses', async () => {
    hunter.inject({ status: 429, endpoint: 'domain-search', times: 100 });
    const report = await run(t.db);
    expect(report.hunterStopped?.kind).toBe('quota');
    // Everyone has guesses, no one a verified address.
    expect(report.withEmail).toBe(0);
    expect(report.best.verified).toBe(0);
    expect(new Set(emails(t.db).map((e) => e.contact)).size).toBe(7);
    // Only the searches already on their way when the first 429 came were asked; none was charged.
    expect(hunter.count('domain-search', 429)).toBeGreaterThan(0);
    expect(hunter.count('domain-search', 200)).toBe(0);
    expect(ledgerUsed(t.db, 'hunter.search')).toBe(0);
    for (const e of emails(t.db)) expect(e.source).toBe('pattern');
    // A refused key is the same: stop, keep what was guessed.
    await expect(syncHunterCreditsNow(t.db, clock, 'not-the-key')).rejects.toThrow(/refused the API key/);
  });

  it('with no key, guesses from patterns and MX only and spends nothing', async () => {
    const report = await runEnrichment(
      { db: t.db, clock, apiKey: null, progress: () => undefined },
      { limit: 2 },
    );
    expect(report).toMatchObject({ noHunterKey: true, contacts: 2, domainSearches: 0 });
    expect(hunter.requests).toHaveLength(0);
    // The two highest scores were picked.
    const picked = new Set(emails(t.db).map((e) => e.contact));
    const top = t.db
      .prepare(
        `SELECT c.full_name FROM contacts c JOIN scores s ON s.contact_id = c.id ORDER BY s.score DESC, c.id LIMIT 2`,
      )
      .pluck()
      .all();
    expect([...picked].sort()).toEqual([...top].sort());
    for (const e of emails(t.db)) expect(e.status).not.toBe('verified');
  });

  it('takes Hunter’s own count before spending: credits used on hunter.io count against the month', async () => {
    // 26 searches in the month's budget; 25 of them were spent on hunter.io itself.
    setBudget(t.db, 26, 50);
    hunter.used.searches = 25;
    const report = await run(t.db);
    expect(hunter.count('account')).toBe(1);
    expect(report.domainSearches).toBe(1);
    expect(report.creditsLeft.search).toBe(0);
    expect(report.creditsRefused).toBeGreaterThan(0);
  });

  it('"Sync credits" takes Hunter’s own count into the ledger', async () => {
    setBudget(t.db, 25, 50);
    hunter.used.searches = 20;
    const sync = await syncHunterCreditsNow(t.db, clock, 'test-key');
    expect(sync.searches.used).toBe(20);
    expect(sync.creditsLeft.search).toBe(5);
    await expect(syncHunterCreditsNow(t.db, clock, null)).rejects.toThrow(/No Hunter API key/);
    await expect(syncHunterCreditsNow(t.db, clock, 'wrong-key-123')).rejects.toThrow(/refused the API key/);
  });
});
