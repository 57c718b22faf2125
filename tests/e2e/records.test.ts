import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seedCsv } from '../helpers/seed';
import { closeBrowser, startHarness, type Harness } from './harness/harness';

/** Six leads waiting (HOT and WARM) and two COLD ones; see tests/unit/scoring/leadsInDb.test.ts. */
const PEOPLE = [
  'First Name,Last Name,Title,Company,Website,Email,Employees,Industry,LinkedIn URL',
  'Ann,Able,CEO,Acme Construction,acme.com,ann@acme.com,800,Construction,', // 85 HOT
  'Ben,Best,Chief Executive Officer,Best HVAC,besthvac.com,,600,HVAC,https://www.linkedin.com/in/benbest', // 70
  'Cara,Cole,Owner,Cole Plumbing,coleplumbing.com,cara@coleplumbing.com,60,Plumbing,', // 75
  'Dev,Dunn,VP Sales,Dunn Software,dunnsoft.com,dev@dunnsoft.com,20,Software,', // 60
  'Eve,Eng,Director of Marketing,Dunn Software,dunnsoft.com,,20,Software,', // 35 COLD
  'Fay,Fox,Estimator,Acme Construction,acme.com,fay@acme.com,800,Construction,', // 55
  'Gus,Gray,Foreman,Gray Electrical,grayelectric.com,,5,Electrical,', // 30 COLD
  'Hal,Hart,President,Hart Electrical,hartelectric.com,hal@hartelectric.com,500,Electrical,', // 80 HOT
].join('\n');

/** Many people, so the table has to page and scroll. */
function manyPeople(n: number): string {
  const lines = ['First Name,Last Name,Title,Company,Email,State'];
  const titles = ['CEO', 'Owner', 'Project Manager', 'Director of Sales', 'Estimator'];
  for (let i = 0; i < n; i++)
    lines.push(
      `Pat${i},Person${i},${titles[i % titles.length]},Company ${i % 700},pat${i}@company${i % 700}.com,${i % 2 ? 'TX' : 'CA'}`,
    );
  lines.push('Zelda,Quill,Founder,Quill Roofing,zelda@quillroofing.com,TX');
  return lines.join('\n');
}

const sql = (app: Harness, query: string, ...params: unknown[]) => {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare(query).all(...params);
  } finally {
    db.close();
  }
};

describe('companies & contacts in Chromium', () => {
  let app: Harness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(closeBrowser);

  it('works the approval queue by keyboard: J/K move, A approves, R rejects with a reason, E edits; then bulk approve', async () => {
    app = await startHarness({
      startPage: 'records',
      seed: (db) => seedCsv(db, 'people.csv', PEOPLE, { matchExisting: false }),
    });
    const { page } = app;
    await page.getByTestId('tab-approve').click();
    const count = page.getByTestId('queue-count');
    await expect.poll(() => count.textContent()).toBe('6 waiting');
    const current = page.getByTestId('queue-current');
    await expect.poll(() => current.locator('h2').textContent()).toBe('Ann Able');
    // The reasons are on screen before deciding.
    await expect
      .poll(() => page.getByTestId('score-breakdown').textContent())
      .toContain('“CEO” counts as chief executive: 40 of 40.');

    await page.keyboard.press('a');
    await expect.poll(() => count.textContent()).toBe('5 waiting');
    await expect.poll(() => current.locator('h2').textContent()).toBe('Hal Hart');

    await page.keyboard.press('j');
    await expect.poll(() => current.locator('h2').textContent()).toBe('Cara Cole');
    await page.keyboard.press('k');
    await expect.poll(() => current.locator('h2').textContent()).toBe('Hal Hart');

    await page.keyboard.press('r');
    const reason = page.getByTestId('reject-reason');
    await reason.waitFor();
    // A typed R goes into the reason, not to the queue.
    await page.keyboard.type('Retiring soon');
    await page.keyboard.press('Enter');
    await expect.poll(() => count.textContent()).toBe('4 waiting');

    // E edits the lead in place: Dev becomes CEO, which changes his score.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => current.locator('h2').textContent()).toBe('Dev Dunn');
    await page.keyboard.press('e');
    const title = page.getByTestId('edit-title');
    await title.waitFor();
    await title.fill('CEO');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('queue-message').textContent()).toMatch(/scored again/);
    await expect
      .poll(() =>
        sql(
          app!,
          "SELECT s.score FROM scores s JOIN contacts c ON c.id = s.contact_id WHERE c.full_name = 'Dev Dunn'",
        ),
      )
      .toEqual([{ score: 70 }]);

    await page.getByTestId('approve-all').click();
    await expect.poll(() => page.getByTestId('queue-message').textContent()).toBe('4 leads approved.');
    await expect.poll(() => count.textContent()).toBe('0 waiting');

    expect(
      sql(
        app,
        'SELECT c.full_name AS name, a.decision, a.reason FROM approvals a JOIN contacts c ON c.id = a.contact_id ORDER BY a.id',
      ),
    ).toEqual([
      { name: 'Ann Able', decision: 'approved', reason: null },
      { name: 'Hal Hart', decision: 'rejected', reason: 'Retiring soon' },
      // Bulk approval, highest score first: Cara (75), Dev (now 70, newer than Ben), Ben, Fay.
      { name: 'Cara Cole', decision: 'approved', reason: null },
      { name: 'Dev Dunn', decision: 'approved', reason: null },
      { name: 'Ben Best', decision: 'approved', reason: null },
      { name: 'Fay Fox', decision: 'approved', reason: null },
    ]);
    expect(sql(app, "SELECT title FROM contacts WHERE full_name = 'Dev Dunn'")).toEqual([{ title: 'CEO' }]);
    expect(app.pageErrors).toEqual([]);
  });

  it('scrolls 5,000 contacts, searches them, and shows where a value came from', async () => {
    app = await startHarness({
      startPage: 'records',
      seed: (db) => seedCsv(db, 'people.csv', manyPeople(5000), { matchExisting: false }),
    });
    const { page } = app;
    const total = page.getByTestId('records-total');
    await expect.poll(() => total.textContent()).toBe('5,001 contacts');
    const scroller = page.getByTestId('contacts-table-scroller');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    // The last page arrives: the bottom row is a real row, not a placeholder.
    await expect.poll(() => page.locator('[data-testid="vrow"][data-index="5000"]').count()).toBe(1);

    await page.getByTestId('records-search').fill('zel quill');
    await expect.poll(() => total.textContent()).toBe('1 contact');
    await page.locator('[data-testid="vrow"]').first().click();
    const drawer = page.getByTestId('detail-drawer');
    await expect.poll(() => drawer.locator('h2').first().textContent()).toBe('Zelda Quill');
    await expect
      .poll(() => drawer.getByTestId('provenance').textContent())
      .toContain('people.csv, row 5001, column “Title”');

    // Filters: the Texas half, above the line (CEO, Owner, Director: 3 titles of 5), and Zelda.
    await page.getByTestId('records-search').fill('');
    await page.getByLabel('State').selectOption('TX');
    await page.getByTestId('filter-atl').check();
    await expect.poll(() => total.textContent()).toBe('1,501 contacts');

    // Saved as a named filter, it comes back after the page is left.
    await page.getByTestId('save-filter').click();
    await page.getByTestId('filter-name').fill('Texas decision makers');
    await page.keyboard.press('Enter');
    await app.goto('import');
    await app.goto('records');
    await expect.poll(() => total.textContent()).toBe('5,001 contacts');
    const saved = page.getByTestId('saved-filters');
    await expect.poll(() => saved.locator('option').allTextContents()).toContain('Texas decision makers');
    await saved.selectOption({ label: 'Texas decision makers' });
    await expect.poll(() => total.textContent()).toBe('1,501 contacts');
    expect(await page.getByTestId('filter-atl').isChecked()).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  it('previews how many leads a scoring change moves, then saves and re-scores', async () => {
    app = await startHarness({
      startPage: 'settings',
      seed: (db) => seedCsv(db, 'people.csv', PEOPLE, { matchExisting: false }),
    });
    const { page } = app;
    const hot = page.getByTestId('tier-hot');
    await hot.fill('70');
    await expect
      .poll(() => page.getByTestId('tier-preview').textContent())
      .toBe('2 leads would change tier: 2 WARM → HOT.');
    expect(sql(app, "SELECT count(*) AS n FROM scores WHERE tier = 'HOT'")).toEqual([{ n: 2 }]);
    await hot.fill('40');
    await page.getByTestId('tier-warm').fill('60');
    await expect
      .poll(() => page.getByTestId('scoring-problem').textContent())
      .toMatch(/WARM must start below HOT/);
    await expect.poll(() => page.getByTestId('save-scoring').isDisabled()).toBe(true);
    await page.getByTestId('tier-warm').fill('50');
    await hot.fill('70');
    await page.getByTestId('save-scoring').click();
    await expect.poll(() => page.getByTestId('scoring-message').textContent()).toMatch(/scored again/);
    expect(sql(app, "SELECT count(*) AS n FROM scores WHERE tier = 'HOT'")).toEqual([{ n: 4 }]);

    // A list is typed as the seller types it, commas and all; "Discard" brings the saved one back.
    const industries = page.getByTestId('industry-targets');
    const saved = await industries.inputValue();
    await industries.fill('');
    await industries.pressSequentially('software, hvac');
    expect(await industries.inputValue()).toBe('software, hvac');
    await expect
      .poll(() => page.getByTestId('tier-preview').textContent())
      .toMatch(/would change tier|No lead would change tier/);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await industries.inputValue()).toBe(saved);
    expect(app.pageErrors).toEqual([]);
  });
});
