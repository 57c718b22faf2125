import path from 'node:path';
import { afterAll, it } from 'vitest';
import { ROOT } from '../helpers/paths';
import { closeBrowser, startHarness } from '../e2e/harness/harness';
import { seedCsv } from '../helpers/seed';

const OUT_DIR = path.join(ROOT, 'docs/screenshots');

afterAll(closeBrowser);

const PEOPLE = [
  'First Name,Last Name,Title,Company,Website,Email,Employees,Industry,LinkedIn URL,State',
  'Ann,Able,CEO,Acme Construction,acme.com,ann@acme.com,800,Construction,,TX',
  'Ben,Best,Chief Executive Officer,Best HVAC,besthvac.com,,600,HVAC,https://www.linkedin.com/in/benbest,CA',
  'Cara,Cole,Owner,Cole Plumbing,coleplumbing.com,cara@coleplumbing.com,60,Plumbing,,TX',
  'Dev,Dunn,VP Sales,Dunn Software,dunnsoft.com,dev@dunnsoft.com,20,Software,,AZ',
  'Eve,Eng,Director of Marketing,Dunn Software,dunnsoft.com,,20,Software,,AZ',
  'Fay,Fox,Estimator,Acme Construction,acme.com,fay@acme.com,800,Construction,,TX',
  'Gus,Gray,Foreman,Gray Electrical,grayelectric.com,,5,Electrical,,CA',
  'Hal,Hart,President,Hart Electrical,hartelectric.com,hal@hartelectric.com,500,Electrical,,CA',
].join('\n');

/** Companies & contacts: the table with a record open, the approval queue, the scoring rules. */
it('writes screenshots of the records pages and the scoring settings', async () => {
  const app = await startHarness({
    startPage: 'records',
    viewport: { width: 1280, height: 800 },
    seed: (db) => seedCsv(db, 'segment-list.csv', PEOPLE, { matchExisting: false }),
  });
  try {
    const { page } = app;
    await page.locator('[data-testid="vrow"]').first().waitFor();
    await page.locator('[data-testid="vrow"]').first().click();
    await page.getByTestId('provenance').waitFor();
    await page.screenshot({ path: path.join(OUT_DIR, 'records-contact.png') });

    await page.getByTestId('tab-approve').click();
    await page.getByTestId('score-breakdown').waitFor();
    await page.screenshot({ path: path.join(OUT_DIR, 'records-approve.png') });

    await page.getByTestId('tab-companies').click();
    await page.locator('[data-testid="vrow"]').first().waitFor();
    await page.screenshot({ path: path.join(OUT_DIR, 'records-companies.png') });

    await app.goto('settings');
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.getByTestId('tier-hot').fill('70');
    await page.getByTestId('tier-preview').filter({ hasText: 'would change tier' }).waitFor();
    await page
      .getByTestId('scoring-section')
      .screenshot({ path: path.join(OUT_DIR, 'settings-scoring.png') });
  } finally {
    await app.close();
  }
});
