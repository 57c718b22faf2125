import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PAGES } from '../../src/renderer/src/pages/routes';
import { keychainRead } from '../helpers/keychain';
import { COUNT_JOB } from '../helpers/paths';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

describe('the app shell in Chromium', () => {
  let app: Harness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(closeBrowser);

  it('visits every page through the navigation, each with its own content, under the strict CSP', async () => {
    app = await startHarness();
    const { page } = app;
    for (const { id, label } of PAGES) {
      await page.getByTestId(`nav-${id}`).click();
      await page.getByTestId(`page-${id}`).waitFor();
      expect(await page.locator('h1').textContent()).toBe(label);
      expect(page.url()).toMatch(new RegExp(`#/${id}$`));
      await expect.poll(() => page.getByTestId(`nav-${id}`).getAttribute('aria-current')).toBe('page');
    }
    // Pages not built yet say what they will hold and how to get there.
    await page.getByTestId('nav-review').click();
    await expect.poll(() => page.getByTestId('review-empty').textContent()).toMatch(/same company or person/);
    await page.getByRole('button', { name: 'Go to Import' }).click();
    await page.getByTestId('page-import').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('saves, shows, replaces and deletes an API key, which never reaches the page or a file', async () => {
    app = await startHarness({ startPage: 'settings' });
    const { page } = app;
    const hunter = page.getByTestId('secret-hunter');
    await hunter.getByTestId('secret-input').fill('hk_test_E2E_SENTINEL_00001a2b');
    await hunter.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => hunter.getByTestId('secret-hint').textContent()).toBe('saved · ends in 1a2b');
    expect(keychainRead(app.keychainService, 'hunter')).toBe('hk_test_E2E_SENTINEL_00001a2b');
    // Nothing in the page holds the key after it was saved.
    expect(await page.content()).not.toContain('SENTINEL');
    expect(await page.evaluate(async () => JSON.stringify(await window.api.secrets.status()))).not.toContain(
      'SENTINEL',
    );

    await hunter.getByRole('button', { name: 'Replace' }).click();
    await hunter.getByTestId('secret-input').fill('hk_test_E2E_SENTINEL_0000ffff');
    await hunter.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => hunter.getByTestId('secret-hint').textContent()).toBe('saved · ends in ffff');

    await hunter.getByTestId('secret-delete').click();
    await expect.poll(() => hunter.textContent()).toMatch(/not saved/);
    expect(keychainRead(app.keychainService, 'hunter')).toBeNull();

    // A key that is plainly not a key is refused in the page, with the reason.
    await hunter.getByTestId('secret-input').fill('short');
    await hunter.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => hunter.getByTestId('secret-error').textContent()).toMatch(/too short/);

    const files = (fs.readdirSync(app.dataDir, { recursive: true }) as string[]).map((f) =>
      path.join(app!.dataDir, f),
    );
    for (const file of files.filter((f) => fs.statSync(f).isFile())) {
      expect(fs.readFileSync(file).includes('SENTINEL'), file).toBe(false);
    }
  });

  it('shows a running job with progress, rate and time left, and cancels it leaving nothing behind', async () => {
    app = await startHarness({ extraJobModules: [COUNT_JOB] });
    const { page, core } = app;
    const started = await core.startJob('test.count', { total: 5000, delayMs: 4 });
    expect(started.ok).toBe(true);
    const job = page.getByTestId('job');
    await expect.poll(() => job.getAttribute('data-status')).toBe('running');
    await expect
      .poll(() => job.getByTestId('job-count').textContent(), { timeout: 10_000 })
      .toMatch(/^[1-9][\d,]* of 5,000 rows$/);
    await expect.poll(() => job.getByTestId('job-rate').textContent()).toMatch(/^\d[\d,]* rows\/s$/);
    await expect.poll(() => job.getByTestId('job-eta').textContent()).toMatch(/left$/);
    const progressBar = job.getByRole('progressbar');
    expect(Number(await progressBar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(await progressBar.getAttribute('aria-valuemax')).toBe('5000');

    await job.getByTestId('job-cancel').click();
    await expect.poll(() => job.getAttribute('data-status')).toBe('cancelled');
    expect(await job.getByTestId('job-status').textContent()).toMatch(/nothing was kept/);
    const db = new Database(app.dbPath, { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'test.count'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT status FROM jobs').pluck().all()).toEqual(['cancelled']);
    db.close();
    expect(app.pageErrors).toEqual([]);
  });

  it('answers bad input from the page with an error code, never an exception', async () => {
    app = await startHarness();
    const result = await app.page.evaluate(() => window.api.jobs.cancel({ id: -1 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const prefs = await app.page.evaluate(() => window.api.prefs.set({ theme: 'neon' as never }));
    expect(prefs).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('resets a corrupt preferences file with a notice on Settings instead of crashing', async () => {
    app = await startHarness({ prefsFile: '{ "theme": "dark", oops', startPage: 'settings' });
    const notice = app.page.getByTestId('prefs-notice');
    await expect.poll(() => notice.textContent()).toMatch(/could not be read.*defaults were restored/);
    await notice.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await app.page.getByTestId('pref-theme').selectOption('dark');
    await expect.poll(() => app!.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const saved = JSON.parse(fs.readFileSync(path.join(app.dataDir, 'preferences.json'), 'utf8')) as {
      theme: string;
    };
    expect(saved.theme).toBe('dark');
  });
});
