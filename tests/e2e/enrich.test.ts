import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeBrowser, startHarness, type Harness } from './harness/harness';
import { FakeDns } from '../fakes/fakeDns';
import { FakeHunter } from '../fakes/fakeHunter';
import { fixedClock, seedPeople } from '../helpers/exportSeed';
import { WORLD_COMPANIES, WORLD_PEOPLE, WORLD_ZONE } from '../helpers/enrichWorld';
import { openDatabase } from '../../src/main/core/db/database';
import { writeSettings } from '../../src/main/core/settings/settingsStore';
import { SecretStore } from '../../src/main/core/secrets/secretStore';

/**
 * Finding emails from the UI, in Chromium over the real core and job worker: the Hunter key from
 * the (test) keychain, Hunter a fake v2 server on 127.0.0.1, DNS a server on 127.0.0.1. The drawer
 * shows each address with how it was found, its confidence, status and catch-all.
 */
describe('Find emails in Chromium', () => {
  let app: Harness | null = null;
  let hunter: FakeHunter;
  let dns: FakeDns;
  beforeEach(async () => {
    hunter = await FakeHunter.start({ companies: WORLD_COMPANIES });
    dns = await FakeDns.start(WORLD_ZONE);
  });
  afterEach(async () => {
    if (app) await new SecretStore(app.keychainService).delete('hunter');
    await app?.close();
    app = null;
    await hunter.close();
    await dns.close();
  });
  afterAll(closeBrowser);

  const openContact = async (name: string) => {
    const { page } = app!;
    const drawer = page.getByTestId('detail-drawer');
    // The list refetches when a run ends (scores change, rows move): a click can land on the row
    // that moved under it, so click again until the drawer shows the one asked for.
    await expect
      .poll(async () => {
        await page.locator('[data-testid="vrow"]', { hasText: name }).first().click();
        return drawer.locator('h2').textContent();
      })
      .toBe(name);
    return drawer;
  };

  it('finds one person’s email from the drawer, then everyone’s from the list, with the evidence', async () => {
    app = await startHarness({
      startPage: 'records',
      async seed(dbPath) {
        const db = openDatabase(dbPath);
        await seedPeople(db, path.dirname(dbPath), WORLD_PEOPLE);
        writeSettings(
          db,
          'enrich',
          { hunterBaseUrl: `${hunter.url}/v2`, dnsServers: [dns.server] },
          fixedClock(),
        );
        db.close();
      },
    });
    await new SecretStore(app.keychainService).save('hunter', 'test-key');
    const { page } = app;

    // One person, from the drawer.
    let drawer = await openContact('Ann Lee');
    await expect.poll(() => drawer.textContent()).toContain('No email known yet.');
    await drawer.getByTestId('find-emails-start').click();
    const ann = drawer.locator('[data-testid="email-evidence"][data-email="ann.lee@acme.com"]');
    await expect.poll(() => ann.getAttribute('data-status')).toBe('verified');
    await expect.poll(() => ann.textContent()).toContain('Hunter domain search');
    expect(await ann.textContent()).toContain('Hunter verifier: valid');
    expect(hunter.count('domain-search')).toBe(1);
    await page.getByRole('button', { name: 'Close details' }).click();

    // Everyone else without an email, from the list.
    await page.getByTestId('find-emails-start').click();
    const report = page.getByTestId('find-emails-report');
    // Guesses are not an email known: Fay, Dee and Cy have guesses only, to be tried again.
    await expect
      .poll(() => report.textContent())
      .toMatch(/^3 of 6 now have a verified email; 3 have guesses only \(1 unknown, 2 risky\)/);
    // acme.com was paid for once this month: the second run took it from the cache.
    expect(
      hunter.requests.filter((r) => r.endpoint === 'domain-search' && r.params.domain === 'acme.com'),
    ).toHaveLength(1);

    // Bob: guessed with the pattern Ann's verified address taught acme.com, so verified.
    drawer = await openContact('Bob Stone');
    const bob = drawer.locator('[data-testid="email-evidence"][data-email="bob.stone@acme.com"]');
    await expect.poll(() => bob.getAttribute('data-status')).toBe('verified');
    const bobText = (await bob.textContent()) ?? '';
    expect(bobText).toContain('guessed: first.last pattern');
    expect(bobText).toContain('learned from the verified address ann.lee@acme.com');
    expect(bobText).toContain('95%');
    // A verified address: nothing left to find for Bob.
    expect(await drawer.getByTestId('find-emails-start').count()).toBe(0);

    // Fay: a catch-all domain, noted, and nothing there called verified.
    drawer = await openContact('Fay Ng');
    const fay = drawer.getByTestId('email-evidence');
    await expect.poll(() => fay.count()).toBeGreaterThan(0);
    expect(await fay.first().textContent()).toContain('catch-all domain');
    for (const status of await fay.evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))
      expect(status).not.toBe('verified');
    // Guesses only: Find an email is still offered, for a run with more luck (or credit).
    expect(await drawer.getByTestId('find-emails-start').count()).toBe(1);

    // Dee: a domain that takes no mail; risky, and no credit was spent on it.
    drawer = await openContact('Dee Park');
    const dee = drawer.getByTestId('email-evidence').first();
    await expect.poll(() => dee.getAttribute('data-status')).toBe('risky');
    expect(await dee.textContent()).toContain('no MX record');
    expect(hunter.requests.some((r) => r.params.domain === 'deltamech.com')).toBe(false);

    // Credits spent on hunter.io itself count once synced: the Quotas page's button asks Hunter.
    await page.getByRole('button', { name: 'Close details' }).click();
    await app.goto('quotas');
    const meter = page.locator(
      '[data-testid="meter"][data-quota="hunter_search_month"] [data-testid="meter-figures"]',
    );
    await expect.poll(() => meter.textContent()).toBe(`${hunter.charged('searches')} of 25`);
    hunter.used.searches = 20;
    await page.getByTestId('sync-credits-start').click();
    await expect
      .poll(() => page.getByTestId('sync-credits-result').textContent())
      .toContain('20 of 100000 searches');
    await expect.poll(() => meter.textContent()).toBe('20 of 25');
    expect(app.pageErrors).toEqual([]);
  });
});
