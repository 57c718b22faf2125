import type { Db } from '../../src/main/core/db/database';
import { rescore } from '../../src/main/core/scoring/rescore';
import { readSettings } from '../../src/main/core/settings/settingsStore';
import { rng } from '../import/generate';

const TITLES = [
  'Owner',
  'President',
  'CEO',
  'VP Operations',
  'Director of Sales',
  'Estimator',
  'Project Manager',
  'Office Manager',
  'Superintendent',
  'Founder',
];
const STATES = ['CA', 'TX', 'FL', 'NY', 'AZ', 'WA', 'CO', 'GA'];
const INDUSTRIES = ['Construction', 'HVAC', 'Plumbing', 'Electrical', 'Roofing', 'Solar'];

/**
 * A seller-sized database for the trust benches: `contacts` contacts at contacts / 2.5 companies,
 * each with its raw import row (40% with an email), scored, with 5,000 outreach actions, their
 * events and quota ledger rows. Seeded, so every run builds the same file.
 */
export function generateTrustDb(db: Db, contacts: number): void {
  const random = rng(7);
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
  const mapping = JSON.stringify([
    { column: 0, header: 'Company', field: 'company_name', confidence: 100, reason: '' },
    { column: 1, header: 'Name', field: 'full_name', confidence: 100, reason: '' },
    { column: 2, header: 'Title', field: 'title', confidence: 100, reason: '' },
    { column: 3, header: 'Email', field: 'email', confidence: 100, reason: '' },
    { column: 4, header: 'State', field: 'state', confidence: 100, reason: '' },
  ]);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO import_batches (id, file_name, format, headers, mapping, source_kind, created_at) VALUES (1, 'roster.csv', 'csv', ?, ?, 'license_roster', ?)`,
    ).run(JSON.stringify(['Company', 'Name', 'Title', 'Email', 'State']), mapping, at(400));
    const company = db.prepare(
      `INSERT INTO companies (id, name, name_key, state, industry, license_type, employee_count, created_batch_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const companies = Math.ceil(contacts / 2.5);
    for (let id = 1; id <= companies; id++) {
      const created = at(Math.floor(random() * 700));
      company.run(
        id,
        `Company ${id}`,
        `company ${id}`,
        STATES[id % STATES.length],
        INDUSTRIES[id % INDUSTRIES.length],
        `C-${id % 40}`,
        Math.floor(random() * 800),
        created,
        created,
      );
    }
    const contact = db.prepare(
      `INSERT INTO contacts (id, company_id, full_name, name_key, title, email, discovery_source, created_batch_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'import', 1, ?, ?)`,
    );
    const row = db.prepare(
      `INSERT INTO source_rows (id, batch_id, row_number, raw, status, company_id, contact_id) VALUES (?, 1, ?, ?, 'imported', ?, ?)`,
    );
    const email = db.prepare(
      `INSERT INTO contact_emails (contact_id, email, source, confidence, status, created_at) VALUES (?, ?, 'pattern', ?, ?, ?)`,
    );
    for (let id = 1; id <= contacts; id++) {
      const companyId = 1 + Math.floor(random() * companies);
      const name = `Person${id} Surname${id % 977}`;
      const title = TITLES[Math.floor(random() * TITLES.length)]!;
      const mail = random() < 0.4 ? `p${id}@company${companyId}.com` : null;
      const created = at(Math.floor(random() * 700));
      contact.run(id, companyId, name, name.toLowerCase(), title, mail, created, created);
      row.run(
        id,
        id,
        JSON.stringify([`Company ${companyId}`, name, title, mail ?? '', STATES[companyId % STATES.length]]),
        companyId,
        id,
      );
      if (mail && random() < 0.5)
        email.run(id, mail, random() < 0.5 ? 90 : 60, random() < 0.5 ? 'verified' : 'unknown', created);
    }
    // The bench's own template in place of the starter ones the schema brings (id 1 is one of them).
    db.prepare('DELETE FROM templates').run();
    db.prepare(
      `INSERT INTO templates (id, kind, name, body, created_at, updated_at) VALUES (1, 'invite', 'Hello', 'Hi', ?, ?)`,
    ).run(at(90), at(90));
    const action = db.prepare(
      `INSERT INTO outreach_actions (id, contact_id, kind, template_id, status, created_at, updated_at) VALUES (?, ?, 'invite', 1, ?, ?, ?)`,
    );
    const event = db.prepare(`INSERT INTO outreach_events (action_id, status, at) VALUES (?, ?, ?)`);
    const ledger = db.prepare(
      `INSERT INTO quota_ledger (quota, at, units, outcome, ref_type, ref_id) VALUES ('linkedin.invite', ?, 1, 'used', 'outreach_action', ?)`,
    );
    const statuses = ['sent', 'accepted', 'replied', 'no_response', 'planned'];
    for (let id = 1; id <= 5_000; id++) {
      const when = at(Math.floor(random() * 60));
      const status = statuses[id % statuses.length]!;
      action.run(id, 1 + Math.floor(random() * contacts), status, when, when);
      if (status !== 'planned') {
        event.run(id, 'sent', when);
        ledger.run(when, id);
      }
    }
  })();
  rescore(db, readSettings(db, 'scoring'), new Date().toISOString());
}
