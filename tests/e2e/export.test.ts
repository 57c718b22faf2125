import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/database';
import { addSuppressions } from '../../src/main/core/suppression/suppressions';
import { saveFilter } from '../../src/main/core/records/savedFilters';
import { fixedClock, seedPeople } from '../helpers/exportSeed';
import { readCsv } from '../unit/export/support';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

/** Three approved leads at two companies, one more not approved, one on the do-not-contact list. */
async function seedLeads(dbPath: string): Promise<void> {
  const db = openDatabase(dbPath);
  try {
    await seedPeople(
      db,
      path.dirname(dbPath),
      [
        {
          first: 'Ann',
          last: 'Lee',
          title: 'CEO',
          company: 'Acme Plumbing',
          email: 'ann@acmeplumbing.com',
          industry: 'Plumbing',
          employees: 120,
        },
        {
          first: 'Bob',
          last: 'Stone',
          title: 'VP Operations',
          company: 'Acme Plumbing',
          email: 'bob@acmeplumbing.com',
        },
        {
          first: 'Cara',
          last: 'Diaz',
          title: 'Owner',
          company: 'Bright Roofing',
          email: 'cara@brightroofing.com',
          mobile: '+1 214 555 0188',
        },
        {
          first: 'Dan',
          last: 'Wu',
          title: 'Office Manager',
          company: 'Bright Roofing',
          email: 'dan@brightroofing.com',
        },
        { first: 'Gus', last: 'Hale', title: 'Owner', company: 'Hale HVAC', email: 'gus@halehvac.com' },
      ],
      { approve: ['Ann Lee', 'Bob Stone', 'Cara Diaz', 'Gus Hale'], file: 'seed-people.csv' },
    );
    addSuppressions(db, [{ kind: 'domain', value: 'halehvac.com' }], fixedClock());
  } finally {
    db.close();
  }
}

const text = async (app: Harness, id: string) => (await app.page.getByTestId(id).textContent()) ?? '';
// The preview reads every lead in the scope; on a busy machine that takes a moment.
const soon = { timeout: 15_000 };

describe('the Export page in Chromium', () => {
  let app: Harness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(closeBrowser);

  it('previews, renames a column, saves where the seller chose, shows it in the folder, and reads back', async () => {
    app = await startHarness({ startPage: 'export', seed: seedLeads });
    const { page, host } = app;
    await expect.poll(() => text(app!, 'preview-total'), soon).toBe('3');
    expect(await text(app, 'preview-summary')).toMatch(/1 on the do-not-contact list/);

    await page.getByTestId('target-salesforce').click();
    await expect
      .poll(() => page.getByTestId('preview-table').locator('th').first().textContent(), soon)
      .toBe('FirstName');
    // The seller calls the title column "Job Title" for Salesforce; it is saved for next time.
    await page.getByTestId('columns-editor').locator('summary').click();
    await page.getByTestId('column-title-header').fill('Job Title');
    await page.getByTestId('column-description-enabled').uncheck();
    await page.getByTestId('save-columns').click();
    await expect
      .poll(() => page.getByTestId('preview-table').locator('th').nth(2).textContent(), soon)
      .toBe('Job Title');

    const file = path.join(app.dataDir, 'exports', 'leads for salesforce.csv');
    fs.mkdirSync(path.dirname(file));
    host.saveQueue.push(file);
    await page.getByTestId('choose-save-path').click();
    await expect.poll(() => text(app!, 'save-path'), soon).toBe(file);
    expect(host.saveAsked).toEqual([
      { title: 'Save the Salesforce export as', defaultName: 'salesforce-leads.csv' },
    ]);

    await page.getByTestId('start-export').click();
    await page.getByTestId('export-done').waitFor();
    expect(await text(app, 'export-rows')).toBe('3');
    const { headers, rows } = readCsv(file);
    expect(headers).toContain('Job Title');
    expect(headers).not.toContain('Description');
    expect(headers).not.toContain('Title');
    expect(rows.map((r) => [r.FirstName, r.LastName, r.Company, r['Job Title']])).toEqual([
      ['Ann', 'Lee', 'Acme Plumbing', 'CEO'],
      ['Bob', 'Stone', 'Acme Plumbing', 'VP Operations'],
      ['Cara', 'Diaz', 'Bright Roofing', 'Owner'],
    ]);
    expect(rows[2]!.Phone).toBe('+12145550188');
    const sha = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(await text(app, 'export-sha')).toBe(sha);

    await page.getByTestId('show-in-folder').click();
    await expect.poll(() => host.shown, soon).toEqual([file]);

    // The history: which people went to Salesforce, in which file.
    await expect.poll(() => page.getByTestId('export-history-row').count(), soon).toBe(1);
    expect(await page.getByTestId('export-history-row').textContent()).toContain(sha.slice(0, 12));
    await page.getByTestId('export-history-people').click();
    expect(await text(app, 'export-history-items')).toBe(
      'Ann Lee (Acme Plumbing), Bob Stone (Acme Plumbing), Cara Diaz (Bright Roofing)',
    );

    // Only what changed since: nothing yet.
    await page.getByTestId('since-last').check();
    await expect.poll(() => text(app!, 'preview-total'), soon).toBe('0');
    expect(await text(app, 'preview-summary')).toMatch(/3 unchanged since the last export/);
    expect(await page.getByTestId('start-export').isDisabled()).toBe(true);

    const db = new Database(app.dbPath, { readonly: true });
    expect(db.prepare('SELECT target, file_path, file_sha256, rows FROM exports').get()).toEqual({
      target: 'salesforce',
      file_path: file,
      file_sha256: sha,
      rows: 3,
    });
    db.close();
    expect(app.pageErrors).toEqual([]);
  });

  it('a saved filter of the Companies & contacts page as the scope: the file holds what the filter shows', async () => {
    app = await startHarness({
      startPage: 'export',
      seed: async (dbPath) => {
        await seedLeads(dbPath);
        const db = openDatabase(dbPath);
        try {
          saveFilter(db, 'Acme people', 'contact', { search: 'acme' }, fixedClock());
        } finally {
          db.close();
        }
      },
    });
    const { page, host } = app;
    await page.getByTestId('target-hubspot').click();
    await page.getByTestId('export-scope').selectOption('filter');
    await expect
      .poll(() => page.getByTestId('export-filter').locator('option').allTextContents(), soon)
      .toContain('Acme people');
    await page.getByTestId('export-filter').selectOption({ label: 'Acme people' });
    // Approved or not, the filter's people: Ann and Bob at Acme (Gus is on the do-not-contact list).
    await expect.poll(() => text(app!, 'preview-total'), soon).toBe('2');
    const file = path.join(app.dataDir, 'acme.csv');
    host.saveQueue.push(file);
    await page.getByTestId('choose-save-path').click();
    await expect.poll(() => text(app!, 'save-path'), soon).toBe(file);
    await page.getByTestId('start-export').click();
    await page.getByTestId('export-done').waitFor();
    expect(readCsv(file).rows.map((r) => [r['First Name'], r['Company Name']])).toEqual([
      ['Ann', 'Acme Plumbing'],
      ['Bob', 'Acme Plumbing'],
    ]);
    await expect.poll(() => page.getByTestId('export-history-row').count(), soon).toBe(1);
    expect(await page.getByTestId('export-history-row').textContent()).toContain('Acme people');
    expect(app.pageErrors).toEqual([]);
  });

  it('a tier of everyone to Close, one lead per company, with a byte-order mark', async () => {
    app = await startHarness({ startPage: 'export', seed: seedLeads });
    const { page, host } = app;
    await page.getByTestId('export-scope').selectOption('tier');
    await page.getByTestId('export-tier').selectOption('WARM');
    await page.getByTestId('bom').check();
    await expect
      .poll(() => page.getByTestId('preview-table').locator('tbody tr').count(), soon)
      .toBeGreaterThan(0);
    const total = Number(await text(app, 'preview-total'));
    const file = path.join(app.dataDir, 'close.csv');
    host.saveQueue.push(file);
    await page.getByTestId('choose-save-path').click();
    await expect.poll(() => text(app!, 'save-path'), soon).toBe(file);
    await page.getByTestId('start-export').click();
    await page.getByTestId('export-done').waitFor();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const { headers, rows } = readCsv(file);
    expect(headers.slice(0, 4)).toEqual(['company', 'url', 'status', 'contact']);
    expect(rows).toHaveLength(total);
    for (const row of rows) expect(row.lead_tier).toBe('WARM');
    expect(rows.map((r) => r.contact)).not.toContain('Gus Hale');
    expect(app.pageErrors).toEqual([]);
  });
});
