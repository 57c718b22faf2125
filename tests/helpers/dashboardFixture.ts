import type { Db } from '../../src/main/core/db/database';

const AT = '2025-06-10T10:00:00.000Z';

/** A score breakdown with only the factors a test looks at. */
const breakdown = (tier: string, title: number, email: number) =>
  JSON.stringify({
    score: title + email,
    tier,
    inmailEligible: false,
    rulesScore: title + email,
    factors: [
      { factor: 'title', points: title, max: 40, sentence: '' },
      { factor: 'email', points: email, max: 15, sentence: '' },
    ],
  });

/**
 * A small pipeline whose dashboard figures are known by hand (see dashboard.test.ts for the
 * arithmetic): three companies, six people and one merged-away record, scores, approvals, two
 * templates, seven outreach actions with their events, and a quota ledger — inserted directly, as
 * the import, scoring and outreach code would have left them.
 */
export function fillDashboardFixture(db: Db): void {
  db.transaction(() => {
    const batch = db.prepare(
      `INSERT INTO import_batches (id, file_name, format, source_kind, created_at) VALUES (?, ?, 'csv', ?, ?)`,
    );
    batch.run(1, 'roster.csv', 'license_roster', AT);
    batch.run(2, 'gtm.csv', 'gtm_list', AT);
    const company = db.prepare(
      `INSERT INTO companies (id, name, name_key, state, license_type, industry, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    company.run(1, 'Acme Solar', 'acme solar', 'CA', 'C-10', 'Construction', AT, AT);
    company.run(2, 'Bright Roofing', 'bright roofing', 'TX', null, 'Roofing', AT, AT);
    company.run(3, 'Cedar Plumbing', 'cedar plumbing', 'CA', 'C-36', 'Plumbing', AT, AT);
    const contact = db.prepare(
      `INSERT INTO contacts (id, company_id, full_name, name_key, title, email, discovery_source, created_batch_id, approval, merged_into, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    contact.run(
      1,
      1,
      'Ann Able',
      'ann able',
      'CEO',
      'ann@acme.com',
      'connection',
      null,
      'approved',
      null,
      AT,
      AT,
    );
    contact.run(2, 1, 'Bob Best', 'bob best', 'VP Sales', null, 'search', null, 'approved', null, AT, AT);
    contact.run(
      3,
      2,
      'Cid Cole',
      'cid cole',
      'Director of Operations',
      null,
      'import',
      1,
      'approved',
      null,
      AT,
      AT,
    );
    contact.run(4, 2, 'Dee Dunn', 'dee dunn', 'Estimator', 'dee@bright.com', 'import', 1, null, null, AT, AT);
    contact.run(5, 3, 'Eve Ernst', 'eve ernst', 'Owner', null, 'import', 2, null, null, AT, AT);
    contact.run(6, 3, 'Fay Ford', 'fay ford', null, null, 'import', 2, null, null, AT, AT);
    contact.run(7, 1, 'Ann Able', 'ann able', 'CEO', null, 'import', 1, null, 1, AT, AT);
    db.prepare(
      `INSERT INTO contact_emails (contact_id, email, source, confidence, status, created_at) VALUES (3, 'cid@bright.com', 'pattern', 80, 'verified', ?)`,
    ).run(AT);
    const score = db.prepare(
      `INSERT INTO scores (contact_id, score, tier, breakdown, data_hash, scored_at) VALUES (?, ?, ?, ?, 'h', ?)`,
    );
    score.run(1, 55, 'HOT', breakdown('HOT', 40, 15), AT);
    score.run(2, 30, 'HOT', breakdown('HOT', 30, 0), AT);
    score.run(3, 35, 'WARM', breakdown('WARM', 20, 15), AT);
    score.run(4, 25, 'COLD', breakdown('COLD', 10, 15), AT);
    score.run(5, 35, 'WARM', breakdown('WARM', 35, 0), AT);
    // The fixture's own templates in place of the starter ones the schema brings.
    db.prepare('DELETE FROM templates').run();
    const template = db.prepare(
      `INSERT INTO templates (id, kind, name, body, created_at, updated_at) VALUES (?, ?, ?, 'Hello', ?, ?)`,
    );
    template.run(1, 'invite', 'Short hello', AT, AT);
    template.run(2, 'email', 'Email intro', AT, AT);
    const action = db.prepare(
      `INSERT INTO outreach_actions (id, contact_id, kind, template_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const event = db.prepare(`INSERT INTO outreach_events (action_id, status, at) VALUES (?, ?, ?)`);
    action.run(1, 1, 'invite', 1, 'replied', AT, AT);
    for (const status of ['sent', 'accepted', 'replied']) event.run(1, status, AT);
    action.run(2, 2, 'invite', 1, 'accepted', AT, AT);
    for (const status of ['sent', 'accepted']) event.run(2, status, AT);
    action.run(3, 3, 'email', 2, 'no_response', AT, AT);
    event.run(3, 'sent', AT);
    action.run(4, 3, 'follow_up', 2, 'replied', AT, AT);
    action.run(5, 5, 'invite', 1, 'sent', AT, AT);
    action.run(6, 4, 'invite', null, 'planned', AT, AT);
    action.run(7, 5, 'inmail', null, 'skipped', AT, AT);
    const ledger = db.prepare(`INSERT INTO quota_ledger (quota, at, units, outcome) VALUES (?, ?, ?, ?)`);
    ledger.run('linkedin.invite', '2025-06-15T09:00:00.000Z', 1, 'used');
    ledger.run('linkedin.invite', '2025-06-15T10:00:00.000Z', 1, 'used');
    ledger.run('linkedin.invite', '2025-06-14T10:00:00.000Z', 1, 'used');
    ledger.run('linkedin.invite', '2025-06-14T23:30:00.000Z', 1, 'used');
    ledger.run('linkedin.invite', '2025-06-14T11:00:00.000Z', 1, 'refunded');
    ledger.run('linkedin.invite', '2025-06-13T11:00:00.000Z', 1, 'limit_notice');
    ledger.run('linkedin.invite', '2025-06-01T10:00:00.000Z', 1, 'used');
    ledger.run('hunter.search', '2025-06-13T08:00:00.000Z', 5, 'synced');
  })();
}

/** Where the dashboard fixture's clock stands: its quota figures are read up to this day. */
export const DASHBOARD_NOW = '2025-06-15T12:00:00.000Z';
