import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seedCsv } from '../helpers/seed';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

const LIST = [
  'Company,Address,City,Zip,Phone',
  'Acme Solar,12 Main St,Austin,78701,(512) 555-0100',
  'Acme Solar Power,,,78701,',
  'Acme Solar Systems,,,78701,',
  'Acme Solar Energy,12 Main Street,Austin,78701,512.555.0100',
  'Bright Roofing,4 Elm St,Austin,78702,(512) 555-0101',
].join('\n');

const query = (app: Harness, sql: string) => {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare(sql).pluck().all();
  } finally {
    db.close();
  }
};

describe('the review queue in Chromium', () => {
  let app: Harness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(closeBrowser);

  it('finds duplicates, then is worked with the keyboard: M, D, S and U', async () => {
    app = await startHarness({
      startPage: 'review',
      seed: (db) => seedCsv(db, 'list.csv', LIST, { matchExisting: false }),
    });
    const { page } = app;
    await page.getByTestId('review-empty').waitFor();
    await page.getByTestId('find-duplicates').click();
    await page.getByTestId('last-run').waitFor();
    // The sure pair merged by itself; the doubtful ones wait, and the tab shows how many.
    expect(await page.getByTestId('last-run').textContent()).toMatch(/1 merged/);
    // The count follows the run's report: wait for it rather than read it once.
    await expect
      .poll(async () => Number(await page.getByTestId('pending-count').textContent()))
      .toBeGreaterThanOrEqual(2);
    const waiting = Number(await page.getByTestId('pending-count').textContent());
    await expect.poll(() => page.getByTestId('review-badge').textContent()).toBe(String(waiting));

    const pair = page.getByTestId('review-pair');
    const firstId = await pair.getAttribute('data-pair-id');
    expect(await pair.locator('.pair__field--differs').count()).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('pair-score').textContent())).toBeGreaterThanOrEqual(80);

    await page.keyboard.press('d');
    await expect.poll(() => pair.getAttribute('data-pair-id')).not.toBe(firstId);
    await page.keyboard.press('u');
    await expect.poll(() => pair.getAttribute('data-pair-id')).toBe(firstId);
    expect(query(app, `SELECT status FROM match_candidates WHERE id = ${firstId}`)).toEqual(['pending']);

    await page.keyboard.press('m');
    await expect.poll(() => query(app!, `SELECT count(*) FROM merges WHERE undone_at IS NULL`)).toEqual([2]);
    // U undoes what the page has taken in: wait for it to move on from the merged pair first.
    await expect.poll(() => pair.getAttribute('data-pair-id')).not.toBe(firstId);
    await page.keyboard.press('u');
    await expect.poll(() => query(app!, `SELECT count(*) FROM merges WHERE undone_at IS NULL`)).toEqual([1]);

    await page.keyboard.press('s');
    await expect
      .poll(() => query(app!, `SELECT count(*) FROM match_candidates WHERE status = 'skipped'`))
      .toEqual([1]);
    expect(app.pageErrors).toEqual([]);
  });

  it('merges every pair above a score at once', async () => {
    app = await startHarness({
      startPage: 'review',
      seed: (db) => seedCsv(db, 'list.csv', LIST, { matchExisting: false }),
    });
    const { page } = app;
    await page.getByTestId('find-duplicates').click();
    await page.getByTestId('last-run').waitFor();
    await page.getByTestId('bulk-score').fill('80');
    await page.getByTestId('bulk-go').click();
    await page.getByTestId('review-empty').waitFor();
    expect(query(app, `SELECT count(*) FROM match_candidates WHERE status = 'pending'`)).toEqual([0]);
  });
});
