import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/database';
import { createBackup } from '../../src/main/core/backups/backupStore';
import { systemClock } from '../../src/main/core/clock';
import { calls } from '../../src/shared/contract';
import { fillPipeline } from '../helpers/pipeline';
import { handClock } from '../helpers/tables';
import { writeSettings } from '../../src/main/core/settings/settingsStore';
import { recordAudit } from '../../src/main/core/audit/audit';
import { damagePage } from '../helpers/damage';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

const scalar = (app: Harness, sql: string) => {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

async function seedPipeline(dbPath: string): Promise<void> {
  const db = openDatabase(dbPath);
  try {
    await fillPipeline(db);
  } finally {
    db.close();
  }
}

/** A seller in Tokyo (whatever zone this computer is in), with entries either side of their midnights. */
async function seedTokyoAudit(dbPath: string): Promise<void> {
  const db = openDatabase(dbPath);
  try {
    writeSettings(db, 'outreach', { timeZone: 'Asia/Tokyo' }, handClock('2025-07-01T00:00:00Z'));
    for (const [action, at] of [
      ['leads.approved', '2025-06-01T14:59:00Z'], // 1 June 23:59 in Tokyo
      ['outreach.sent', '2025-06-01T15:30:00Z'], // 2 June 00:30 in Tokyo
      ['export.written', '2025-06-02T14:59:00Z'], // 2 June 23:59 in Tokyo
      ['person.erased', '2025-06-02T15:00:00Z'], // 3 June 00:00 in Tokyo
    ] as const)
      recordAudit(db, { action }, handClock(at));
  } finally {
    db.close();
  }
}

describe('data rights, the audit log and backups in Chromium', () => {
  let app: Harness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(closeBrowser);

  it('records a lawful basis, exports a person and erases them from the contact drawer', async () => {
    app = await startHarness({ startPage: 'records', seed: seedPipeline });
    const { page } = app;
    await page.getByTestId('records-search').fill('okafor');
    await expect.poll(() => page.getByTestId('vrow').count()).toBe(1);
    const id = scalar(app, `SELECT id FROM contacts WHERE last_name = 'Okafor'`) as number;
    await page.getByTestId('vrow').first().click();
    const rights = page.getByTestId('data-rights');
    await rights.waitFor();
    expect(await page.getByTestId('lawful-basis').inputValue()).toBe('B2B legitimate interest');

    await page.getByTestId('lawful-basis').fill('Consent');
    await page.getByTestId('lawful-basis-save').click();
    await expect
      .poll(() => scalar(app!, `SELECT lawful_basis FROM contacts WHERE id = ${id}`))
      .toBe('Consent');

    await page.getByTestId('export-person').click();
    const written = (await page.getByTestId('person-exported').locator('code').textContent())!;
    expect(path.dirname(written)).toBe(path.join(app.dataDir, 'person-exports'));
    expect(JSON.parse(fs.readFileSync(written, 'utf8'))).toMatchObject({
      contactId: id,
      lawfulBasis: 'Consent',
    });

    await page.getByTestId('erase-person').click();
    await page.getByTestId('erase-confirm').waitFor();
    await page.getByTestId('erase-yes').click();
    await page.getByTestId('detail-drawer').waitFor({ state: 'detached' });
    expect(scalar(app, `SELECT count(*) FROM contacts WHERE id = ${id}`)).toBe(0);
    expect(scalar(app, `SELECT count(*) FROM suppressions WHERE value = 'bj@okafor-electric.com'`)).toBe(1);
    await expect.poll(() => page.getByTestId('vrow').count()).toBe(0);

    // The audit log shows the erasure with the id and counts, filtered to erasures.
    await app.goto('audit');
    await page.getByTestId('audit-kind-erasures').click();
    const rows = page.getByTestId('audit-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-action')).toBe('person.erased');
    const text = (await rows.first().textContent())!;
    expect(text).toContain(`contact ${id}`);
    expect(text).not.toMatch(/okafor/i);
    // Another kind: the imports.
    await page.getByTestId('audit-kind-erasures').click();
    await page.getByTestId('audit-kind-imports').click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('audit-range').textContent()).toBe('1–2 of 2');
    expect(app.pageErrors).toEqual([]);
  });

  it("filters the audit log by the seller's days (Tokyo), with no offset from the browser", async () => {
    app = await startHarness({ startPage: 'audit', seed: seedTokyoAudit });
    const { page } = app;
    await page.getByTestId('audit-from').fill('2025-06-02');
    await page.getByTestId('audit-to').fill('2025-06-02');
    const rows = page.getByTestId('audit-row');
    await expect
      .poll(async () => rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-action'))))
      .toEqual(['export.written', 'outreach.sent']);
    expect(await page.getByTestId('audit-zone').textContent()).toBe('Days and times in Asia/Tokyo');
    // Times are shown on the same clock the days were counted on: 00:30 on 2 June, not 15:30 on the 1st.
    const sent = (await rows.nth(1).locator('td').first().textContent())!;
    const shown = (timeZone: string) =>
      page.evaluate(
        (zone) => new Date('2025-06-01T15:30:00Z').toLocaleString(undefined, { timeZone: zone }),
        timeZone,
      );
    expect(sent).toBe(await shown('Asia/Tokyo'));
    expect(sent).not.toBe(await shown('UTC'));
    expect(sent).toMatch(/12:30|00:30/);
    expect(app.pageErrors).toEqual([]);
  });

  it('backs up now and restores a backup from Settings after asking', async () => {
    app = await startHarness({ startPage: 'settings', seed: seedPipeline });
    const { page } = app;
    const section = page.getByTestId('backups-section');
    await section.waitFor();
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backups-message').filter({ hasText: 'Backed up' }).waitFor();
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(1);

    // Work after the backup: a title changed by hand.
    const patel = scalar(app, `SELECT id FROM contacts WHERE last_name = 'Patel'`) as number;
    const result = await app.core.call(
      'records.updateContact',
      calls['records.updateContact'].input.parse({ id: patel, changes: { title: 'Intern' } }),
    );
    expect(result.ok).toBe(true);

    await page.getByTestId('restore').click();
    await page.getByTestId('restore-confirm').waitFor();
    await page.getByTestId('restore-yes').click();
    await page.getByTestId('backups-message').filter({ hasText: 'Restored' }).waitFor();
    expect(scalar(app, `SELECT title FROM contacts WHERE id = ${patel}`)).toBe('Head of Growth');
    // The database as it was before the restore is itself a backup now.
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(2);

    await page.getByTestId('db-check').click();
    await page.getByTestId('backups-message').filter({ hasText: 'sound' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('a damaged database: the window says so and restores a backup, then opens the app', async () => {
    app = await startHarness({
      startTestId: 'recovery',
      seed: async (dbPath) => {
        const db = openDatabase(dbPath);
        await fillPipeline(db);
        await createBackup(db, 'daily', systemClock);
        db.close();
        damagePage(dbPath);
      },
    });
    const { page } = app;
    expect(await page.getByTestId('recovery-message').textContent()).toMatch(/is damaged.*Restore a backup/);
    await page.getByTestId('restore').click();
    await page.getByTestId('restore-yes').click();
    // The window reloads onto the restored database: with contacts, it opens where it was asked to.
    await page.getByTestId('page-import').waitFor();
    await app.goto('records');
    await expect.poll(() => page.getByTestId('vrow').count()).toBeGreaterThan(5);
    expect(fs.readdirSync(app.dataDir).some((f) => f.startsWith('prospect-desk.db.damaged-'))).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
