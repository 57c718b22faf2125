import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seedOutreach } from '../helpers/outreachSeed';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

const query = (app: Harness, sql: string) => {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare(sql).pluck().all();
  } finally {
    db.close();
  }
};
const queueNames = (app: Harness) =>
  app.page.getByTestId('queue-row').locator('.queue-list__name').allTextContents();

describe('templates, the do-not-contact list, quotas and limits in Chromium', () => {
  let app: Harness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(closeBrowser);

  it('keeps listed people out of the queue: added by hand, and from a file the seller chose', async () => {
    app = await startHarness({ startPage: 'suppressions', seed: (db) => seedOutreach(db, { plan: true }) });
    const { page } = app;
    await page.getByTestId('suppress-value').fill('https://www.linkedin.com/in/devpatel-hvac');
    await page.getByTestId('suppress-reason').fill('already a customer');
    await page.getByTestId('suppress-add').click();
    await expect.poll(() => page.getByTestId('suppress-message').textContent()).toBe('Added 1.');
    await expect.poll(() => page.getByTestId('suppress-row').count()).toBe(1);
    expect(await page.getByTestId('suppress-row').textContent()).toContain('1 contact');

    const file = path.join(app.dataDir, 'dnc.txt');
    fs.writeFileSync(file, 'bj@okafor-electric.com\nnot a value\n');
    app.host.pickQueue.push([file]);
    await page.getByTestId('suppress-import').click();
    await expect
      .poll(() => page.getByTestId('suppress-import-report').textContent())
      .toBe('dnc.txt: 1 added, 0 already listed; 1 row had nothing to list (e.g. row 2: “not a value”).');
    await expect.poll(() => page.getByTestId('suppress-row').count()).toBe(2);

    await app.goto('today');
    await page.getByTestId('queue-item').waitFor();
    expect(await queueNames(app)).toEqual(['Ann Lee', 'Carla Gómez', 'Erin Walsh', 'Frank Miller']);

    await app.goto('suppressions');
    await page
      .locator('[data-testid="suppress-row"][data-value="devpatel-hvac"]')
      .getByTestId('suppress-remove')
      .click();
    await expect.poll(() => page.getByTestId('suppress-row').count()).toBe(1);
    await app.goto('today');
    await expect
      .poll(() => queueNames(app!))
      .toEqual(['Ann Lee', 'Carla Gómez', 'Dev Patel', 'Erin Walsh', 'Frank Miller']);
    expect(app.pageErrors).toEqual([]);
  });

  it('edits a template with a live count and fallbacks, previews it on a real contact, and the queue uses it', async () => {
    app = await startHarness({ startPage: 'templates', seed: (db) => seedOutreach(db, { plan: true }) });
    const { page } = app;
    const body = page.getByTestId('template-body');
    await body.waitFor();
    expect(await page.getByTestId('template-name').inputValue()).toBe('Connection note');
    await body.fill('y'.repeat(301));
    expect(await page.getByTestId('template-count').textContent()).toBe('301 / 300');
    expect(await page.getByTestId('template-save').isDisabled()).toBe(true);

    // A misspelled or wrongly cased name is not filled in: the preview says so, and what was meant.
    await body.fill('Hi {First_Name}, {compnay} looks great');
    await expect
      .poll(() => page.getByTestId('preview-unknown').textContent())
      .toBe(
        'Not a variable, so it would be sent as written and the queue will not send it: {First_Name} (did you mean {first_name}?), {compnay} (did you mean {company}?)',
      );

    await body.fill('Hi {first_name}, fellow builder at {company}!');
    await page.getByTestId('fallback-company').fill('your crew');
    await page.getByTestId('template-save').click();
    await page.getByTestId('template-saved').waitFor();
    expect(query(app, `SELECT body || ' ' || fallbacks FROM templates WHERE kind = 'invite'`)).toEqual([
      'Hi {first_name}, fellow builder at {company}! {"company":"your crew"}',
    ]);

    await page.getByTestId('preview-search').fill('Frank');
    await expect
      .poll(() => page.getByTestId('preview-body').textContent())
      .toBe('Hi Frank, fellow builder at your crew!');
    expect(await page.getByTestId('preview-missing').textContent()).toBe(
      'Frank has no company: the fallback is used.',
    );

    await app.goto('today');
    await page.getByTestId('queue-row').filter({ hasText: 'Frank Miller' }).click();
    await expect
      .poll(() => page.getByTestId('message-body').inputValue())
      .toBe('Hi Frank, fellow builder at your crew!');
    expect(await page.getByTestId('missing').textContent()).toContain('company');
    expect(app.pageErrors).toEqual([]);
  });

  it('holds the queue to a limit changed in Settings; meters, the InMail advice, a limit notice and the contact’s log follow', async () => {
    app = await startHarness({ startPage: 'settings', seed: (db) => seedOutreach(db, { plan: true }) });
    const { page } = app;
    await page.getByTestId('limit-invite_day').fill('2');
    await page.getByTestId('save-outreach-settings').click();
    await expect.poll(() => page.getByTestId('outreach-settings-message').textContent()).toMatch(/^Saved/);

    await app.goto('today');
    const progress = page.getByTestId('progress');
    await expect
      .poll(() => progress.textContent())
      .toBe('0 of 1 InMail sent · 0 of 1 email sent · 0 of 2 invites sent');
    expect(await page.getByTestId('queue-note').textContent()).toBe(
      '2 more invites wait for another day: invites today allows 2.',
    );
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    for (const n of [1, 2]) {
      await page.keyboard.press('s');
      await expect.poll(() => progress.textContent()).toContain(`${n} of 2 invites sent`);
    }

    await app.goto('quotas');
    const meter = page.locator('[data-testid="meter"][data-quota="invite_day"]');
    await expect.poll(() => meter.getByTestId('meter-figures').textContent()).toBe('2 of 2');
    expect(await meter.getAttribute('data-level')).toBe('exhausted');
    expect(await page.locator('[data-quota="invite_week"]').getByTestId('meter-figures').textContent()).toBe(
      '2 of 100',
    );
    expect(await page.getByTestId('recommendation').textContent()).toBe(
      'Send InMails now: 50 left covers all 1 HOT contacts waiting.',
    );
    expect(await page.getByTestId('usage-chart').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(
      0,
    );

    await app.goto('today');
    await page.getByTestId('limit-notice').click();
    await page.getByTestId('limit-notice-confirm').click();
    await app.goto('quotas');
    await expect
      .poll(() => page.locator('[data-quota="invite_week"]').getAttribute('data-level'))
      .toBe('exhausted');
    expect(query(app, `SELECT quota FROM quota_ledger WHERE outcome = 'limit_notice'`)).toEqual([
      'linkedin.invite',
    ]);

    await app.goto('records');
    await page.getByTestId('records-search').fill('Carla');
    await page.getByTestId('vrow').filter({ hasText: 'Carla Gómez' }).click();
    const entry = page.getByTestId('detail-drawer').getByTestId('outreach-entry');
    await expect
      .poll(() => entry.textContent())
      .toMatch(/^invite: planned \d{4}-\d\d-\d\d → sent \d{4}-\d\d-\d\d/);
    expect(app.pageErrors).toEqual([]);
  });
});
