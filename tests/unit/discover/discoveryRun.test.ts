import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CoreRuntime } from '../../../src/main/core/runtime';
import type { DiscoveryRun, LinkedInReadReport, SessionStatus } from '../../../src/shared/domain/linkedin';
import { addSuppressions } from '../../../src/main/core/suppression/suppressions';
import { freshDb } from '../../helpers/importing';
import { FakeTime } from '../safety/support/fakeTime';
import { startFixtureSite, type FixtureSite } from '../linkedin/support/fixtureSite';
import {
  addCompany,
  addContact,
  call,
  openTestCore,
  TUESDAY_10AM,
  useFixtureLinkedIn,
  waitForRun,
} from './support';

/**
 * Discovery runs end to end: a real SQLite file, the core as the app opens it, real Chromium
 * reading the fixture pages on 127.0.0.1 through the app's own session manager and quota ledger.
 */

let site: FixtureSite;
let t: ReturnType<typeof freshDb>;
let time: FakeTime;
let core: CoreRuntime | null;
let acme: number;
let raman: number;
let bright: number;

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => site?.close());

beforeEach(() => {
  site.reset();
  site.requests.length = 0;
  t = freshDb();
  time = new FakeTime(TUESDAY_10AM);
  useFixtureLinkedIn(t.db, site.url, time);
  acme = addCompany(t.db, 'Acme Roofing', 92);
  raman = addCompany(t.db, 'Raman Electric', 81);
  bright = addCompany(t.db, 'Bright Solar', 64);
  const covered = addCompany(t.db, 'Covered Builders', 99);
  // Already has its CEO: "top N without an ATL contact" passes it by.
  addContact(t.db, covered, { name: 'Gail Covered', title: 'CEO' });
  // Known from an import, found again by search: updated, not duplicated.
  // (no title yet, so Acme still has no ATL contact; the search fills it in).
  addContact(t.db, acme, { name: 'Tom Becker', linkedin: 'https://linkedin.com/in/Tom-Becker-8812/' });
  // A first-degree person the search shows: becomes an existing connection.
  addContact(t.db, raman, { name: 'Priya Raman', linkedin: 'https://www.linkedin.com/in/priya-raman' });
  t.db.close();
  core = null;
});

afterEach(async () => {
  await core?.close();
  t.cleanup();
});

const searchesFor = (company: string) =>
  site.requests.filter(
    (r) =>
      r.path === '/search/results/people/' &&
      new URLSearchParams(r.search).get('keywords') === `"${company}"`,
  ).length;

async function openReady(events?: { runs: DiscoveryRun[] }): Promise<CoreRuntime> {
  core = await openTestCore(t.file, t.dir, time, events);
  const status = await call<SessionStatus>(core, 'linkedin.open');
  expect(status.state).toBe('ready');
  expect(status.browser).toMatchObject({ found: true, foundBy: 'settings' });
  return core;
}

const contacts = (c: CoreRuntime) =>
  c.ctx.db
    .prepare(
      `SELECT co.name AS company, ct.full_name AS name, ct.discovery_source AS source, ct.connection_degree AS degree, ct.linkedin_key AS key
         FROM contacts ct LEFT JOIN companies co ON co.id = ct.company_id ORDER BY ct.id`,
    )
    .all() as { company: string; name: string; source: string; degree: number | null; key: string | null }[];

describe('a discovery run', () => {
  it('reads the top companies without an ATL contact and adds their ATL people, deduped, with their source', async () => {
    const c = await openReady();
    const started = await call<DiscoveryRun>(c, 'discovery.start', { kind: 'top', limit: 2 });
    expect(started.label).toBe('Top 2 by ICP score without an ATL contact');
    const run = await waitForRun(c, started.id, ['done']);
    expect(run).toMatchObject({
      status: 'done',
      total: 2,
      done: 2,
      failed: 0,
      found: 11,
      added: 5,
      updated: 2,
      // Acme's search shows a supplier who mentions it (Wade Pruitt, at Summit Roofing Supply);
      // Raman Electric's shows the same page, whose cards name Acme Roofing or Summit for four.
      skipped: 5,
    });
    // Covered Builders has its CEO; Bright Solar is third by score.
    expect(searchesFor('Covered Builders')).toBe(0);
    expect(searchesFor('Bright Solar')).toBe(0);
    expect(searchesFor('Acme Roofing')).toBe(2);
    expect(searchesFor('Raman Electric')).toBe(2);

    const rows = contacts(c);
    // Everyone once: the second company's identical results dedupe against the first's.
    const keys = rows.flatMap((r) => (r.key ? [r.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.filter((r) => r.company === 'Acme Roofing').map((r) => [r.name, r.source, r.degree])).toEqual(
      [
        ['Tom Becker', 'import', 3],
        ['Dana Whitfield', 'search', 2],
        ['Marcus Oyelaran', 'search', 2],
        ['José García-Núñez', 'search', 2],
        ['Renee Castillo', 'search', 2],
        ['Alicia Moreno', 'search', 2],
      ],
    );
    expect(rows.find((r) => r.name === 'Priya Raman')).toMatchObject({ source: 'connection', degree: 1 });
    // Someone whose card names another current company is not filed under the company searched.
    expect(rows.some((r) => r.name === 'Wade Pruitt')).toBe(false);
    const skippedAtAcme = c.ctx.db
      .prepare(
        `SELECT details ->> '$.people' FROM audit_log WHERE action = 'discovery.skipped' AND details ->> '$.company' = 'Acme Roofing'`,
      )
      .pluck()
      .get() as string;
    expect(JSON.parse(skippedAtAcme)).toEqual([
      {
        name: 'Wade Pruitt',
        profileUrl: 'https://www.linkedin.com/in/wade-pruitt-summit',
        company: 'Summit Roofing Supply',
      },
    ]);
    // Non-ATL people on the same pages (an estimator, an assistant) were not added.
    expect(rows.some((r) => r.name === 'Brett Kowalski' || r.name === 'Kelsey Tran')).toBe(false);
    // Every results page was booked in the quota ledger.
    const searches = c.ctx.db
      .prepare(`SELECT count(*) FROM quota_ledger WHERE quota = 'linkedin.search' AND outcome = 'used'`)
      .pluck()
      .get();
    expect(searches).toBe(4);
    // The run ended with new people: the score job scores them.
    await c.ctx.jobs.idle();
    const scoreJob = c.ctx.jobs.list().find((j) => j.kind === 'score');
    expect(scoreJob?.status).toBe('done');
    const unscored = c.ctx.db
      .prepare(
        `SELECT count(*) FROM contacts ct WHERE discovery_source = 'search' AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.contact_id = ct.id)`,
      )
      .pluck()
      .get();
    expect(unscored).toBe(0);
  });

  it('reads the seller’s connections page and marks the contacts who are existing connections', async () => {
    const c = await openReady();
    addContact(c.ctx.db, bright, {
      name: 'Avery Brooks',
      linkedin: 'https://www.linkedin.com/in/avery-brooks-solar',
    });
    addContact(c.ctx.db, bright, {
      name: 'Dana Whitfield',
      linkedin: 'https://www.linkedin.com/in/dana-whitfield',
    });
    const report = await call<LinkedInReadReport>(c, 'linkedin.readConnections');
    expect(report.read).toBe(9);
    const marked = c.ctx.db
      .prepare(
        `SELECT full_name FROM contacts WHERE discovery_source = 'connection' AND connection_degree = 1 ORDER BY id`,
      )
      .pluck()
      .all();
    // Priya and Avery are connections; Dana is not in the list; nobody new is added.
    expect(marked).toEqual(['Priya Raman', 'Avery Brooks']);
    expect(report.marked).toBe(2);
    expect(c.ctx.db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(5);
    expect(
      c.ctx.db.prepare(`SELECT connected_on FROM contacts WHERE full_name = 'Avery Brooks'`).pluck().get(),
    ).toBeTruthy();
  });

  it('collects nobody on the do-not-contact list, and passes by do-not-contact companies', async () => {
    const c = await openReady();
    addSuppressions(
      c.ctx.db,
      [
        { kind: 'linkedin', value: 'https://www.linkedin.com/in/dana-whitfield' },
        { kind: 'domain', value: 'ramanelectric.com' },
      ],
      time.clock,
    );
    c.ctx.db.prepare(`UPDATE companies SET domain = 'ramanelectric.com' WHERE id = ?`).run(raman);
    const started = await call<DiscoveryRun>(c, 'discovery.start', { kind: 'top', limit: 2 });
    expect(await waitForRun(c, started.id, ['done'])).toMatchObject({ total: 2, done: 2 });
    // Acme and Bright Solar were read; Raman Electric's domain is on the list.
    expect(searchesFor('Raman Electric')).toBe(0);
    expect(searchesFor('Bright Solar')).toBe(2);
    expect(contacts(c).some((r) => r.name === 'Dana Whitfield')).toBe(false);
    expect(contacts(c).some((r) => r.name === 'Marcus Oyelaran')).toBe(true);
    // Chosen by hand, a do-not-contact company is left out all the same, and the run says so.
    await expect(call(c, 'discovery.start', { kind: 'companies', companyIds: [raman] })).rejects.toThrow(
      /The chosen company is on the do-not-contact list/,
    );
    const chosen = await call<DiscoveryRun>(c, 'discovery.start', {
      kind: 'companies',
      companyIds: [raman, acme],
    });
    expect(chosen).toMatchObject({
      total: 1,
      label: '1 chosen company (1 on the do-not-contact list left out)',
    });
    await call(c, 'discovery.cancel', { id: chosen.id });
    expect(searchesFor('Raman Electric')).toBe(0);
  });

  it('pauses, and after a restart goes on from its progress without reading a company twice', async () => {
    let c = await openReady();
    const started = await call<DiscoveryRun>(c, 'discovery.start', {
      kind: 'companies',
      companyIds: [acme, raman, bright],
    });
    await expect.poll(() => c.ctx.linkedin.runner.run(started.id).done, { timeout: 30_000 }).toBe(1);
    const paused = await call<DiscoveryRun>(c, 'discovery.pause', { id: started.id });
    expect(paused).toMatchObject({ status: 'paused', message: 'Paused by you.', done: 1 });
    const acmeSearches = searchesFor('Acme Roofing');
    expect(acmeSearches).toBe(2);
    await c.close();

    // A new core on the same file: the run is still paused at one company of three.
    c = await openReady();
    expect(c.ctx.linkedin.runner.run(started.id)).toMatchObject({ status: 'paused', done: 1, total: 3 });
    await call<DiscoveryRun>(c, 'discovery.resume', { id: started.id });
    const run = await waitForRun(c, started.id, ['done']);
    expect(run).toMatchObject({ status: 'done', done: 3 });
    expect(searchesFor('Acme Roofing')).toBe(acmeSearches);
    expect(searchesFor('Bright Solar')).toBe(2);
  });

  it('left running when the app closed comes back paused, with a message, and resumes', async () => {
    let c = await openReady();
    const started = await call<DiscoveryRun>(c, 'discovery.start', {
      kind: 'companies',
      companyIds: [acme, raman],
    });
    await expect.poll(() => c.ctx.linkedin.runner.run(started.id).done, { timeout: 30_000 }).toBe(1);
    await c.close(); // no pause: as if the app quit mid-run
    c = await openReady();
    const after = c.ctx.linkedin.runner.run(started.id);
    expect(after.status).toBe('paused');
    expect(after.message).toMatch(/closed while this run was going/);
    await call(c, 'discovery.resume', { id: started.id });
    expect(await waitForRun(c, started.id, ['done'])).toMatchObject({ done: 2 });
    expect(searchesFor('Acme Roofing')).toBe(2);
  });

  it('pauses with the reason when the database is held by another writer, and resumes after', async () => {
    const events = { runs: [] as DiscoveryRun[] };
    const c = await openReady(events);
    // Another writer (a long import's transaction) holds the database for longer than the core waits.
    const other = new Database(t.file);
    const started = await call<DiscoveryRun>(c, 'discovery.start', { kind: 'companies', companyIds: [acme] });
    other.exec('BEGIN IMMEDIATE');
    // The run stops at its first write and says why (told by event; the row cannot be written yet).
    await expect.poll(() => events.runs.at(-1)?.status, { timeout: 20_000 }).toBe('paused');
    expect(events.runs.at(-1)!.message).toMatch(/database is busy with another job/);
    other.exec('ROLLBACK');
    other.close();
    expect(c.ctx.linkedin.runner.activeRunId).toBeNull();
    expect(c.ctx.linkedin.runner.run(started.id).done).toBe(0);
    await call(c, 'discovery.resume', { id: started.id });
    expect(await waitForRun(c, started.id, ['done'])).toMatchObject({ done: 1, failed: 0 });
  });

  it('can be cancelled, and a cancelled run cannot be resumed', async () => {
    const c = await openReady();
    const started = await call<DiscoveryRun>(c, 'discovery.start', {
      kind: 'companies',
      companyIds: [acme, raman],
    });
    const cancelled = await call<DiscoveryRun>(c, 'discovery.cancel', { id: started.id });
    expect(cancelled.status).toBe('cancelled');
    await expect(call(c, 'discovery.resume', { id: started.id })).rejects.toThrow(/cancelled/);
  });

  it('over the Companies list as filtered and sorted: its first N, and a clear refusal when it is empty', async () => {
    const c = await openReady();
    const sorted = await call<DiscoveryRun>(c, 'discovery.start', {
      kind: 'filter',
      filter: { search: 'roofing' },
      sort: 'icp',
      direction: 'desc',
      limit: 1,
    });
    expect(sorted.total).toBe(1);
    expect(
      c.ctx.db
        .prepare(`SELECT company_id FROM discovery_run_companies WHERE run_id = ?`)
        .pluck()
        .all(sorted.id),
    ).toEqual([acme]);
    await call(c, 'discovery.cancel', { id: sorted.id });
    await expect(
      call(c, 'discovery.start', { kind: 'filter', filter: { search: 'no such company' }, limit: 5 }),
    ).rejects.toThrow(/No company is in this list/);
    await expect(call(c, 'discovery.start', { kind: 'filter', filter: {}, limit: 0 })).rejects.toThrow();
  });

  it('refuses to start while the browser is not open', async () => {
    core = await openTestCore(t.file, t.dir, time);
    await expect(call(core, 'discovery.start', { kind: 'top', limit: 5 })).rejects.toThrow(
      /Open the LinkedIn browser first/,
    );
  });
});

describe('safety', () => {
  const STOPS = [
    { kind: 'checkpoint', wall: '/checkpoint/challenge/AgFZsecuritycheck', message: /security check/ },
    { kind: 'captcha', wall: '/checkpoint/challenge/AgHcaptcha', message: /captcha/ },
    { kind: 'logged_out', wall: '/authwall', message: /signed you out/ },
  ] as const;

  for (const stop of STOPS) {
    it(`a ${stop.kind} stops the run to wait for the seller, and nothing is tried again`, async () => {
      const c = await openReady();
      site.redirect('/search/results/people/', stop.wall);
      const started = await call<DiscoveryRun>(c, 'discovery.start', {
        kind: 'companies',
        companyIds: [acme, raman],
      });
      const run = await waitForRun(c, started.id, ['waiting']);
      expect(run).toMatchObject({ status: 'waiting', stopKind: stop.kind, done: 0 });
      expect(run.message).toMatch(stop.message);
      const status = await call<SessionStatus>(c, 'linkedin.status');
      expect(status).toMatchObject({ state: 'stopped', stop: { kind: stop.kind } });
      const requests = site.requests.length;
      // Resume is refused while the wall is up; nothing is loaded.
      await expect(call(c, 'discovery.resume', { id: started.id })).rejects.toThrow(stop.message);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(site.requests.length).toBe(requests);
      expect(searchesFor('Raman Electric')).toBe(0);
      // The seller deals with it in the window and presses Continue; then Resume goes on.
      site.reset();
      expect((await call<SessionStatus>(c, 'linkedin.continue')).state).toBe('ready');
      await call(c, 'discovery.resume', { id: started.id });
      expect(await waitForRun(c, started.id, ['done'])).toMatchObject({ done: 2 });
    });
  }

  it('a limit notice stops the run and is recorded in the quota ledger', async () => {
    const c = await openReady();
    site.serve('/search/results/people/', 'search-limit-notice.html');
    const started = await call<DiscoveryRun>(c, 'discovery.start', {
      kind: 'companies',
      companyIds: [acme, raman],
    });
    const run = await waitForRun(c, started.id, ['waiting']);
    expect(run).toMatchObject({ stopKind: 'limit_notice', done: 0 });
    expect(run.message).toMatch(/LinkedIn says/);
    expect(searchesFor('Raman Electric')).toBe(0);
    const notices = c.ctx.db
      .prepare(
        `SELECT count(*) FROM quota_ledger WHERE quota = 'linkedin.search' AND outcome = 'limit_notice'`,
      )
      .pluck()
      .get();
    expect(notices).toBe(1);
  });

  it('the daily search cap in the ledger pauses the run with the reason', async () => {
    const c = await openReady();
    const { writeSettings } = await import('../../../src/main/core/settings/settingsStore');
    writeSettings(
      c.ctx.db,
      'outreach',
      { timeZone: 'America/Chicago', limits: { search_day: 3 } },
      time.clock,
    );
    const started = await call<DiscoveryRun>(c, 'discovery.start', {
      kind: 'companies',
      companyIds: [acme, raman],
    });
    const run = await waitForRun(c, started.id, ['paused']);
    // Acme's two pages fit; Raman's second page would be the fourth search of the day.
    expect(run).toMatchObject({ status: 'paused', stopKind: 'daily_cap', done: 1 });
    expect(run.message).toMatch(/It can go on from/);
    expect(searchesFor('Raman Electric')).toBe(1);
    const used = c.ctx.db
      .prepare(`SELECT count(*) FROM quota_ledger WHERE quota = 'linkedin.search' AND outcome = 'used'`)
      .pluck()
      .get();
    expect(used).toBe(3);
  });

  it('outside working hours nothing is loaded and the run pauses until the seller resumes', async () => {
    time.set('2025-03-08T16:00:00Z'); // Saturday, 10:00 in Austin
    const c = await openReady();
    const started = await call<DiscoveryRun>(c, 'discovery.start', { kind: 'companies', companyIds: [acme] });
    const run = await waitForRun(c, started.id, ['paused']);
    expect(run).toMatchObject({ stopKind: 'outside_working_hours', done: 0 });
    expect(searchesFor('Acme Roofing')).toBe(0);
    time.set('2025-03-10T15:00:00Z'); // Monday 10:00 (CDT)
    await call(c, 'discovery.resume', { id: started.id });
    expect(await waitForRun(c, started.id, ['done'])).toMatchObject({ done: 1 });
  });
});
