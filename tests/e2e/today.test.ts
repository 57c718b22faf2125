import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seedOutreach, seedOutreachHistory } from '../helpers/outreachSeed';
import { openDatabase } from '../../src/main/core/db/database';
import { readQuotaConfig } from '../../src/main/core/quotas/config';
import { dateOf, parseCivil, weekdayOf } from '../../src/main/core/quotas/windows';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

const query = (app: Harness, sql: string) => {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare(sql).pluck().all();
  } finally {
    db.close();
  }
};

describe('working a day’s queue in Chromium', () => {
  let app: Harness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(closeBrowser);

  it('reviews and applies the plan, then works the queue by keyboard: J/K, C, O, S, X, Z, U', async () => {
    app = await startHarness({ startPage: 'today', seed: (db) => seedOutreach(db, { extra: 20 }) });
    const { page } = app;
    await page.getByTestId('review-plan').click();
    await page.getByTestId('plan').waitFor();
    expect(await page.getByTestId('plan-inmail').textContent()).toBe('1');
    expect(await page.getByTestId('plan-email').textContent()).toBe('1');
    expect(await page.getByTestId('plan-invite').textContent()).toBe('24');
    expect(await page.getByTestId('plan-estimate').textContent()).toMatch(/done by \d{4}-\d{2}-\d{2}/);
    await page.getByTestId('apply-plan').click();
    const progress = page.getByTestId('progress');
    await expect
      .poll(() => progress.textContent())
      .toBe('0 of 1 InMail sent · 0 of 1 email sent · 0 of 20 invites sent');
    expect(await page.getByTestId('queue-row').count()).toBe(22);

    // HOT first, highest score first: Ann Lee's InMail, then Brian Okafor's email.
    const name = page.getByTestId('item-name');
    expect(await name.textContent()).toBe('Ann Lee');
    await page.keyboard.press('j');
    await expect.poll(() => name.textContent()).toBe('Brian Okafor');
    expect(await page.getByTestId('item-email').textContent()).toBe('bj@okafor-electric.com');
    await page.keyboard.press('k');
    await expect.poll(() => name.textContent()).toBe('Ann Lee');

    await page.keyboard.press('c');
    await expect.poll(() => app!.host.copied.length).toBe(1);
    expect(app.host.copied[0]).toBe(
      'Hi Ann, as Chief Executive Officer at Acme Solar you may like our bid tool. 15 minutes next week?',
    );
    await page.keyboard.press('Shift+C');
    await expect.poll(() => app!.host.copied.at(-1)).toBe('A question for Acme Solar');
    await page.keyboard.press('o');
    await expect.poll(() => app!.host.opened).toEqual(['https://www.linkedin.com/in/ann-lee-4b1a2c']);

    await page.keyboard.press('s');
    await expect
      .poll(() => progress.textContent())
      .toBe('1 of 1 InMail sent · 0 of 1 email sent · 0 of 20 invites sent');
    await expect.poll(() => name.textContent()).toBe('Brian Okafor');
    await page.keyboard.press('j'); // leave the email for later
    await expect.poll(() => name.textContent()).toBe('Carla Gómez');
    for (let sent = 1; sent <= 7; sent++) {
      const before = await name.textContent();
      await page.keyboard.press('s');
      await expect.poll(() => progress.textContent()).toContain(`${sent} of 20 invites sent`);
      await expect.poll(() => name.textContent()).not.toBe(before);
    }
    expect(await progress.textContent()).toBe(
      '1 of 1 InMail sent · 0 of 1 email sent · 7 of 20 invites sent',
    );
    expect(
      query(app, `SELECT count(*) FROM outreach_actions WHERE kind = 'invite' AND status = 'sent'`),
    ).toEqual([7]);
    expect(query(app, `SELECT quota FROM quota_ledger WHERE outcome = 'used' ORDER BY id`)).toEqual([
      'linkedin.inmail',
      ...Array(7).fill('linkedin.invite'),
    ]);

    // Skip and snooze: the day still holds 20 invites, the places filled from those waiting.
    const skipped = await page.getByTestId('queue-item').getAttribute('data-item-id');
    await page.keyboard.press('x');
    await expect.poll(() => page.getByTestId('queue-item').getAttribute('data-item-id')).not.toBe(skipped);
    const snoozed = await page.getByTestId('queue-item').getAttribute('data-item-id');
    await page.keyboard.press('z');
    await expect.poll(() => page.getByTestId('queue-item').getAttribute('data-item-id')).not.toBe(snoozed);
    expect(
      query(app, `SELECT status FROM outreach_actions WHERE id IN (${skipped}, ${snoozed}) ORDER BY id`),
    ).toEqual(['skipped', 'snoozed']);
    expect(await progress.textContent()).toBe(
      '1 of 1 InMail sent · 0 of 1 email sent · 7 of 20 invites sent',
    );
    expect(await page.getByTestId('queue-row').count()).toBe(14); // the email and 13 invites
    await page.keyboard.press('u');
    await expect
      .poll(() => query(app!, `SELECT status FROM outreach_actions WHERE id = ${snoozed}`))
      .toEqual(['planned']);
    await expect.poll(() => page.getByTestId('done-row').count()).toBe(9);
    expect(app.pageErrors).toEqual([]);
  });

  it('on a day off hands nothing out, and says which working day the items wait for', async () => {
    app = await startHarness({
      startPage: 'today',
      seed: (dbPath) => {
        // Today (on the seller's calendar) is made their one day off.
        const db = openDatabase(dbPath);
        const { timeZone } = readQuotaConfig(db);
        db.close();
        const off = weekdayOf(parseCivil(dateOf(new Date(), timeZone))!);
        seedOutreach(dbPath, { plan: true, workingDays: [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== off) });
      },
    });
    const { page } = app;
    const note = page.getByTestId('queue-note');
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      /^\w+day is not one of your working days \(Settings → Outreach\), so nothing is handed out for it: \d+ due items wait for \w+day \d{4}-\d{2}-\d{2}\.$/,
    );
    expect(await page.getByTestId('queue-row').count()).toBe(0);
    // Items that wait are not "nothing planned".
    expect(await page.getByText('No outreach planned for this day').count()).toBe(0);
    const waiting = Number(/: (\d+) due items wait/.exec((await note.textContent())!)![1]);
    expect(waiting).toBeGreaterThan(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('will not copy a note with a misspelled variable or a blank, as it will not send it', async () => {
    app = await startHarness({
      startPage: 'today',
      seed: (dbPath) => {
        seedOutreach(dbPath, { plan: true });
        const db = new Database(dbPath);
        db.prepare(
          `UPDATE templates SET body = 'Hi {First_Name}, {compnay} looks great' WHERE kind = 'invite'`,
        ).run();
        db.close();
      },
    });
    const { page } = app;
    await page.getByTestId('queue-item').waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => page.getByTestId('queue-item').getAttribute('data-kind')).toBe('invite');
    const problem =
      '“{First_Name}” is not a variable and would be sent as written: did you mean {first_name}? Fix it (in the template on the Templates page, or here).';
    await expect.poll(() => page.getByTestId('item-problem').textContent()).toBe(problem);
    await page.keyboard.press('c');
    await expect.poll(() => page.getByTestId('today-error').textContent()).toBe(problem);
    await page.keyboard.press('s');
    await expect.poll(() => page.getByTestId('today-error').textContent()).toBe(problem);

    // The seller's own words with a blank left in: still neither copied nor sent.
    await page.keyboard.press('e');
    await page.getByTestId('message-body').fill('Hi there, I saw your work on [project]. Open to connect?');
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await expect
      .poll(() => page.getByTestId('today-error').textContent())
      .toBe('Write your own words in place of “[project]” (in the template on the Templates page, or here).');
    expect(app.host.copied).toEqual([]);
    expect(query(app, `SELECT count(*) FROM quota_ledger`)).toEqual([0]);
    expect(app.pageErrors).toEqual([]);
  });

  it('holds the invite note to 300 characters: a live count, and no saving or sending over it', async () => {
    app = await startHarness({ startPage: 'today', seed: (db) => seedOutreach(db, { plan: true }) });
    const { page } = app;
    await page.getByTestId('queue-item').waitFor();
    // Down to the first invite.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => page.getByTestId('queue-item').getAttribute('data-kind')).toBe('invite');
    const id = await page.getByTestId('queue-item').getAttribute('data-item-id');
    const count = page.getByTestId('char-count');
    expect(await count.textContent()).toMatch(/^\d{2,3} \/ 300$/);

    await page.keyboard.press('e');
    const body = page.getByTestId('message-body');
    await expect.poll(() => body.evaluate((el) => el === document.activeElement)).toBe(true);
    await body.fill('x'.repeat(299));
    expect(await count.textContent()).toBe('299 / 300');
    await page.keyboard.type('yz'); // typed keys go to the note, not to the shortcuts
    expect(await count.textContent()).toBe('301 / 300');
    expect(await count.getAttribute('class')).toContain('counter--over');
    expect(await page.getByTestId('action-sent').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByTestId('today-error').textContent())
      .toBe('Not saved: The invitation note has 301 characters; LinkedIn allows 300. Shorten it by 1.');
    // Copying it is refused too, in the words sending uses: pasted into LinkedIn it would be sent.
    await page.keyboard.press('c');
    await expect
      .poll(() => page.getByTestId('today-error').textContent())
      .toBe('The invitation note has 301 characters; LinkedIn allows 300. Shorten it by 1.');
    expect(await page.getByTestId('action-copy').isDisabled()).toBe(true);
    expect(app.host.copied).toEqual([]);
    await page.keyboard.press('s');
    expect(query(app, `SELECT status FROM outreach_actions WHERE id = ${id}`)).toEqual(['planned']);
    expect(query(app, `SELECT body FROM outreach_actions WHERE id = ${id}`)).toEqual([null]);
    expect(query(app, `SELECT count(*) FROM quota_ledger`)).toEqual([0]);

    await body.focus();
    await page.keyboard.press('Backspace');
    expect(await count.textContent()).toBe('300 / 300');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => query(app!, `SELECT length(body) FROM outreach_actions WHERE id = ${id}`))
      .toEqual([300]);
    await page.keyboard.press('c');
    await expect.poll(() => app!.host.copied).toEqual(['x'.repeat(299) + 'y']);
    await page.keyboard.press('s');
    await expect
      .poll(() => query(app!, `SELECT status FROM outreach_actions WHERE id = ${id}`))
      .toEqual(['sent']);
    await expect.poll(() => page.getByTestId('progress').textContent()).toContain('1 of 4 invites sent');
    expect(app.pageErrors).toEqual([]);
  });

  it('answers by keyboard on the Answers tab: J/K move, R replied, A accepted, W withdrawn', async () => {
    app = await startHarness({
      startPage: 'today',
      seed: (db) => {
        seedOutreach(db, { extra: 240, hot: 14, plan: true });
        seedOutreachHistory(db);
      },
    });
    const { page } = app;
    await page.getByTestId('queue-row').first().waitFor();
    await page.getByTestId('tab-responses').click();
    await page.getByTestId('responses').waitFor();
    const selected = page.locator('[data-testid="response-row"][aria-current="true"]');
    const idOf = async () => Number(await selected.getAttribute('data-item-id'));
    const status = (id: number) => query(app!, `SELECT status FROM outreach_actions WHERE id = ${id}`)[0];
    // The first row is one to withdraw; J moves down, K back.
    const first = await idOf();
    await page.keyboard.press('j');
    await expect.poll(idOf).not.toBe(first);
    await page.keyboard.press('k');
    await expect.poll(idOf).toBe(first);
    await page.keyboard.press('w');
    await expect.poll(() => status(first)).toBe('withdrawn');
    // Down to an invite waiting for an answer: A marks it accepted; R on the next, replied.
    const firstInvite = () =>
      page
        .getByTestId('response-row')
        .evaluateAll((rows) => rows.findIndex((r) => r.querySelector('[data-testid="respond-accepted"]')));
    await expect.poll(firstInvite).toBeGreaterThan(0);
    const rowsBefore = await firstInvite();
    for (let i = 0; i < rowsBefore; i++) await page.keyboard.press('j');
    await expect.poll(() => selected.getByTestId('respond-accepted').count()).toBe(1);
    const invite = await idOf();
    await page.keyboard.press('a');
    await expect.poll(() => status(invite)).toBe('accepted');
    const next = await idOf();
    expect(next).not.toBe(invite);
    await page.keyboard.press('r');
    await expect.poll(() => status(next)).toBe('replied');
    expect(app.pageErrors).toEqual([]);
  });
});
