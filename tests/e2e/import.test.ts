import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REAL_FIXTURES, ROOT } from '../helpers/paths';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

const CSLB = path.join(REAL_FIXTURES, 'cslb/cslb_masterlicensedata_sample_noheader.csv');
const CONNECTIONS = path.join(ROOT, 'tests/fixtures/import/Connections.csv');

const rows = (app: Harness, sql: string) => {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('the import wizard in Chromium', () => {
  let app: Harness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(closeBrowser);

  it('takes a file dropped on the window through mapping, check, import and undo', async () => {
    app = await startHarness({ startPage: 'settings' });
    const { page } = app;
    await app.dropFiles([CSLB]);
    // Dropped anywhere: the app goes to Import and reads the file.
    await page.getByTestId('page-import').waitFor();
    const mapping = page.getByTestId('mapping-step');
    await mapping.waitFor();
    expect(await page.getByTestId('profile-badge').textContent()).toContain('ca-cslb');
    expect(await page.getByTestId('file-facts').textContent()).toMatch(/no header row/);
    const license = page.locator('[data-testid="mapping-row"][data-column="LicenseNo"]');
    expect(await license.getByTestId('field-select').inputValue()).toBe('license_number');
    // The seller leaves the county out on purpose, and maps nothing else differently.
    const county = page.locator('[data-testid="mapping-row"][data-column="County"]');
    await county.getByTestId('field-select').selectOption('industry');
    await county.getByTestId('field-select').selectOption('');

    await page.getByTestId('check-file').click();
    await page.getByTestId('review-step').waitFor();
    expect(await page.getByTestId('preview-new').textContent()).toBe('123');
    expect(await page.getByTestId('preview-table').locator('tbody tr').count()).toBe(20);
    expect(rows(app, 'SELECT count(*) AS n FROM companies')).toEqual([{ n: 0 }]);

    await page.getByTestId('start-import').click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('report-new').textContent()).toBe('123');
    expect(rows(app, 'SELECT count(*) AS n FROM companies')).toEqual([{ n: 123 }]);
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(1);

    await page.getByTestId('undo-import').click();
    await page.getByTestId('confirm-undo').click();
    await page.getByTestId('undone-notice').waitFor();
    expect(rows(app, 'SELECT count(*) AS n FROM companies')).toEqual([{ n: 0 }]);
    expect(await page.getByTestId('history-row').getAttribute('data-status')).toBe('undone');
    expect(app.pageErrors).toEqual([]);
  });

  it('queues several files, shows problems by kind and lets the seller skip them', async () => {
    app = await startHarness();
    const { page } = app;
    await app.dropFiles([CONNECTIONS, CSLB], '[data-testid="drop-zone"]');
    await expect.poll(() => page.getByTestId('queued-file').count()).toBe(2);
    await page.getByTestId('mapping-step').waitFor();
    expect(await page.getByTestId('profile-badge').textContent()).toContain('linkedin-connections');
    await page.getByTestId('check-file').click();
    await page.getByTestId('review-step').waitFor();
    const missing = page.getByTestId('problem-missing_company_name');
    expect(await missing.getByTestId('problem-count').textContent()).toBe('1 rows');
    await missing.getByTestId('skip-kind').check();
    await page.getByTestId('start-import').click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('report-skipped').textContent()).toBe('1');
    const people = rows(app, 'SELECT full_name, discovery_source FROM contacts ORDER BY id');
    expect(people).toHaveLength(5);
    expect(people[0]).toEqual({ full_name: 'Ann Lee', discovery_source: 'connection' });
    // The history keeps the report: the problem by kind, and how long it took.
    const history = page.getByTestId('history-row').first();
    await history.waitFor();
    expect(await history.getByTestId('history-problems').locator('li').allTextContents()).toEqual([
      '1 · no company name (and no person)',
    ]);
    expect(await history.getByTestId('history-seconds').textContent()).toMatch(/\d/);
    // The second file waits its turn, already read.
    await expect.poll(() => page.getByTestId('queued-file').nth(1).getAttribute('data-step')).toBe('mapping');
  });

  it('a big file imports in the background with progress, and Cancel leaves the database as it was', async () => {
    app = await startHarness();
    const { page } = app;
    const big = path.join(app.dataDir, 'big-list.csv');
    const lines = ['Company,Phone,City,Website'];
    for (let i = 1; i <= 60_000; i++)
      lines.push(
        `Company ${i} Roofing,415${String(1_000_000 + i).slice(-7)},Fresno,https://company${i}.example.com`,
      );
    fs.writeFileSync(big, `${lines.join('\n')}\n`);
    await app.dropFiles([big], '[data-testid="drop-zone"]');
    await page.getByTestId('mapping-step').waitFor();
    await page.getByTestId('check-file').click();
    await page.getByTestId('review-step').waitFor({ timeout: 60_000 });
    await page.getByTestId('start-import').click();
    await page.getByTestId('importing-step').waitFor();
    // Rows go by while the window stays usable; then the seller changes their mind.
    await expect
      .poll(
        async () =>
          Number(
            ((await page.getByTestId('import-progress').textContent()) ?? '0')
              .replace(/\D.*$/s, '')
              .replace(/,/g, ''),
          ),
        {
          timeout: 30_000,
        },
      )
      .toBeGreaterThan(0);
    await page.getByTestId('cancel-import').click();
    // Back to the check, saying so: the seller can start again or change the mapping.
    const error = page.getByTestId('review-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/cancelled; nothing was changed/);
    await page.getByTestId('start-import').waitFor();
    expect(rows(app, 'SELECT count(*) AS n FROM companies')).toEqual([{ n: 0 }]);
    expect(rows(app, 'SELECT count(*) AS n FROM source_rows')).toEqual([{ n: 0 }]);
    expect(rows(app, `SELECT count(*) AS n FROM import_batches WHERE status = 'committed'`)).toEqual([
      { n: 0 },
    ]);
    expect(app.pageErrors).toEqual([]);
  }, 120_000);

  it('refuses a file that is not a spreadsheet with what to do instead', async () => {
    app = await startHarness();
    await app.dropFiles([path.join(REAL_FIXTURES, 'messytables/span_rich.xls')]);
    const error = app.page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/legacy Excel 97–2003.*save it as \.xlsx/);
  });
});
