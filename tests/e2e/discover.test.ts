import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite, type FixtureSite } from '../unit/linkedin/support/fixtureSite';
import { seedDiscovery, TEST_LINKEDIN } from '../helpers/discoverySeed';
import { chromiumPath } from './harness/browser';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

describe('the Discover page in Chromium', () => {
  let site: FixtureSite;
  let app: Harness | null = null;
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(async () => {
    await closeBrowser();
    await site.close();
  });

  it('takes the browser only from the dialog: chosen, saved, used; then found automatically again', async () => {
    app = await startHarness({ startPage: 'settings', linkedin: TEST_LINKEDIN });
    const { page } = app;
    const section = page.getByTestId('linkedin-settings');
    await section.waitFor();
    expect(await section.getByTestId('setting-browser-path').textContent()).toBe('found automatically');
    app.host.browserQueue.push(chromiumPath());
    await section.getByTestId('choose-browser').click();
    await expect.poll(() => section.getByTestId('setting-browser-path').textContent()).toBe(chromiumPath());
    await section.getByRole('button', { name: 'Save LinkedIn settings' }).click();
    await expect
      .poll(() => section.getByTestId('browser-found').textContent())
      .toBe(`Uses Chromium at ${chromiumPath()} (found in the path set here).`);
    const stored = () => {
      const db = new Database(app!.dbPath, { readonly: true });
      try {
        return JSON.parse(
          db.prepare(`SELECT value FROM settings WHERE key = 'linkedin'`).pluck().get() as string,
        ).browserPath as string;
      } finally {
        db.close();
      }
    };
    expect(stored()).toBe(chromiumPath());
    // A page that names a program itself is refused at the boundary, whatever the UI shows.
    const refused = await page.evaluate(() =>
      window.api.settings.update({ section: 'linkedin', value: { browserPath: '/bin/sh' } }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(stored()).toBe(chromiumPath());
    await section.getByTestId('find-browser').click();
    await section.getByRole('button', { name: 'Save LinkedIn settings' }).click();
    await expect.poll(() => stored()).toBe('');
    expect(app.pageErrors).toEqual([]);
  });

  it('opens the browser, runs discovery to the end, then waits at a captcha until the seller continues', async () => {
    app = await startHarness({
      startPage: 'discover',
      seed: (db) => seedDiscovery(db, site.url),
      linkedin: TEST_LINKEDIN,
    });
    const { page } = app;
    const state = page.getByTestId('linkedin-state');
    await expect.poll(() => state.textContent()).toBe('Not running');
    expect(await page.getByTestId('browser-found').textContent()).toContain(chromiumPath());
    expect(await page.getByTestId('discovery-run').isDisabled()).toBe(true);

    await page.getByTestId('linkedin-open').click();
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toBe('Ready');

    await page.getByTestId('discovery-limit').fill('2');
    await page.getByTestId('discovery-run').click();
    const first = page.getByTestId('discovery-runs').locator('li').first();
    await expect.poll(() => first.getByTestId('run-status').textContent(), { timeout: 30_000 }).toBe('Done');
    expect(await first.getByTestId('run-progress').textContent()).toMatch(
      // The fixture search shows the same page for every company: on it, Raman Electric's search
      // finds two people at Acme Roofing and a supplier, and Acme's finds that supplier too.
      /^2 of 2 companies · 8 ATL people found · 5 new contacts · \d+ updated · 4 left out \(they work elsewhere now\)$/,
    );
    const db = new Database(app.dbPath, { readonly: true });
    try {
      expect(
        db
          .prepare(`SELECT count(*) FROM contacts WHERE discovery_source IN ('search','connection')`)
          .pluck()
          .get(),
      ).toBe(5);
    } finally {
      db.close();
    }

    // Raman Electric's search found only people already added at Acme (deduped), so it still has no
    // ATL contact; with Bright Solar it is the next run. LinkedIn shows a captcha on the search.
    site.redirect('/search/results/people/', '/checkpoint/challenge/AgHcaptcha');
    await page.getByTestId('discovery-limit').fill('5');
    await page.getByTestId('discovery-run').click();
    const second = page.getByTestId('discovery-runs').locator('li').first();
    await expect
      .poll(() => second.getByTestId('run-status').textContent(), { timeout: 30_000 })
      .toBe('Waiting for you');
    expect(await second.getByTestId('run-message').textContent()).toMatch(/captcha/);
    // The status area says so on every page, with the way back to Discover.
    await app.goto('records');
    const waiting = page.locator('[data-testid="discovery-status"][data-status="waiting"]');
    expect(await waiting.textContent()).toMatch(/Waiting for you.*0 of 2 companies.*captcha/);
    await waiting.getByRole('button', { name: 'Open Discover' }).click();
    await page.getByTestId('page-discover').waitFor();
    await expect.poll(() => state.textContent()).toBe('Stopped');
    expect(await page.getByTestId('linkedin-message').textContent()).toMatch(/Solve it yourself/);

    site.reset();
    await page.getByTestId('linkedin-continue').click();
    await expect.poll(() => state.textContent()).toBe('Ready');
    await second.getByTestId('run-resume').click();
    await expect.poll(() => second.getByTestId('run-status').textContent(), { timeout: 30_000 }).toBe('Done');
    expect(await second.getByTestId('run-progress').textContent()).toMatch(/^2 of 2 companies/);
    // Done: nothing of it is left in the status area.
    await expect.poll(() => page.getByTestId('discovery-status').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('starts a run for one company chosen in the Companies list', async () => {
    app = await startHarness({
      startPage: 'discover',
      seed: (db) => seedDiscovery(db, site.url),
      linkedin: TEST_LINKEDIN,
    });
    const { page } = app;
    await page.getByTestId('linkedin-open').click();
    await page.getByTestId('linkedin-state').filter({ hasText: 'Ready' }).waitFor({ timeout: 20_000 });
    await app.goto('records');
    await page.getByTestId('tab-companies').click();
    await page.getByTestId('companies-search').fill('Acme Roofing');
    const row = page.locator('[data-testid="vrow"]', { hasText: 'Acme Roofing' });
    await expect.poll(() => page.locator('[data-testid="vrow"]').count()).toBe(1);
    await row.click();
    await page.getByTestId('find-people').click();
    await page.getByTestId('page-discover').waitFor();
    const run = page.getByTestId('discovery-runs').locator('li').first();
    await expect.poll(() => run.getByTestId('run-status').textContent(), { timeout: 30_000 }).toBe('Done');
    expect(await run.locator('strong').textContent()).toBe('1 chosen company');
    expect(await run.getByTestId('run-progress').textContent()).toMatch(
      /^1 of 1 companies · 5 ATL people found · 5 new contacts · 0 updated · 1 left out/,
    );

    // One of them, read in full from their profile in the contact's panel.
    await app.goto('records');
    await page.getByTestId('tab-contacts').click();
    await page.getByTestId('records-search').fill('Dana Whitfield');
    await expect.poll(() => page.locator('[data-testid="vrow"]').count()).toBe(1);
    await page.locator('[data-testid="vrow"]').first().click();
    await page.getByTestId('read-profile').click();
    await expect
      .poll(() => page.getByTestId('read-profile-report').textContent(), { timeout: 20_000 })
      .toMatch(/Now Chief Executive Officer at Acme Roofing · 2nd degree · 14 mutual connections/);
    expect(app.pageErrors).toEqual([]);
  });

  it('starts a run for the first companies of the list as filtered and sorted', async () => {
    app = await startHarness({
      startPage: 'discover',
      seed: (db) => seedDiscovery(db, site.url),
      linkedin: TEST_LINKEDIN,
    });
    const { page } = app;
    await page.getByTestId('linkedin-open').click();
    await page.getByTestId('linkedin-state').filter({ hasText: 'Ready' }).waitFor({ timeout: 20_000 });
    await app.goto('records');
    await page.getByTestId('tab-companies').click();
    await page.getByLabel('People').selectOption('no');
    await expect.poll(() => page.getByTestId('companies-total').textContent()).toBe('3 companies');
    await page.getByTestId('find-people-limit').fill('2');
    expect(await page.getByTestId('find-people-list').textContent()).toContain('these 2 companies');
    await page.getByTestId('find-people-list').click();
    await page.getByTestId('page-discover').waitFor();
    const run = page.getByTestId('discovery-runs').locator('li').first();
    await expect.poll(() => run.getByTestId('run-status').textContent(), { timeout: 30_000 }).toBe('Done');
    expect(await run.getByTestId('run-progress').textContent()).toMatch(/^2 of 2 companies/);
    // The first two by name, as the list showed them: Acme Roofing and Bright Solar, not Raman Electric.
    const db = new Database(app.dbPath, { readonly: true });
    try {
      expect(
        db
          .prepare(
            `SELECT co.name FROM discovery_run_companies r JOIN companies co ON co.id = r.company_id ORDER BY r.position`,
          )
          .pluck()
          .all(),
      ).toEqual(['Acme Roofing', 'Bright Solar']);
    } finally {
      db.close();
    }
    expect(app.pageErrors).toEqual([]);
  });
});
