import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionActivity } from '../../../src/main/core/linkedin/pageDriver';
import { LinkedInSession } from '../../../src/main/core/linkedin/session';
import { ActionRefused, type ActionCaps, type ActionGate } from '../../../src/main/core/safety/actionGate';
import { InMemoryActionGate } from '../../../src/main/core/safety/memoryActionGate';
import type { RandomSource } from '../../../src/main/core/safety/pacing';
import { withWorkingHours } from '../../../src/main/core/safety/workingHoursGate';
import { FakeTime, sequence } from '../safety/support/fakeTime';
import { AUSTIN_HOURS, openTestBrowser, startFixtureSite, type FixtureSite } from './support/fixtureSite';

/** Pacing, the one-page lock and the gate, with a fake clock and real Chromium. */

let site: FixtureSite;
let browser: Awaited<ReturnType<typeof openTestBrowser>>;
let time: FakeTime;
let activity: (SessionActivity & { order: number })[];
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
  // Tuesday 4 March 2025, 10:00 in Austin (CST, UTC-6).
  time = new FakeTime('2025-03-04T16:00:00Z');
  activity = [];
  page = browser.context.pages()[0]!;
  await page.goto('about:blank');
});

function newSession(gate: ActionGate, random: RandomSource = sequence(0.5)): LinkedInSession {
  return new LinkedInSession({
    context: browser.context,
    gate,
    baseUrl: site.url,
    workingHours: AUSTIN_HOURS,
    clock: time.clock,
    pacing: { random, sleep: time.sleep },
    onActivity: (a) => activity.push({ ...a, order: activity.length }),
  });
}

const memoryGate = (caps?: ActionCaps) =>
  new InMemoryActionGate({ clock: time.clock, timeZone: 'America/Chicago', ...(caps ? { caps } : {}) });

const DANA = 'https://www.linkedin.com/in/dana-whitfield';
const MARCUS = 'https://www.linkedin.com/in/marcus-oyelaran-4b2a1b19';
const TOM = 'https://www.linkedin.com/in/tom-becker-8812';

/** The activity without timestamps, for comparing order. */
const steps = () =>
  activity.map((a) => {
    switch (a.type) {
      case 'task_started':
      case 'task_ended':
        return `${a.type} ${a.task}`;
      case 'navigated':
        return `navigated ${new URL(a.url).pathname}`;
      case 'paused':
      case 'dwelled':
        return `${a.type} ${a.ms}`;
      case 'reserved':
      case 'refunded':
        return `${a.type} ${a.kind}`;
      case 'clicked':
        return `clicked ${a.what}`;
      case 'stopped':
        return `stopped ${a.stop.kind}`;
    }
  });

describe('pacing', () => {
  it('runs two actions asked for at once one after the other: dwell on each, a 2–5 s pause between', async () => {
    // Random draws in order: A's dwell, B's pause, B's dwell.
    const session = newSession(memoryGate(), sequence(0.2, 0.9, 0.4));
    const [dana, marcus] = await Promise.all([session.readProfile(DANA), session.readProfile(MARCUS)]);
    expect([dana.name, marcus.name]).toEqual(['Dana Whitfield', 'Marcus Oyelaran']);
    expect(steps()).toEqual([
      'task_started read profile',
      'reserved profile_view',
      'navigated /in/dana-whitfield/',
      'dwelled 6400', // profile dwell 5–12 s at 0.2
      'task_ended read profile',
      'task_started read profile',
      'paused 4700', // 2–5 s at 0.9
      'reserved profile_view',
      'navigated /in/marcus-oyelaran-4b2a1b19/',
      'dwelled 7800', // 5–12 s at 0.4
      'task_ended read profile',
    ]);
    const at = (step: string) => activity[steps().indexOf(step)]!.at.getTime();
    expect(at('navigated /in/marcus-oyelaran-4b2a1b19/') - at('navigated /in/dana-whitfield/')).toBe(
      6400 + 4700,
    );
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(6400 + 4700 + 7800);
    expect(browser.context.pages()).toHaveLength(1);
  });

  it('keeps every pause between 2 and 5 s, whatever the random draw', async () => {
    // Draws alternate pause / dwell; the pauses get 0, 0.99999 and 0.5.
    const session = newSession(memoryGate(), sequence(0.3, 0, 0.3, 0.99999, 0.3, 0.5, 0.3));
    await Promise.all([DANA, MARCUS, TOM, DANA].map((url) => session.readProfile(url)));
    const pauses = activity.flatMap((a) => (a.type === 'paused' ? [a.ms] : []));
    expect(pauses).toEqual([2000, 5000, 3500]);
    // Each task starts only after the one before it ended.
    const starts = activity.filter((a) => a.type === 'task_started').map((a) => a.order);
    const ends = activity.filter((a) => a.type === 'task_ended').map((a) => a.order);
    for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThan(ends[i - 1]!);
    expect(site.requests.map((r) => r.path)).toEqual([
      '/in/dana-whitfield/',
      '/in/marcus-oyelaran-4b2a1b19/',
      '/in/tom-becker-8812/',
      '/in/dana-whitfield/',
    ]);
  });

  it('holds the page for an invite while the seller decides; a read asked for meanwhile waits, and can be cancelled', async () => {
    const session = newSession(memoryGate());
    const invite = session.sendInvite(DANA, 'Hello Dana, good to meet you.', { pollMs: 50, graceMs: 200 });
    await expect
      .poll(
        () =>
          page
            .locator('#custom-message')
            .inputValue()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toBe('Hello Dana, good to meet you.');
    const cancel = new AbortController();
    const cancelled = session.readProfile(MARCUS, { signal: cancel.signal });
    const waiting = session.readProfile(TOM);
    expect(session.queued).toBe(3);
    cancel.abort(new Error('the seller cancelled the job'));
    await expect(cancelled).rejects.toThrow('the seller cancelled the job');
    await page.waitForTimeout(300);
    expect(site.requests.map((r) => r.path)).toEqual(['/in/dana-whitfield/']);

    await page.click('#artdeco-modal-outlet button[aria-label="Dismiss"]');
    expect(await invite).toMatchObject({ sent: false, reason: 'dismissed' });
    expect((await waiting).name).toBe('Tom Becker');
    expect(site.requests.map((r) => r.path)).toEqual(['/in/dana-whitfield/', '/in/tom-becker-8812/']);
    expect(session.queued).toBe(0);
  });
});

describe('the gate', () => {
  it('refuses past a daily cap before anything is loaded, and says when to try again: 09:00 the next morning', async () => {
    const session = newSession(memoryGate({ profile_view: { perDay: 2 } }));
    await session.readProfile(DANA);
    await session.readProfile(MARCUS);
    const error = await session.readProfile(TOM).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionRefused);
    expect(error).toMatchObject({
      code: 'quota_exceeded',
      kind: 'profile_view',
      reason: 'daily_cap',
      message: "The day's 2 profile views are used up.",
      // The cap resets at midnight in Austin; the next working window opens at 09:00 CST.
      retryAt: new Date('2025-03-05T15:00:00Z'),
    });
    expect(site.requests).toHaveLength(2);
  });

  it('outside working hours loads nothing and says when the next window opens', async () => {
    time.set('2025-03-07T23:00:00Z'); // Friday 17:00 in Austin
    const gate = memoryGate();
    const session = newSession(gate);
    await expect(session.findPeopleAtCompany({ name: 'Acme Roofing' })).rejects.toMatchObject({
      code: 'not_allowed',
      reason: 'outside_working_hours',
      // Monday 09:00 CDT: the US changed clocks on Sunday 9 March.
      retryAt: new Date('2025-03-10T14:00:00Z'),
    });
    expect(site.requests).toEqual([]);
    expect(gate.bookings).toEqual([]);
    time.set('2025-03-07T22:59:00Z'); // 16:59, a fresh session (no pause pending)
    expect((await newSession(gate).readProfile(DANA)).name).toBe('Dana Whitfield');
  });

  it('can leave working hours to a gate that already applies them', async () => {
    time.set('2025-03-08T16:00:00Z'); // Saturday
    const session = new LinkedInSession({
      context: browser.context,
      gate: withWorkingHours(memoryGate(), { hours: AUSTIN_HOURS, clock: time.clock }),
      workingHours: null,
      baseUrl: site.url,
      clock: time.clock,
      pacing: { sleep: time.sleep },
    });
    await expect(session.readProfile(DANA)).rejects.toMatchObject({ reason: 'outside_working_hours' });
  });
});
