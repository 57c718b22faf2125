import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PAGES } from '../../src/renderer/src/pages/routes';
import { COUNT_JOB, REAL_FIXTURES, ROOT } from '../helpers/paths';
import { closeBrowser, startHarness } from '../e2e/harness/harness';
import { seedCsv } from '../helpers/seed';
import { seedOutreach, seedOutreachHistory } from '../helpers/outreachSeed';
import { fixedClock, seedPeople } from '../helpers/exportSeed';
import { FakeClose } from '../fakes/fakeClose';
import { FakeDns } from '../fakes/fakeDns';
import { FakeHunter } from '../fakes/fakeHunter';
import { WORLD_COMPANIES, WORLD_PEOPLE, WORLD_ZONE } from '../helpers/enrichWorld';
import { openDatabase } from '../../src/main/core/db/database';
import { writeSettings } from '../../src/main/core/settings/settingsStore';
import { SecretStore } from '../../src/main/core/secrets/secretStore';
import { createBackup } from '../../src/main/core/backups/backupStore';
import { systemClock } from '../../src/main/core/clock';
import { fillDashboardFixture } from '../helpers/dashboardFixture';
import { fillPipeline } from '../helpers/pipeline';
import { damagePage } from '../helpers/damage';

const OUT_DIR = path.join(ROOT, 'docs/screenshots');

afterAll(closeBrowser);

/** One screenshot per page, plus the status area with a job running, for the README. */
it('writes a screenshot of every page', async () => {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const app = await startHarness({ extraJobModules: [COUNT_JOB], viewport: { width: 1280, height: 800 } });
  try {
    for (const { id } of PAGES) {
      await app.goto(id);
      await app.page.waitForLoadState('networkidle');
      if (id === 'settings') await app.page.getByTestId('secret-close').waitFor();
      await app.page.screenshot({ path: path.join(OUT_DIR, `${id}.png`) });
    }
    // The import wizard on a real file: mapping, the check, the report.
    await app.goto('import');
    await app.dropFiles([path.join(REAL_FIXTURES, 'cslb/cslb_masterlicensedata_sample_noheader.csv')]);
    await app.page.getByTestId('mapping-step').waitFor();
    await app.page.screenshot({ path: path.join(OUT_DIR, 'import-mapping.png') });
    await app.page.getByTestId('check-file').click();
    await app.page.getByTestId('review-step').waitFor();
    await app.page.screenshot({ path: path.join(OUT_DIR, 'import-check.png') });
    await app.page.getByTestId('start-import').click();
    await app.page.getByTestId('import-report').waitFor();
    await app.page.getByTestId('history-row').first().waitFor();
    await app.page.screenshot({ path: path.join(OUT_DIR, 'import-done.png') });

    await app.core.startJob('test.count', { total: 20_000, delayMs: 2 });
    await app.page.getByTestId('job-eta').filter({ hasText: 'left' }).waitFor();
    await app.page
      .getByTestId('job-count')
      .filter({ hasText: /^[1-9],\d{3} of/ })
      .waitFor();
    await app.page.screenshot({ path: path.join(OUT_DIR, 'job-running.png') });
    // Review with doubtful pairs waiting, from two overlapping lists.
    const review = await startHarness({
      startPage: 'review',
      viewport: { width: 1280, height: 800 },
      seed: (db) =>
        seedCsv(
          db,
          'overlap.csv',
          [
            'Company,Address,City,State,Zip,Phone,Website',
            'Acme Solar,12 Main St,Austin,TX,78701,(512) 555-0100,acmesolar.com',
            'Acme Solar Power,,Austin,TX,78701,,',
            'ACME Solar Energy,12 Main Street,Austin,TX,78701,512.555.0100,',
            'Bright Roofing,4 Elm St,Austin,TX,78702,(512) 555-0101,brightroofing.com',
            'Bright Roofing & Solar,,Austin,TX,78702,,brightroofing.com',
          ].join('\n'),
          { matchExisting: false },
        ),
    });
    try {
      await review.page.getByTestId('find-duplicates').click();
      await review.page.getByTestId('review-pair').waitFor();
      await review.page.screenshot({ path: path.join(OUT_DIR, 'review.png') });
    } finally {
      await review.close();
    }

    // Outreach with a few weeks of work behind it: today's queue, the plan, quotas, templates.
    const outreach = await startHarness({
      startPage: 'today',
      viewport: { width: 1280, height: 800 },
      seed: (db) => {
        seedOutreach(db, { extra: 240, hot: 14, plan: true });
        seedOutreachHistory(db);
      },
    });
    try {
      const { page } = outreach;
      await page.getByTestId('queue-item').waitFor();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.screenshot({ path: path.join(OUT_DIR, 'today.png') });
      await page.getByTestId('tab-responses').click();
      await page.getByTestId('responses').waitFor();
      await page.screenshot({ path: path.join(OUT_DIR, 'today-answers.png') });
      await outreach.goto('quotas');
      await page.getByTestId('usage-chart').locator('.recharts-bar-rectangle').first().waitFor();
      // The page scrolls inside the window: a taller window shows all of it.
      await page.setViewportSize({ width: 1280, height: 1460 });
      await page.screenshot({ path: path.join(OUT_DIR, 'quotas.png') });
      await page.setViewportSize({ width: 1280, height: 800 });
      await outreach.goto('templates');
      await page.getByTestId('preview-body').waitFor();
      // The preview for someone without a company: the fallback speaks for it.
      await page.getByTestId('preview-search').fill('Frank');
      await page.getByTestId('preview-missing').waitFor();
      await page.screenshot({ path: path.join(OUT_DIR, 'templates.png') });
      await outreach.goto('suppressions');
      await page.getByTestId('suppress-row').first().waitFor();
      await page.screenshot({ path: path.join(OUT_DIR, 'suppressions.png') });
    } finally {
      await outreach.close();
    }
    const planned = await startHarness({
      startPage: 'today',
      viewport: { width: 1280, height: 800 },
      seed: (db) => seedOutreach(db, { extra: 60, hot: 8 }),
    });
    try {
      await planned.page.getByTestId('review-plan').click();
      await planned.page.getByTestId('plan').waitFor();
      await planned.page.screenshot({ path: path.join(OUT_DIR, 'plan.png') });
    } finally {
      await planned.close();
    }
    await exportTour();
    await enrichTour();

    const written = fs.readdirSync(OUT_DIR).filter((f) => f.endsWith('.png'));
    expect(written.length).toBeGreaterThanOrEqual(PAGES.length + 1);
  } finally {
    await app.close();
  }
});

/** The Export page with approved leads: the preview, a file written, and a sync to a (fake) Close. */
async function exportTour(): Promise<void> {
  const close = await FakeClose.start({
    leads: [{ name: 'Bright Roofing LLC', url: 'https://brightroofing.com' }],
  });
  const app = await startHarness({
    startPage: 'records',
    viewport: { width: 1280, height: 800 },
    async seed(dbPath) {
      const db = openDatabase(dbPath);
      await seedPeople(
        db,
        path.dirname(dbPath),
        [
          {
            first: 'Ann',
            last: 'Lee',
            title: 'CEO',
            company: 'Acme Plumbing',
            email: 'ann@acmeplumbing.com',
            website: 'acmeplumbing.com',
            city: 'Austin',
            state: 'TX',
            industry: 'Plumbing',
            employees: 120,
          },
          {
            first: 'Bob',
            last: 'Stone',
            title: 'VP Operations',
            company: 'Acme Plumbing',
            email: 'bob@acmeplumbing.com',
            website: 'acmeplumbing.com',
          },
          {
            first: 'Cara',
            last: 'Diaz',
            title: 'Owner',
            company: 'Bright Roofing',
            email: 'cara@brightroofing.com',
            website: 'brightroofing.com',
            city: 'Dallas',
            state: 'TX',
          },
          {
            first: 'Eli',
            last: 'Ward',
            title: 'Founder',
            company: 'Echo Solar',
            email: 'eli@echosolar.com',
            city: 'Denver',
            state: 'CO',
            industry: 'Solar contractor',
            employees: 600,
          },
        ],
        { file: 'tour-people.csv' },
      );
      writeSettings(db, 'export', { close: { baseUrl: close.url } }, fixedClock());
      db.close();
    },
  });
  try {
    await new SecretStore(app.keychainService).save('close', close.key);
    await app.goto('export');
    await app.page.getByTestId('preview-table').waitFor();
    await app.page.screenshot({ path: path.join(OUT_DIR, 'export.png') });
    app.host.saveQueue.push(path.join(app.dataDir, 'close-leads.csv'));
    await app.page.getByTestId('choose-save-path').click();
    await app.page.getByTestId('start-export').click();
    await app.page.getByTestId('export-done').waitFor();
    await app.page.getByTestId('close-sync-start').click();
    await app.page.getByTestId('close-sync-report').waitFor();
    await app.page.getByTestId('export-history-row').first().waitFor();
    await app.page.getByTestId('export-run').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: path.join(OUT_DIR, 'export-done.png') });
    await new SecretStore(app.keychainService).delete('close');
  } finally {
    await app.close();
    await close.close();
  }
}

/** The dashboard on a known pipeline, the audit log, backups, a person's data rights, a damaged database. */
it('writes the dashboard, audit, backup and data-rights screens', async () => {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const dashboard = await startHarness({
    startPage: 'dashboard',
    viewport: { width: 1280, height: 1480 },
    seed: (dbPath) => {
      const db = openDatabase(dbPath);
      fillDashboardFixture(db);
      // Quota use in the last weeks, as the outreach code books it.
      const ledger = db.prepare(
        `INSERT INTO quota_ledger (quota, at, units, outcome) VALUES (?, ?, ?, 'used')`,
      );
      for (let day = 0; day < 28; day++) {
        const at = new Date(Date.now() - day * 86_400_000).toISOString();
        if (day % 7 < 5) ledger.run('linkedin.invite', at, 8 + ((day * 7) % 12));
        if (day % 4 === 0) ledger.run('linkedin.inmail', at, 2);
        if (day % 6 === 0) ledger.run('hunter.search', at, 3);
      }
      db.close();
    },
  });
  try {
    await dashboard.page.getByTestId('factor-outcomes').getByTestId('factor').first().waitFor();
    await dashboard.page.screenshot({ path: path.join(OUT_DIR, 'dashboard.png') });
    await dashboard.page.getByTestId('rates-by').selectOption('template');
    await dashboard.page.getByTestId('toggle-rates').click();
    await dashboard.page.getByTestId('toggle-funnel').click();
    await dashboard.page.screenshot({ path: path.join(OUT_DIR, 'dashboard-numbers.png') });
  } finally {
    await dashboard.close();
  }

  const app = await startHarness({
    startPage: 'records',
    viewport: { width: 1280, height: 800 },
    seed: async (dbPath) => {
      const db = openDatabase(dbPath);
      await fillPipeline(db);
      db.close();
    },
  });
  try {
    await app.page.getByTestId('records-search').fill('patel');
    await app.page.getByTestId('vrow').first().click();
    await app.page.getByTestId('data-rights').scrollIntoViewIfNeeded();
    await app.page.getByTestId('erase-person').click();
    await app.page.getByTestId('erase-confirm').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: path.join(OUT_DIR, 'data-rights.png') });
    await app.page.getByTestId('erase-yes').click();
    await app.page.getByTestId('detail-drawer').waitFor({ state: 'detached' });

    await app.goto('settings');
    await app.page.getByTestId('backup-now').click();
    await app.page.getByTestId('backup-row').first().waitFor();
    await app.page.getByTestId('restore').first().click();
    await app.page.getByTestId('backups-section').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: path.join(OUT_DIR, 'backups.png') });

    await app.goto('audit');
    await app.page.getByTestId('audit-row').first().waitFor();
    await app.page.screenshot({ path: path.join(OUT_DIR, 'audit.png') });
  } finally {
    await app.close();
  }

  const damaged = await startHarness({
    startTestId: 'recovery',
    viewport: { width: 1280, height: 800 },
    seed: async (dbPath) => {
      const db = openDatabase(dbPath);
      await fillPipeline(db);
      await createBackup(db, 'daily', systemClock);
      db.close();
      damagePage(dbPath);
    },
  });
  try {
    await damaged.page.getByTestId('backup-row').first().waitFor();
    await damaged.page.screenshot({ path: path.join(OUT_DIR, 'recovery.png') });
  } finally {
    await damaged.close();
  }
});

/** Companies & contacts after "Find emails" against a (fake) Hunter: a contact's emails with their evidence. */
async function enrichTour(): Promise<void> {
  const hunter = await FakeHunter.start({ companies: WORLD_COMPANIES });
  const dns = await FakeDns.start(WORLD_ZONE);
  const app = await startHarness({
    startPage: 'records',
    viewport: { width: 1280, height: 800 },
    async seed(dbPath) {
      const db = openDatabase(dbPath);
      await seedPeople(db, path.dirname(dbPath), WORLD_PEOPLE, { file: 'tour-enrich.csv' });
      writeSettings(
        db,
        'enrich',
        { hunterBaseUrl: `${hunter.url}/v2`, dnsServers: [dns.server] },
        fixedClock(),
      );
      db.close();
    },
  });
  try {
    await new SecretStore(app.keychainService).save('hunter', 'test-key');
    await app.page.getByTestId('find-emails-start').click();
    await app.page.getByTestId('find-emails-report').waitFor();
    await app.page.locator('[data-testid="vrow"]', { hasText: 'Bob Stone' }).first().click();
    await app.page.locator('[data-testid="email-evidence"]').first().waitFor();
    await app.page.screenshot({ path: path.join(OUT_DIR, 'enrich-drawer.png') });
    await new SecretStore(app.keychainService).delete('hunter');
  } finally {
    await app.close();
    await hunter.close();
    await dns.close();
  }
}

/** Discover: the LinkedIn browser signed in, a run done, and one waiting at a captcha. */
it('writes the Discover screenshots', async () => {
  const { startFixtureSite } = await import('../unit/linkedin/support/fixtureSite');
  const { seedDiscovery, TEST_LINKEDIN } = await import('../helpers/discoverySeed');
  const site = await startFixtureSite();
  const app = await startHarness({
    startPage: 'discover',
    viewport: { width: 1280, height: 800 },
    seed: (db) => seedDiscovery(db, site.url),
    linkedin: TEST_LINKEDIN,
  });
  try {
    const { page } = app;
    await page.getByTestId('linkedin-open').click();
    await page.getByTestId('linkedin-state').filter({ hasText: 'Ready' }).waitFor();
    await page.getByTestId('discovery-limit').fill('2');
    await page.getByTestId('discovery-run').click();
    await page.getByTestId('run-status').filter({ hasText: 'Done' }).waitFor();
    site.redirect('/search/results/people/', '/checkpoint/challenge/AgHcaptcha');
    await page.getByTestId('discovery-limit').fill('5');
    await page.getByTestId('discovery-run').click();
    await page.getByTestId('run-status').filter({ hasText: 'Waiting for you' }).waitFor();
    await page.getByTestId('linkedin-state').filter({ hasText: 'Stopped' }).waitFor();
    await page.screenshot({ path: path.join(OUT_DIR, 'discover.png') });
    await app.goto('settings');
    await page.getByTestId('linkedin-settings').scrollIntoViewIfNeeded();
    await page.getByTestId('browser-found').waitFor();
    await page.screenshot({ path: path.join(OUT_DIR, 'settings-linkedin.png') });
  } finally {
    await app.close();
    await site.close();
  }
});
