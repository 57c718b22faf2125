import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/database';
import { fillPipeline } from '../helpers/pipeline';
import { seedNoteHistory } from '../helpers/noteHistory';
import { COUNT_JOB } from '../helpers/paths';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

const scalar = (app: Harness, sql: string) => {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

const HISTORY = 30_000;
const OKAFOR_EMAIL = 'bj@okafor-electric.com';

/** The pipeline, plus a long import history of notes of which every 5,000th names Okafor. */
async function seedWithHistory(dbPath: string): Promise<void> {
  const db = openDatabase(dbPath);
  try {
    await fillPipeline(db);
    seedNoteHistory(db, HISTORY, 5000, `met ${OKAFOR_EMAIL}`);
  } finally {
    db.close();
  }
}

/**
 * Erase from the contact drawer runs as a job. Another exclusive job (the test-only counter, as an
 * import would) holds the database first, so the erasure is seen waiting in the drawer and the
 * status bar before it runs — without depending on how fast this machine searches.
 */
describe('erasing a person as a job, in Chromium', () => {
  let app: Harness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(closeBrowser);

  const openOkafor = async (harness: Harness) => {
    const { page } = harness;
    await page.getByTestId('records-search').fill('okafor');
    await expect.poll(() => page.getByTestId('vrow').count()).toBe(1);
    await page.getByTestId('vrow').first().click();
    await page.getByTestId('data-rights').waitFor();
    return scalar(harness, `SELECT id FROM contacts WHERE last_name = 'Okafor'`) as number;
  };

  /** Starts the counter that holds the write lock until it is cancelled; returns its id. */
  const holdDatabase = async (harness: Harness) => {
    const started = await harness.core.startJob('test.count', { total: 1_000_000, delayMs: 5 });
    if (!started.ok) throw new Error(started.error.message);
    const line = harness.page.locator(`[data-testid="job"][data-job-id="${started.value.id}"]`);
    await expect.poll(() => line.getAttribute('data-status')).toBe('running');
    return started.value.id;
  };

  it('asks first, shows the job in the drawer and the status bar, then the person is gone', async () => {
    app = await startHarness({ startPage: 'records', seed: seedWithHistory, extraJobModules: [COUNT_JOB] });
    const { page } = app;
    const id = await openOkafor(app);
    expect(scalar(app, `SELECT count(*) FROM source_rows WHERE raw LIKE '%${OKAFOR_EMAIL}%'`)).toBe(
      HISTORY / 5000 + 1,
    );
    const holder = await holdDatabase(app);

    await page.getByTestId('erase-person').click();
    // The confirmation stays: nothing starts before the seller says Erase.
    await page.getByTestId('erase-confirm').waitFor();
    expect(scalar(app, `SELECT count(*) FROM jobs WHERE kind = 'privacy.erase'`)).toBe(0);
    await page.getByTestId('erase-yes').click();

    // The drawer follows the job; the status bar shows it too, waiting for the counter.
    await page.getByTestId('erase-progress').waitFor();
    const line = page.locator('[data-testid="job"]', { hasText: `Erasing contact #${id}` });
    await expect.poll(() => line.getAttribute('data-status')).toBe('queued');
    expect(await page.getByTestId('erase-person').isDisabled()).toBe(true);
    expect(scalar(app, `SELECT count(*) FROM contacts WHERE id = ${id}`)).toBe(1);

    await app.core.call('jobs.cancel', { id: holder });
    // It runs, searches every row, and ends done; the drawer closes on its end.
    await page.getByTestId('detail-drawer').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => line.getAttribute('data-status')).toBe('done');
    const searched = (await line.getByTestId('job-count').textContent())!;
    const [done, total] = searched.match(/^([\d,]+) of ([\d,]+) rows$/)!.slice(1);
    expect(done).toBe(total);
    expect(Number(total!.replace(/,/g, ''))).toBeGreaterThanOrEqual(HISTORY);

    expect(scalar(app, `SELECT count(*) FROM contacts WHERE id = ${id}`)).toBe(0);
    expect(scalar(app, `SELECT count(*) FROM source_rows WHERE raw LIKE '%${OKAFOR_EMAIL}%'`)).toBe(0);
    expect(scalar(app, `SELECT count(*) FROM suppressions WHERE value = '${OKAFOR_EMAIL}'`)).toBe(1);
    await expect.poll(() => page.getByTestId('vrow').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('Cancel in the drawer erases nothing and says so', async () => {
    app = await startHarness({ startPage: 'records', seed: seedWithHistory, extraJobModules: [COUNT_JOB] });
    const { page } = app;
    const id = await openOkafor(app);
    const holder = await holdDatabase(app);

    await page.getByTestId('erase-person').click();
    await page.getByTestId('erase-yes').click();
    await page.getByTestId('erase-progress').waitFor();
    await page.getByTestId('erase-cancel').click();
    await expect
      .poll(() => page.getByTestId('erase-stopped').textContent())
      .toBe('The erasure was cancelled; nothing was changed.');
    await expect.poll(() => page.getByTestId('erase-progress').count()).toBe(0);
    expect(await page.getByTestId('erase-person').isDisabled()).toBe(false);
    await app.core.call('jobs.cancel', { id: holder });
    const holderLine = page.locator(`[data-testid="job"][data-job-id="${holder}"]`);
    await expect.poll(() => holderLine.getAttribute('data-status')).toBe('cancelled');

    // Cancelled while it waited: it never ran, and nothing starts it later.
    expect(scalar(app, `SELECT count(*) FROM jobs WHERE kind = 'privacy.erase'`)).toBe(0);
    expect(scalar(app, `SELECT count(*) FROM contacts WHERE id = ${id}`)).toBe(1);
    expect(scalar(app, `SELECT count(*) FROM source_rows WHERE raw LIKE '%${OKAFOR_EMAIL}%'`)).toBe(
      HISTORY / 5000 + 1,
    );
    expect(scalar(app, `SELECT count(*) FROM suppressions`)).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
