import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LinkedInSession } from '../../../src/main/core/linkedin/session';
import { detectStop, LinkedInStop } from '../../../src/main/core/linkedin/stop';
import { InMemoryActionGate } from '../../../src/main/core/safety/memoryActionGate';
import { FakeTime, sequence } from '../safety/support/fakeTime';
import { AUSTIN_HOURS, openTestBrowser, startFixtureSite, type FixtureSite } from './support/fixtureSite';

/**
 * Every wall LinkedIn can put up stops the session with a typed LinkedInStop, and after it nothing
 * else is loaded or booked until the seller clears it.
 */

let site: FixtureSite;
let browser: Awaited<ReturnType<typeof openTestBrowser>>;
let time: FakeTime;
let gate: InMemoryActionGate;
let session: LinkedInSession;
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
  // Wednesday 5 March 2025, 10:00 in Austin.
  time = new FakeTime('2025-03-05T16:00:00Z');
  gate = new InMemoryActionGate({ clock: time.clock, timeZone: 'America/Chicago' });
  session = new LinkedInSession({
    context: browser.context,
    gate,
    baseUrl: site.url,
    workingHours: AUSTIN_HOURS,
    clock: time.clock,
    pacing: { random: sequence(0.5), sleep: time.sleep },
  });
  page = browser.context.pages()[0]!;
  await page.goto('about:blank');
});

const DANA = 'https://www.linkedin.com/in/dana-whitfield';
const MARCUS = 'https://www.linkedin.com/in/marcus-oyelaran-4b2a1b19';

async function caught(promise: Promise<unknown>): Promise<LinkedInStop> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinkedInStop);
  return error as LinkedInStop;
}

/** After a stop: the next calls throw the same stop, load nothing and book nothing. */
async function expectNothingMoreHappens(stop: LinkedInStop): Promise<void> {
  const requests = site.requests.length;
  const bookings = gate.bookings.length;
  const url = page.url();
  expect(session.stop).toBe(stop);
  await expect(session.readProfile(MARCUS)).rejects.toBe(stop);
  await expect(session.findPeopleAtCompany({ name: 'Acme Roofing' })).rejects.toBe(stop);
  await expect(session.sendInvite(MARCUS, 'Hello Marcus')).rejects.toBe(stop);
  expect(site.requests.length).toBe(requests);
  expect(gate.bookings.length).toBe(bookings);
  expect(page.url()).toBe(url);
}

describe('a full stop', () => {
  it('on the login wall: logged_out', async () => {
    site.redirect(
      '/in/dana-whitfield/',
      '/authwall?trk=bf&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fdana-whitfield',
    );
    const stop = await caught(session.readProfile(DANA));
    expect(stop.kind).toBe('logged_out');
    expect(stop.url).toBe(
      `${site.url}/authwall?trk=bf&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fdana-whitfield`,
    );
    expect(stop.message).toBe(
      'LinkedIn has signed you out. Sign in again in the Prospect Desk browser window, then press Continue.',
    );
    expect(stop.code).toBe('not_allowed');
    await expectNothingMoreHappens(stop);
  });

  it('on the sign-in page: logged_out', async () => {
    site.redirect('/mynetwork/invite-connect/connections/', '/login?session_redirect=%2Fmynetwork%2F');
    const stop = await caught(session.readConnections());
    expect(stop.kind).toBe('logged_out');
    await expectNothingMoreHappens(stop);
  });

  it('on a security check: checkpoint', async () => {
    site.redirect('/in/dana-whitfield/', '/checkpoint/challenge/AgFZsecuritycheck?ut=2x8fixture');
    const stop = await caught(session.readProfile(DANA));
    expect(stop.kind).toBe('checkpoint');
    expect(stop.message).toMatch(/security check/);
    await expectNothingMoreHappens(stop);
  });

  it('on a captcha: captcha', async () => {
    site.redirect('/search/results/people/', '/checkpoint/challenge/AgHcaptcha');
    const stop = await caught(session.findPeopleAtCompany({ name: 'Acme Roofing' }));
    expect(stop.kind).toBe('captcha');
    expect(stop.message).toMatch(/captcha/);
    await expectNothingMoreHappens(stop);
  });

  it("on LinkedIn's search limit notice: limit_notice for searches, and the gate refuses searches until the month turns", async () => {
    site.serve('/search/results/people/', 'search-limit-notice.html');
    const stop = await caught(session.findPeopleAtCompany({ name: 'Acme Roofing' }));
    expect(stop.kind).toBe('limit_notice');
    expect(stop.limitedAction).toBe('search');
    expect(stop.notice).toBe('You’ve reached the monthly limit for profile searches');
    expect(stop.message).toBe(
      'LinkedIn says: “You’ve reached the monthly limit for profile searches”. Prospect Desk has stopped until the limit resets.',
    );
    await expectNothingMoreHappens(stop);
    expect(await gate.reserve('search')).toEqual({
      ok: false,
      reason: 'limit_notice',
      message:
        'LinkedIn said "You’ve reached the monthly limit for profile searches"; no searches until the limit resets.',
      retryAt: new Date('2025-04-01T05:00:00Z'),
    });
  });

  it("on LinkedIn's weekly invitation limit after Connect: limit_notice, the invite given back, the notice left on screen", async () => {
    const stop = await caught(
      session.sendInvite('https://www.linkedin.com/in/alicia-moreno-tx', 'Hello Alicia'),
    );
    expect(stop.kind).toBe('limit_notice');
    expect(stop.limitedAction).toBe('invite');
    expect(stop.notice).toBe('You’ve reached the weekly invitation limit');
    expect(gate.used('invite')).toBe(0);
    expect(await page.locator('[role="alertdialog"]').isVisible()).toBe(true);
    expect(
      await page.evaluate(
        () => (window as unknown as { __fixture: { sendClicks: number } }).__fixture.sendClicks,
      ),
    ).toBe(0);
    await expectNothingMoreHappens(stop);
    // Monday 10 March, 00:00 in Austin (CDT by then).
    expect(await gate.reserve('invite')).toMatchObject({
      ok: false,
      reason: 'limit_notice',
      retryAt: new Date('2025-03-10T05:00:00Z'),
    });
  });

  it('mid-run: the pages before the stop are reported, nothing after it is loaded', async () => {
    site.redirect(
      '/search/results/people/?keywords=%22Acme+Roofing%22&titleFreeText=CEO&origin=FACETED_SEARCH&page=2',
      '/checkpoint/challenge/AgFZsecuritycheck',
    );
    const pages: number[] = [];
    const stop = await caught(
      session.findPeopleAtCompany(
        { name: 'Acme Roofing' },
        { titleKeywords: ['CEO'], onPage: ({ page: n }) => void pages.push(n) },
      ),
    );
    expect(stop.kind).toBe('checkpoint');
    expect(pages).toEqual([1]);
    expect(site.requests.map((r) => r.path)).toEqual([
      '/search/results/people/',
      '/search/results/people/',
      '/checkpoint/challenge/AgFZsecuritycheck',
    ]);
    await expectNothingMoreHappens(stop);
  });

  it('lifts when the seller has dealt with it and presses Continue', async () => {
    site.redirect('/in/dana-whitfield/', '/checkpoint/challenge/AgFZsecuritycheck');
    await caught(session.readProfile(DANA));
    site.reset();
    session.clearStop();
    expect(session.stop).toBeNull();
    expect((await session.readProfile(DANA)).name).toBe('Dana Whitfield');
  });
});

describe('signing in', () => {
  it('waits on the sign-in page while the seller signs in, then lifts a logged-out stop', async () => {
    site.redirect('/in/dana-whitfield/', '/authwall');
    await caught(session.readProfile(DANA));
    const signIn = session.waitForSellerSignIn({ pollMs: 50 });
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${site.url}/login`);
    // The seller types; we never touch these fields.
    await page.fill('#username', 'riley@example.com');
    await page.fill('#password', 'correct horse battery staple');
    await page.click('button[aria-label="Sign in"]');
    expect(await signIn).toBe(true);
    expect(session.stop).toBeNull();
    site.reset();
    expect((await session.readProfile(DANA)).name).toBe('Dana Whitfield');
  });

  it('gives up after the timeout when nobody signs in', async () => {
    expect(await session.waitForSellerSignIn({ pollMs: 50, timeoutMs: 400 })).toBe(false);
  });
});

describe('limit notices are read only where LinkedIn shows them', () => {
  it('ignores the words in ordinary page text and in hidden dialogs', async () => {
    await page.setContent(`
      <main><p class="text-body-medium">LinkedIn coach: how to never hit the weekly invitation limit</p></main>
      <div role="dialog" hidden>You’ve reached the weekly invitation limit</div>`);
    expect(await detectStop(page)).toBeNull();
  });

  it('reads them in alerts, and tells InMail credits from invitations', async () => {
    await page.setContent(
      `<div role="alert"><p>Sorry, you’re out of InMail credits.</p><p>Buy more.</p></div>`,
    );
    const stop = await detectStop(page);
    expect(stop?.kind).toBe('limit_notice');
    expect(stop?.limitedAction).toBe('inmail');
    expect(stop?.notice).toBe('Sorry, you’re out of InMail credits.');
  });
});
