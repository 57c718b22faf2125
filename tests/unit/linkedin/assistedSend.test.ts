import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionActivity } from '../../../src/main/core/linkedin/pageDriver';
import { LinkedInSession } from '../../../src/main/core/linkedin/session';
import { InMemoryActionGate } from '../../../src/main/core/safety/memoryActionGate';
import { FakeTime, sequence } from '../safety/support/fakeTime';
import { AUSTIN_HOURS, openTestBrowser, startFixtureSite, type FixtureSite } from './support/fixtureSite';

/**
 * Assisted sending in real Chromium: we pre-fill, the test plays the seller and presses Send (or
 * not), and the fixture page counts every Send click, so "we never click Send" is checked.
 */

let site: FixtureSite;
let browser: Awaited<ReturnType<typeof openTestBrowser>>;
let time: FakeTime;
let gate: InMemoryActionGate;
let session: LinkedInSession;
let activity: SessionActivity[];
let page: Page;

beforeAll(async () => {
  site = await startFixtureSite();
  browser = await openTestBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  site.reset();
  site.requests.length = 0;
  time = new FakeTime('2025-03-04T16:00:00Z');
  gate = new InMemoryActionGate({ clock: time.clock, timeZone: 'America/Chicago' });
  activity = [];
  session = new LinkedInSession({
    context: browser.context,
    gate,
    baseUrl: site.url,
    workingHours: AUSTIN_HOURS,
    clock: time.clock,
    pacing: { random: sequence(0.5), sleep: time.sleep },
    onActivity: (a) => activity.push(a),
  });
  page = browser.context.pages()[0]!;
  await page.goto('about:blank');
});

const DANA = 'https://www.linkedin.com/in/dana-whitfield';
const NOTE =
  'Hi Dana, I saw Acme Roofing took on the hail claims around Round Rock this spring. We help roofing teams turn insurance paperwork around in a day. Open to comparing notes?';
const QUICK = { pollMs: 50, graceMs: 300 };

function watch<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  return { promise, settled: () => done };
}

const sendClicks = () =>
  page.evaluate(() => (window as unknown as { __fixture: { sendClicks: number } }).__fixture.sendClicks);
const clicked = () => activity.flatMap((a) => (a.type === 'clicked' ? [a.what] : []));
const noteBox = () => page.locator('#custom-message');

describe('an invitation with a note', () => {
  it('is pre-filled and left for the seller; when they press Send we report it sent', async () => {
    const run = watch(session.sendInvite(DANA, NOTE, QUICK));
    await expect
      .poll(
        () =>
          noteBox()
            .inputValue()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toBe(NOTE);
    expect(await page.locator('.custom-message-counter').textContent()).toBe(`${NOTE.length}/300`);
    expect(await page.locator('button[aria-label="Send invitation"]').isEnabled()).toBe(true);
    // We are waiting, and have pressed nothing: a second later still no Send and no outcome.
    await page.waitForTimeout(1000);
    expect(await sendClicks()).toBe(0);
    expect(run.settled()).toBe(false);
    expect(await page.locator('button[aria-label^="Pending"]').count()).toBe(0);

    await page.click('button[aria-label="Send invitation"]'); // the seller
    const outcome = await run.promise;
    expect(outcome).toEqual({ sent: true, at: time.clock.now(), text: NOTE });
    expect(await sendClicks()).toBe(1);
    expect(clicked()).toEqual(['Connect', 'Add a note']);
    expect(gate.used('invite')).toBe(1);
    expect(gate.used('profile_view')).toBe(1);
    expect(site.requests.map((r) => r.path)).toEqual(['/in/dana-whitfield/']);
  });

  it('reports the note as the seller sent it, after their edits', async () => {
    const run = watch(session.sendInvite(DANA, NOTE, QUICK));
    await expect
      .poll(
        () =>
          noteBox()
            .inputValue()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toBe(NOTE);
    const edited = 'Hi Dana, Jordan Lee suggested I reach out about your hail season. Open to a quick call?';
    await noteBox().fill(edited);
    await page.waitForTimeout(300);
    await page.click('button[aria-label="Send invitation"]');
    expect(await run.promise).toMatchObject({ sent: true, text: edited });
    expect(
      await page.evaluate(
        () => (window as unknown as { __fixture: { sentNote: string } }).__fixture.sentNote,
      ),
    ).toBe(edited);
  });

  it('finds Connect under More when the profile shows Follow first', async () => {
    const run = watch(
      session.sendInvite('https://www.linkedin.com/in/marcus-oyelaran-4b2a1b19', NOTE, QUICK),
    );
    await expect
      .poll(
        () =>
          noteBox()
            .inputValue()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toBe(NOTE);
    expect(await sendClicks()).toBe(0);
    await page.click('button[aria-label="Send invitation"]');
    expect(await run.promise).toMatchObject({ sent: true, text: NOTE });
    expect(clicked()).toEqual(['More', 'Connect', 'Add a note']);
    // Follow stays the primary button here, so the toast is what says "sent".
    expect(await page.locator('main button[aria-label^="Pending"]').count()).toBe(0);
    expect(await sendClicks()).toBe(1);
  });

  it('takes a note of exactly 300 characters whole', async () => {
    const note = `Hi Dana, ${'hail season is a race; '.repeat(13)}`.slice(0, 299) + '.';
    expect(note).toHaveLength(300);
    const run = watch(session.sendInvite(DANA, note, QUICK));
    await expect
      .poll(
        () =>
          noteBox()
            .inputValue()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toBe(note);
    expect(await page.locator('.custom-message-counter').textContent()).toBe('300/300');
    await page.click('button[aria-label="Send invitation"]');
    expect(await run.promise).toMatchObject({ sent: true, text: note });
  });

  it('refuses a note over 300 characters before opening anything', async () => {
    const note = 'x'.repeat(301);
    await expect(session.sendInvite(DANA, note)).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'The invitation note has 301 characters; LinkedIn allows 300. Shorten it by 1.',
    });
    expect(site.requests).toEqual([]);
    expect(gate.bookings).toEqual([]);
    expect(page.url()).toBe('about:blank');
  });

  it('refuses a note longer than this account may send (free accounts get 200), without cutting it', async () => {
    site.serve('/in/dana-whitfield/', 'profile-dana-whitfield-free-account.html');
    const note = `${NOTE} Happy to share what worked for other Central Texas roofers this season.`;
    expect(note.length).toBeGreaterThan(200);
    await expect(session.sendInvite(DANA, note, QUICK)).rejects.toMatchObject({
      code: 'invalid_input',
      message: `LinkedIn allows this account notes of up to 200 characters; this one has ${note.length}.`,
    });
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    expect(await sendClicks()).toBe(0);
    expect(gate.used('invite')).toBe(0);
  });

  it('counts a dismissed dialog as not sent and gives the invitation back', async () => {
    const run = watch(session.sendInvite(DANA, NOTE, QUICK));
    await expect
      .poll(
        () =>
          noteBox()
            .inputValue()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toBe(NOTE);
    await page.click('#artdeco-modal-outlet button[aria-label="Dismiss"]'); // the seller changes their mind
    expect(await run.promise).toEqual({ sent: false, reason: 'dismissed', at: time.clock.now() });
    expect(await sendClicks()).toBe(0);
    expect(gate.used('invite')).toBe(0);
    expect(gate.used('profile_view')).toBe(1);
  });

  it('on timeout closes the dialog (so nothing goes out unrecorded) and gives the invitation back', async () => {
    const outcome = await session.sendInvite(DANA, NOTE, { ...QUICK, timeoutMs: 800 });
    expect(outcome).toMatchObject({ sent: false, reason: 'timeout' });
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    expect(await sendClicks()).toBe(0);
    expect(gate.used('invite')).toBe(0);
  });

  it('stops waiting when cancelled, closes the dialog and gives the invitation back', async () => {
    const cancel = new AbortController();
    const run = watch(session.sendInvite(DANA, NOTE, { ...QUICK, signal: cancel.signal }));
    await expect
      .poll(
        () =>
          noteBox()
            .inputValue()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toBe(NOTE);
    cancel.abort(new Error('cancelled by the seller'));
    await expect(run.promise).rejects.toThrow('cancelled by the seller');
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    expect(await sendClicks()).toBe(0);
    expect(gate.used('invite')).toBe(0);
  });

  it('does nothing for someone already invited or already connected', async () => {
    const renee = await session.sendInvite('https://www.linkedin.com/in/renee-castillo-cpa', NOTE, QUICK);
    expect(renee).toMatchObject({ sent: false, reason: 'already_pending' });
    const priya = await session.sendInvite('https://www.linkedin.com/in/priya-raman', NOTE, QUICK);
    expect(priya).toMatchObject({ sent: false, reason: 'already_connected' });
    expect(clicked()).toEqual([]);
    expect(gate.used('invite')).toBe(0);
    expect(gate.used('profile_view')).toBe(2);
  });
});

describe('an InMail', () => {
  const MESSAGE = {
    subject: 'Hail season at Acme Roofing',
    body: 'Hi Tom, your crews must be stretched after this spring.\n\nWe schedule roofing crews around permits automatically. Worth 15 minutes?',
  };
  const inmailSends = () =>
    page.evaluate(() => (window as unknown as { __fixture: { inmailSends: number } }).__fixture.inmailSends);

  it('opens the composer, pre-fills subject and body, and reports the seller’s Send', async () => {
    const run = watch(session.sendInMail('https://www.linkedin.com/in/tom-becker-8812', MESSAGE, QUICK));
    // Two paragraphs, as LinkedIn's editor keeps them.
    await expect
      .poll(() => page.locator('.msg-form__contenteditable > p').allTextContents(), { timeout: 15_000 })
      .toEqual([
        'Hi Tom, your crews must be stretched after this spring.',
        '',
        'We schedule roofing crews around permits automatically. Worth 15 minutes?',
      ]);
    expect(await page.locator('.msg-form__subject input').inputValue()).toBe(MESSAGE.subject);
    await page.waitForTimeout(500);
    expect(await inmailSends()).toBe(0);
    expect(run.settled()).toBe(false);

    await page.click('.msg-form__send-button'); // the seller
    const outcome = await run.promise;
    expect(outcome).toEqual({
      sent: true,
      at: time.clock.now(),
      subject: MESSAGE.subject,
      text: MESSAGE.body,
    });
    expect(await inmailSends()).toBe(1);
    expect(
      await page.evaluate(
        () => (window as unknown as { __fixture: { sentInMail: unknown } }).__fixture.sentInMail,
      ),
    ).toEqual({ subject: MESSAGE.subject, body: MESSAGE.body });
    expect(clicked()).toEqual(['Message']);
    expect(gate.used('inmail')).toBe(1);
  });

  it('counts a closed composer as not sent and gives the InMail credit back', async () => {
    const run = watch(session.sendInMail('https://www.linkedin.com/in/tom-becker-8812', MESSAGE, QUICK));
    await expect
      .poll(
        () =>
          page
            .locator('.msg-form__subject input')
            .inputValue()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toBe(MESSAGE.subject);
    await page.click('button[aria-label="Close your conversation with Tom Becker"]');
    expect(await run.promise).toMatchObject({ sent: false, reason: 'dismissed' });
    expect(await inmailSends()).toBe(0);
    expect(gate.used('inmail')).toBe(0);
  });

  it('refuses an empty or overlong InMail before opening anything', async () => {
    await expect(session.sendInMail(DANA, { subject: 'Hi', body: '  ' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(session.sendInMail(DANA, { subject: 'Hi', body: 'y'.repeat(1901) })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(site.requests).toEqual([]);
  });
});
