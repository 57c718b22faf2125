import path from 'node:path';
import type { Db } from '../../src/main/core/db/database';
import { readSettings } from '../../src/main/core/settings/settingsStore';
import { rescore } from '../../src/main/core/scoring/rescore';
import { REAL_FIXTURES, ROOT } from './paths';
import { importFile } from './importing';

/**
 * A small database with a seller's history on real files: a LinkedIn Connections export and a
 * Salesforce contact export, scored, with a template, outreach actions and their events and a
 * quota ledger written as the outreach code writes them (rows inserted directly).
 */
export async function fillPipeline(db: Db): Promise<void> {
  await importFile(db, { path: path.join(ROOT, 'tests/fixtures/import/Connections.csv') });
  await importFile(db, { path: path.join(REAL_FIXTURES, 'salesforce_demo/Contact.csv') });
  rescore(db, readSettings(db, 'scoring'), '2025-06-01T10:00:00.000Z');
  const at = '2025-06-02T10:00:00.000Z';
  // The fixture's own template in place of the starter ones the schema brings.
  db.prepare('DELETE FROM templates').run();
  db.prepare(
    `INSERT INTO templates (id, kind, name, body, created_at, updated_at) VALUES (1, 'invite', 'Short hello', 'Hi {first}', ?, ?)`,
  ).run(at, at);
  const ids = db.prepare('SELECT id FROM contacts ORDER BY id LIMIT 3').pluck().all() as number[];
  ids.forEach((contactId, i) => {
    const action = Number(
      db
        .prepare(
          `INSERT INTO outreach_actions (contact_id, kind, template_id, body, status, created_at, updated_at)
           VALUES (?, 'invite', 1, 'Hi there', ?, ?, ?)`,
        )
        .run(contactId, ['sent', 'accepted', 'replied'][i], at, at).lastInsertRowid,
    );
    db.prepare(`INSERT INTO outreach_events (action_id, status, at) VALUES (?, 'sent', ?)`).run(action, at);
    db.prepare(
      `INSERT INTO quota_ledger (quota, at, units, outcome, ref_type, ref_id) VALUES ('linkedin.invite', ?, 1, 'used', 'outreach_action', ?)`,
    ).run(at, action);
  });
}
