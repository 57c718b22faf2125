import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CoreRuntime } from '../../../src/main/core/runtime';
import type {
  AssistedSendResult,
  LinkedInReadReport,
  SessionStatus,
} from '../../../src/shared/domain/linkedin';
import { applyPlan } from '../../../src/main/core/outreach/plan';
import { readQuotaConfig } from '../../../src/main/core/quotas/config';
import { readSettings, writeSettings } from '../../../src/main/core/settings/settingsStore';
import { freshDb } from '../../helpers/importing';
import { seedLeads, writeReadyTemplates } from '../../helpers/leads';
import { FakeTime } from '../safety/support/fakeTime';
import { startFixtureSite, type FixtureSite } from '../linkedin/support/fixtureSite';
import { call, openTestCore, TUESDAY_10AM, useFixtureLinkedIn } from './support';

/**
 * Assisted send from the Today queue, through the app: the core opens Dana's profile in the
 * browser session and fills in her invite note; the test plays the seller and presses Send; the
 * item is then sent in the outreach log and counted once in the quota ledger.
 */

let site: FixtureSite;
let t: ReturnType<typeof freshDb>;
let time: FakeTime;
let core: CoreRuntime | null;
let itemId: number;

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => site?.close());

beforeEach(() => {
  site.reset();
  site.requests.length = 0;
  t = freshDb();
  time = new FakeTime(TUESDAY_10AM);
  useFixtureLinkedIn(t.db, site.url, time, { assistedSend: true });
  writeReadyTemplates(t.db);
  seedLeads(
    t.db,
    [
      {
        name: 'Dana Whitfield',
        title: 'CEO',
        company: 'Acme Roofing',
        tier: 'WARM',
        score: 72,
        linkedin: 'https://www.linkedin.com/in/dana-whitfield',
      },
      {
        name: 'Tom Becker',
        title: 'Director of Operations',
        company: 'Acme Roofing',
        tier: 'HOT',
        score: 88,
        linkedin: 'https://www.linkedin.com/in/tom-becker-8812',
      },
    ],
    time.clock,
  );
  applyPlan(t.db, time.clock, readQuotaConfig(t.db));
  itemId = t.db.prepare(`SELECT id FROM outreach_actions WHERE kind = 'invite'`).pluck().get() as number;
  t.db.close();
  core = null;
});

afterEach(async () => {
  await core?.close();
  t.cleanup();
});

async function openReady(): Promise<CoreRuntime> {
  core = await openTestCore(t.file, t.dir, time);
  expect((await call<SessionStatus>(core, 'linkedin.open')).assistedSend).toBe(true);
  return core;
}

const NOTE = 'Hi Dana, I help contractors like Acme Roofing win more bids. Open to connect?';

async function sellerPage(c: CoreRuntime): Promise<Page> {
  const page = c.ctx.linkedin.sessions.open!.context.pages()[0]!;
  await expect
    .poll(
      () =>
        page
          .locator('#custom-message')
          .inputValue()
          .catch(() => ''),
      { timeout: 20_000 },
    )
    .toBe(NOTE);
  return page;
}

describe('assisted send from the Today queue', () => {
  it('pre-fills the note; when the seller presses Send the item is sent in the log and booked once', async () => {
    const c = await openReady();
    const sending = call<AssistedSendResult>(c, 'linkedin.assistedSend', { id: itemId });
    const page = await sellerPage(c);
    // We never press Send ourselves.
    expect(
      await page.evaluate(
        () => (window as unknown as { __fixture: { sendClicks: number } }).__fixture.sendClicks,
      ),
    ).toBe(0);
    await page.click('button[aria-label="Send invitation"]'); // the seller
    expect(await sending).toEqual({ sent: true, reason: null, text: NOTE });

    const db = c.ctx.db;
    expect(db.prepare('SELECT status, sent_at FROM outreach_actions WHERE id = ?').get(itemId)).toEqual({
      status: 'sent',
      sent_at: time.clock.now().toISOString(),
    });
    const events = db
      .prepare('SELECT status, note FROM outreach_events WHERE action_id = ? ORDER BY id')
      .all(itemId) as {
      status: string;
      note: string;
    }[];
    expect(events.at(-1)!.status).toBe('sent');
    expect(JSON.parse(events.at(-1)!.note).body).toBe(NOTE);
    const ledger = db
      .prepare(
        `SELECT quota, outcome, ref_type, ref_id FROM quota_ledger WHERE quota = 'linkedin.invite' ORDER BY id`,
      )
      .all();
    // The session's booking was handed over to the mark's, so the invite counts once.
    expect(ledger).toEqual([
      { quota: 'linkedin.invite', outcome: 'refunded', ref_type: 'outreach_action', ref_id: itemId },
      { quota: 'linkedin.invite', outcome: 'used', ref_type: 'outreach_action', ref_id: itemId },
    ]);
    expect(
      db
        .prepare(
          `SELECT count(*) FROM quota_ledger WHERE quota = 'linkedin.profile_view' AND outcome = 'used'`,
        )
        .pluck()
        .get(),
    ).toBe(1);
  });

  it('an InMail: subject and body pre-filled; sent by the seller, logged and counted once', async () => {
    const c = await openReady();
    const inmail = c.ctx.db
      .prepare(`SELECT id FROM outreach_actions WHERE kind = 'inmail'`)
      .pluck()
      .get() as number;
    const sending = call<AssistedSendResult>(c, 'linkedin.assistedSend', { id: inmail });
    const page = c.ctx.linkedin.sessions.open!.context.pages()[0]!;
    await expect
      .poll(
        () =>
          page
            .locator('.msg-form__subject input')
            .inputValue()
            .catch(() => ''),
        { timeout: 20_000 },
      )
      .toBe('A question for Acme Roofing');
    // The body is typed after the subject: wait for it too.
    await expect
      .poll(() => page.locator('.msg-form__contenteditable').innerText(), { timeout: 20_000 })
      .toContain('as Director of Operations at Acme Roofing you may like our bid tool');
    await page.click('.msg-form__send-button'); // the seller
    expect(await sending).toMatchObject({ sent: true });
    expect(c.ctx.db.prepare('SELECT status FROM outreach_actions WHERE id = ?').pluck().get(inmail)).toBe(
      'sent',
    );
    expect(
      c.ctx.db
        .prepare(`SELECT outcome FROM quota_ledger WHERE quota = 'linkedin.inmail' ORDER BY id`)
        .pluck()
        .all(),
    ).toEqual(['refunded', 'used']);
  });

  it('keeps the seller’s edits as the text that was sent', async () => {
    const c = await openReady();
    const sending = call<AssistedSendResult>(c, 'linkedin.assistedSend', { id: itemId });
    const page = await sellerPage(c);
    const edited = 'Hi Dana, Jordan Lee suggested I reach out about hail season. Open to a quick call?';
    await page.locator('#custom-message').fill(edited);
    await page.waitForTimeout(600);
    await page.click('button[aria-label="Send invitation"]');
    expect(await sending).toMatchObject({ sent: true, text: edited });
    const note = c.ctx.db
      .prepare(`SELECT note FROM outreach_events WHERE action_id = ? AND status = 'sent'`)
      .pluck()
      .get(itemId) as string;
    expect(JSON.parse(note).body).toBe(edited);
  });

  it('a note closed unsent leaves the item planned and the ledger with nothing used', async () => {
    const c = await openReady();
    const sending = call<AssistedSendResult>(c, 'linkedin.assistedSend', { id: itemId });
    const page = await sellerPage(c);
    await page.click('button[aria-label="Dismiss"]');
    expect(await sending).toMatchObject({ sent: false, reason: 'The note was closed without sending.' });
    expect(c.ctx.db.prepare('SELECT status FROM outreach_actions WHERE id = ?').pluck().get(itemId)).toBe(
      'planned',
    );
    expect(
      c.ctx.db
        .prepare(`SELECT count(*) FROM quota_ledger WHERE quota = 'linkedin.invite' AND outcome = 'used'`)
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('is refused while the setting is off, and nothing opens', async () => {
    const c = await openReady();
    writeSettings(c.ctx.db, 'linkedin', { baseUrl: site.url, assistedSend: false }, time.clock);
    site.requests.length = 0;
    await expect(call(c, 'linkedin.assistedSend', { id: itemId })).rejects.toThrow(/Assisted send is off/);
    expect(site.requests).toEqual([]);
  });
});

describe('Open profile and the lead list', () => {
  it('opens a profile in the browser session when it runs (a profile view, within its cap), and says so when it does not', async () => {
    core = await openTestCore(t.file, t.dir, time);
    expect(
      await call(core, 'linkedin.openProfile', { url: 'https://www.linkedin.com/in/dana-whitfield' }),
    ).toEqual({
      opened: false,
    });
    await call(core, 'linkedin.open');
    expect(
      await call(core, 'linkedin.openProfile', { url: 'https://www.linkedin.com/in/dana-whitfield' }),
    ).toEqual({
      opened: true,
    });
    const urls = core.ctx.linkedin.sessions.open!.context.pages().map((p) => p.url());
    expect(urls).toContain(`${site.url}/in/dana-whitfield/`);
    // It is a profile view to LinkedIn: booked in the ledger, and refused once the day's cap is used.
    const views = () =>
      core!.ctx.db
        .prepare(
          `SELECT count(*) FROM quota_ledger WHERE quota = 'linkedin.profile_view' AND outcome = 'used'`,
        )
        .pluck()
        .get() as number;
    expect(views()).toBe(1);
    const limits = readSettings(core.ctx.db, 'outreach').limits;
    writeSettings(core.ctx.db, 'outreach', { limits: { ...limits, profile_view_day: 1 } }, time.clock);
    const before = core.ctx.linkedin.sessions.open!.context.pages().length;
    await expect(
      call(core, 'linkedin.openProfile', { url: 'https://www.linkedin.com/in/tom-becker' }),
    ).rejects.toThrow(/profile view/i);
    expect(core.ctx.linkedin.sessions.open!.context.pages().length).toBe(before);
    expect(views()).toBe(1);
  });

  it('Open profile keeps the LinkedIn rules: working hours, a wall waiting for the seller, a page that does not load', async () => {
    const c = await openReady();
    const session = () => c.ctx.linkedin.sessions.open!;
    const tabs = () => session().context.pages().length;
    const views = () =>
      c.ctx.db
        .prepare(
          `SELECT count(*) FROM quota_ledger WHERE quota = 'linkedin.profile_view' AND outcome = 'used'`,
        )
        .pluck()
        .get() as number;
    const profileRequests = () => site.requests.filter((r) => r.path.startsWith('/in/')).length;
    const dana = { url: 'https://www.linkedin.com/in/dana-whitfield' };

    // Tuesday 21:00 in Austin: after the seller's working hours; nothing opened, nothing booked.
    time.set('2025-03-05T03:00:00Z');
    await expect(call(c, 'linkedin.openProfile', dana)).rejects.toThrow(/working hours/);
    expect([tabs(), views(), profileRequests()]).toEqual([1, 0, 0]);
    time.set(TUESDAY_10AM);

    // The page does not load (the connection is refused): the view is given back, the tab closed.
    site.redirect('/in/dana-whitfield/', 'http://127.0.0.1:1/');
    await expect(call(c, 'linkedin.openProfile', dana)).rejects.toThrow(/did not open/);
    expect([tabs(), views()]).toEqual([1, 0]);

    // LinkedIn shows a security check instead: the stop is latched, the tab stays for the seller…
    site.redirect('/in/dana-whitfield/', '/checkpoint/challenge/AgFZsecuritycheck');
    await expect(call(c, 'linkedin.openProfile', dana)).rejects.toThrow(/security check/);
    expect((await call<SessionStatus>(c, 'linkedin.status')).state).toBe('stopped');
    expect([tabs(), views()]).toEqual([2, 1]);
    // …and until they press Continue, Open profile is refused: no tab, no request, no booking.
    site.reset();
    const requests = site.requests.length;
    await expect(call(c, 'linkedin.openProfile', dana)).rejects.toThrow(/security check/);
    expect([tabs(), views(), site.requests.length]).toEqual([2, 1, requests]);
    expect((await call<SessionStatus>(c, 'linkedin.continue')).state).toBe('ready');
    expect(await call(c, 'linkedin.openProfile', dana)).toEqual({ opened: true });
    expect([tabs(), views()]).toEqual([3, 2]);
  });

  it('working hours changed in Settings apply to the browser already open', async () => {
    const c = await openReady();
    const dana = { url: 'https://www.linkedin.com/in/dana-whitfield' };
    // Tuesday 21:00 in Austin: after the seller's working hours.
    time.set('2025-03-05T03:00:00Z');
    await expect(call(c, 'linkedin.openProfile', dana)).rejects.toThrow(/working hours \(09:00–17:00\)/);
    // The seller works evenings this week: the open browser follows at once, without a restart.
    const outreach = readSettings(c.ctx.db, 'outreach');
    writeSettings(
      c.ctx.db,
      'outreach',
      { ...outreach, workingHours: { ...outreach.workingHours, end: '22:00' } },
      time.clock,
    );
    expect(await call(c, 'linkedin.openProfile', dana)).toEqual({ opened: true });
  });

  it('Open profile waits for the page while a discovery run is reading it', async () => {
    const c = await openReady();
    const acme = c.ctx.db.prepare(`SELECT id FROM companies WHERE name = 'Acme Roofing'`).pluck().get();
    site.delay('/search/results/people/', 800);
    const searched = () => site.requests.some((r) => r.path === '/search/results/people/');
    await call(c, 'discovery.start', { kind: 'companies', companyIds: [acme] });
    await expect.poll(searched).toBe(true);
    // The run has the page: the profile waits its turn instead of loading next to the search.
    const opening = call(c, 'linkedin.openProfile', { url: 'https://www.linkedin.com/in/dana-whitfield' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(site.requests.filter((r) => r.path.startsWith('/in/'))).toEqual([]);
    expect(await opening).toEqual({ opened: true });
    expect(site.requests.some((r) => r.path === '/in/dana-whitfield/')).toBe(true);
  });

  it('imports the Sales Navigator lead list the seller has open, deduped against known contacts', async () => {
    const c = await openReady();
    const page = c.ctx.linkedin.sessions.open!.context.pages()[0]!;
    await page.goto(`${site.url}/sales/lists/people/7012345678901234567`);
    const report = await call<LinkedInReadReport>(c, 'linkedin.importLeadList');
    expect(report.listName).toBe('TX roofers — ATL');
    expect(report.read).toBeGreaterThan(1);
    // Dana Whitfield at Acme Roofing was already a contact (by name at the same company).
    expect(report.added).toBe(report.read - 1);
    const danas = c.ctx.db
      .prepare(`SELECT count(*) FROM contacts WHERE full_name = 'Dana Whitfield'`)
      .pluck()
      .get();
    expect(danas).toBe(1);
    // Nothing pressed Send, and a second import adds nobody.
    const again = await call<LinkedInReadReport>(c, 'linkedin.importLeadList');
    expect(again.added).toBe(0);
  });
});
