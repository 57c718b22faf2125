import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedInProfileDir, openLinkedInBrowser } from '../../../src/main/core/linkedin/launch';
import { LinkedInSession } from '../../../src/main/core/linkedin/session';
import { InMemoryActionGate } from '../../../src/main/core/safety/memoryActionGate';
import { chromiumPath, CHROMIUM_TEST_ARGS } from '../../e2e/harness/browser';
import { tempDir } from '../../helpers/paths';
import { FakeTime, sequence } from '../safety/support/fakeTime';
import { startFixtureSite, type FixtureSite } from './support/fixtureSite';

/** The seller signs in once: the session lives in our own persistent browser profile. */

let site: FixtureSite;
const data = tempDir('pd-linkedin-data-');

beforeAll(async () => {
  site = await startFixtureSite();
});

afterAll(async () => {
  await site?.close();
  data.cleanup();
});

describe('the LinkedIn browser', () => {
  const profileDir = linkedInProfileDir(data.dir);
  const launch = () => {
    const time = new FakeTime('2025-03-04T16:00:00Z');
    return LinkedInSession.launch({
      executablePath: chromiumPath(),
      profileDir,
      headless: true,
      args: [...CHROMIUM_TEST_ARGS],
      gate: new InMemoryActionGate({ clock: time.clock, timeZone: 'UTC' }),
      baseUrl: site.url,
      workingHours: { days: [2], start: '09:00', end: '17:00', timeZone: 'UTC' },
      clock: time.clock,
      pacing: { random: sequence(0.5), sleep: time.sleep },
    });
  };

  it('keeps the sign-in across restarts, in the app’s data folder', async () => {
    expect(profileDir).toBe(`${data.dir}/linkedin-browser`);
    const first = await launch();
    const signIn = first.waitForSellerSignIn({ pollMs: 50 });
    const page = first.context.pages()[0]!;
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${site.url}/login`);
    // The seller signs in; LinkedIn sets its session cookie.
    await page.evaluate(() => {
      document.cookie = 'li_at=AQEDAfixture; max-age=31536000; path=/';
    });
    await page.fill('#username', 'riley@example.com');
    await page.fill('#password', 'not stored anywhere');
    await page.click('button[aria-label="Sign in"]');
    expect(await signIn).toBe(true);
    await first.close();

    const again = await openLinkedInBrowser({
      executablePath: chromiumPath(),
      profileDir,
      headless: true,
      args: [...CHROMIUM_TEST_ARGS],
    });
    try {
      const cookies = await again.cookies(site.url);
      expect(cookies.map((c) => [c.name, c.value])).toEqual([['li_at', 'AQEDAfixture']]);
    } finally {
      await again.close();
    }
  });

  it('says so plainly when the window is already open', async () => {
    const open = await openLinkedInBrowser({
      executablePath: chromiumPath(),
      profileDir,
      headless: true,
      args: [...CHROMIUM_TEST_ARGS],
    });
    try {
      await expect(
        openLinkedInBrowser({
          executablePath: chromiumPath(),
          profileDir,
          headless: true,
          args: [...CHROMIUM_TEST_ARGS],
        }),
      ).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(
          /^Could not open the browser for LinkedIn .* If its window is already open, close it/,
        ),
      });
    } finally {
      await open.close();
    }
  });
});

describe('a closed window', () => {
  it('is said in words, and the session refuses further work', async () => {
    const time = new FakeTime('2025-03-04T16:00:00Z');
    const session = await LinkedInSession.launch({
      executablePath: chromiumPath(),
      profileDir: tempDir('pd-linkedin-closed-').dir,
      headless: true,
      args: [...CHROMIUM_TEST_ARGS],
      gate: new InMemoryActionGate({ clock: time.clock, timeZone: 'UTC' }),
      baseUrl: site.url,
      workingHours: { days: [2], start: '09:00', end: '17:00', timeZone: 'UTC' },
      clock: time.clock,
      pacing: { random: sequence(0.5), sleep: time.sleep },
    });
    expect((await session.readProfile('dana-whitfield')).name).toBe('Dana Whitfield');
    await session.context.close(); // the seller closes the window
    await expect(session.readProfile('dana-whitfield')).rejects.toMatchObject({
      code: 'unavailable',
      message: 'The LinkedIn browser window was closed. Open it again to go on.',
    });
  });
});
