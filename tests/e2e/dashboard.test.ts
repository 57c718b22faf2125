import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/database';
import { fillDashboardFixture } from '../helpers/dashboardFixture';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

/** The dashboard fixture, plus quota use in the last days (the app's clock is the real one). */
function seedDashboard(dbPath: string): void {
  const db = openDatabase(dbPath);
  try {
    fillDashboardFixture(db);
    const day = 86_400_000;
    const ledger = db.prepare(
      `INSERT INTO quota_ledger (quota, at, units, outcome) VALUES (?, ?, ?, 'used')`,
    );
    ledger.run('linkedin.invite', new Date(Date.now() - 2 * day).toISOString(), 3);
    ledger.run('linkedin.inmail', new Date(Date.now() - day).toISOString(), 2);
  } finally {
    db.close();
  }
}

describe('the dashboard in Chromium', () => {
  let app: Harness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(closeBrowser);

  it('is the start page once there are contacts, and shows its charts with the numbers a click away', async () => {
    app = await startHarness({ seed: seedDashboard, viewport: { width: 1400, height: 1000 } });
    const { page } = app;
    // Opened without a page in the address, the app starts on the dashboard.
    await page.goto(page.url().split('#')[0]!);
    await page.getByTestId('dashboard').waitFor();
    expect(page.url()).toMatch(/#\/dashboard$/);

    // The funnel as a chart: one bar per stage.
    await expect
      .poll(() => page.getByTestId('chart-funnel').locator('.recharts-bar-rectangle').count())
      .toBe(7);
    // … and as numbers.
    await page.getByTestId('toggle-funnel').click();
    const funnel = async (stage: string) =>
      page.getByTestId(`funnel-${stage}`).locator('td').nth(1).textContent();
    expect(await funnel('imported')).toBe('6');
    expect(await funnel('atl')).toBe('4');
    expect(await funnel('email')).toBe('2');
    expect(await funnel('approved')).toBe('3');
    expect(await funnel('contacted')).toBe('4');
    expect(await funnel('accepted')).toBe('2');
    expect(await funnel('replied')).toBe('2');
    expect(await page.getByTestId('funnel-replied').locator('td').nth(2).textContent()).toBe('33%');
    await page.getByTestId('toggle-funnel').click();
    await page.getByTestId('chart-funnel').waitFor();

    await page.getByTestId('toggle-tiers').click();
    expect(await page.getByTestId('tier-HOT').locator('td').nth(1).textContent()).toBe('2');
    expect(await page.getByTestId('tier-Not scored').locator('td').nth(1).textContent()).toBe('1');

    // Rates by template, as numbers.
    await page.getByTestId('rates-by').selectOption('template');
    await page.getByTestId('toggle-rates').click();
    const short = page.locator('[data-testid="rate-row"][data-group="Short hello"] td');
    expect(await short.allTextContents()).toEqual(['Short hello', '3', '1', '33%', '3', '2', '67%']);
    const email = page.locator('[data-testid="rate-row"][data-group="Email intro"] td');
    expect(await email.allTextContents()).toEqual(['Email intro', '2', '1', '50%', '0', '0', '—']);
    await page.getByTestId('rates-by').selectOption('state');
    await expect.poll(() => page.getByTestId('rate-row').count()).toBe(2);

    // Quota use over the last 30 days, stacked per quota.
    await expect
      .poll(() => page.getByTestId('chart-quotas').locator('.recharts-bar-rectangle').count())
      .toBe(2);
    await page.getByTestId('toggle-quotas').click();
    // Named as the seller knows them, not by their ledger keys.
    expect(await page.getByTestId('table-quotas').locator('th').allTextContents()).toEqual([
      'Day',
      'InMails',
      'Invites',
    ]);
    expect(await page.locator('.numbers__total td').allTextContents()).toEqual(['Total', '2', '3']);

    // What predicts replies: the title factor's levels.
    const title = page.locator('[data-testid="factor"][data-factor="title"]');
    expect(await title.getByTestId('factor-level').count()).toBe(4);
    expect(await title.locator('[data-points="40"] td').allTextContents()).toEqual([
      'Chief executive',
      '40',
      '1',
      '1',
      ' 100%',
      '100%',
    ]);
    expect(await title.getByTestId('factor-lift').textContent()).toMatch(/75 points more often/);

    // The same outcomes stand beside the scoring weights in Settings.
    await app.goto('settings');
    const beside = page.locator('[data-testid="scoring-section"] + [data-testid="factor-outcomes"]');
    await beside.locator('[data-factor="title"] [data-points="40"]').waitFor();
    expect(await beside.locator('[data-factor="title"] [data-testid="factor-lift"]').textContent()).toMatch(
      /75 points more often/,
    );
    expect(app.pageErrors).toEqual([]);
  });

  it('an empty database starts on Import, and the dashboard says what it will show', async () => {
    app = await startHarness();
    const { page } = app;
    await page.goto(page.url().split('#')[0]!);
    await page.getByTestId('page-import').waitFor();
    await app.goto('dashboard');
    await page.getByTestId('dashboard-empty').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
