import { openDatabase } from '../../src/main/core/db/database';
import { systemClock } from '../../src/main/core/clock';
import { writeSettings } from '../../src/main/core/settings/settingsStore';
import { addCompany } from '../unit/discover/support';
import { chromiumPath, CHROMIUM_TEST_ARGS } from '../e2e/harness/browser';

/** The seller's LinkedIn set up against the fixture site, any day and hour (the test runs whenever). */
export function seedDiscovery(dbPath: string, siteUrl: string): void {
  const db = openDatabase(dbPath);
  try {
    writeSettings(
      db,
      'outreach',
      { workingHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' } },
      systemClock,
    );
    writeSettings(
      db,
      'linkedin',
      { baseUrl: siteUrl, browserPath: chromiumPath(), pagesPerCompany: 1 },
      systemClock,
    );
    addCompany(db, 'Acme Roofing', 92);
    addCompany(db, 'Raman Electric', 81);
    addCompany(db, 'Bright Solar', 55);
  } finally {
    db.close();
  }
}

export const TEST_LINKEDIN = { headless: true, browserArgs: [...CHROMIUM_TEST_ARGS], pacing: 'off' as const };
