import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CoreRuntime } from '../../../src/main/core/runtime';
import type { DiscoveryRun, SessionStatus } from '../../../src/shared/domain/linkedin';
import { writeSettings } from '../../../src/main/core/settings/settingsStore';
import { freshDb } from '../../helpers/importing';
import { FakeTime } from '../safety/support/fakeTime';
import { startFixtureSite, type FixtureSite } from '../linkedin/support/fixtureSite';
import { addCompany, call, openTestCore, TUESDAY_10AM, useFixtureLinkedIn, waitForRun } from './support';

/** The core's one LinkedIn browser: open, sign-in by hand, close, a missing browser, a closed window. */

let site: FixtureSite;
let t: ReturnType<typeof freshDb>;
let time: FakeTime;
let core: CoreRuntime | null;
let statuses: SessionStatus[];

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
  addCompany(t.db, 'Acme Roofing', 90);
  addCompany(t.db, 'Raman Electric', 80);
  t.db.close();
  core = null;
  statuses = [];
});

afterEach(async () => {
  await core?.close();
  t.cleanup();
});

async function open(): Promise<CoreRuntime> {
  core = await openTestCore(t.file, t.dir, time, { runs: [] }, (s) => statuses.push(s));
  return core;
}

describe('the LinkedIn session manager', () => {
  it('is not running until asked, and says which browser it would open', async () => {
    const c = await open();
    const status = await call<SessionStatus>(c, 'linkedin.status');
    expect(status).toMatchObject({ state: 'not_running', stop: null, assistedSend: false });
    expect(status.browser).toMatchObject({ found: true, foundBy: 'settings', kind: 'chromium' });
    expect(site.requests).toEqual([]);
  });

  it('waits while the seller signs in by hand, then is ready; the password is never read', async () => {
    site.redirect('/feed/', '/login');
    const c = await open();
    const opened = await call<SessionStatus>(c, 'linkedin.open');
    expect(opened.state).toBe('waiting_for_sign_in');
    expect(opened.message).toMatch(/never sees or keeps your password/);
    const page = c.ctx.linkedin.sessions.open!.context.pages()[0]!;
    await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(`${site.url}/login`);
    site.reset();
    await page.fill('#username', 'riley@example.com');
    await page.fill('#password', 'correct horse battery staple');
    await page.click('button[aria-label="Sign in"]');
    await expect.poll(() => c.ctx.linkedin.sessions.status().state, { timeout: 15_000 }).toBe('ready');
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'waiting_for_sign_in', 'ready']);
    // Nothing the seller typed reached the app: no request carried it, no row holds it.
    expect(JSON.stringify(site.requests)).not.toContain('correct horse');
    const stored = c.ctx.db
      .prepare(`SELECT count(*) FROM audit_log WHERE details LIKE '%correct horse%'`)
      .pluck()
      .get();
    expect(stored).toBe(0);
  });

  it('closes on request, and then refuses LinkedIn work with a clear message', async () => {
    const c = await open();
    expect((await call<SessionStatus>(c, 'linkedin.open')).state).toBe('ready');
    expect((await call<SessionStatus>(c, 'linkedin.close')).state).toBe('not_running');
    await expect(call(c, 'linkedin.readConnections')).rejects.toThrow(/Open the LinkedIn browser first/);
  });

  it('a browser path in Settings that is gone is reported, and nothing opens', async () => {
    const c = await open();
    writeSettings(
      c.ctx.db,
      'linkedin',
      { baseUrl: site.url, browserPath: '/opt/nowhere/chrome' },
      time.clock,
    );
    const status = await call<SessionStatus>(c, 'linkedin.status');
    expect(status.browser).toEqual({
      found: false,
      message:
        'The browser chosen in Settings is not there any more: /opt/nowhere/chrome. Choose it again or clear the setting.',
    });
    await expect(call(c, 'linkedin.open')).rejects.toThrow(/not there any more/);
    expect(c.ctx.linkedin.sessions.status().state).toBe('not_running');
  });

  it('the seller closing the window stops the session and pauses a running run with the reason', async () => {
    const c = await open();
    await call(c, 'linkedin.open');
    const started = await call<DiscoveryRun>(c, 'discovery.start', { kind: 'top', limit: 2 });
    await expect.poll(() => site.requests.some((r) => r.path === '/search/results/people/')).toBe(true);
    await c.ctx.linkedin.sessions.open!.context.close();
    const run = await waitForRun(c, started.id, ['paused', 'done']);
    expect(c.ctx.linkedin.sessions.status().state).toBe('not_running');
    expect(run).toMatchObject({ status: 'paused', failed: 0 });
    expect(run.message).toMatch(/window was closed/);
    expect(run.done).toBeLessThan(2);
  });
});
