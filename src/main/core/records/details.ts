import type { CompanyDetail, ContactDetail, HistoryEntry } from '@shared/domain/records';
import { emailEvidenceOf } from './emailEvidence';
import { readSettings } from '../settings/settingsStore';
import { breakdownOf } from '../scoring/rescore';
import { AppFailure } from '@shared/contract/result';
import type { Db } from '../db/database';
import type { RecordLists } from './recordLists';
import { provenanceOf } from './provenance';
import { outreachLog } from '../outreach/log';

function auditOf(db: Db, kind: 'company' | 'contact', id: number): HistoryEntry[] {
  return db
    .prepare(
      'SELECT at, action, actor, details FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY id DESC LIMIT 100',
    )
    .all(kind, id) as HistoryEntry[];
}

/** Everything the detail drawer shows about one person. */
export function contactDetail(db: Db, lists: RecordLists, id: number): ContactDetail {
  const [contact] = lists.contactsByIds([id]);
  if (!contact) throw new AppFailure('not_found', `There is no contact ${id}.`);
  const emails = (
    db
      .prepare('SELECT * FROM contact_emails WHERE contact_id = ? ORDER BY confidence DESC, id')
      .all(id) as Record<string, unknown>[]
  ).map(emailEvidenceOf);
  const scored = db.prepare('SELECT 1 FROM scores WHERE contact_id = ?').pluck().get(id) !== undefined;
  return {
    contact,
    provenance: provenanceOf(db, 'contact', id),
    emails,
    score: scored ? breakdownOf(db, readSettings(db, 'scoring'), id) : null,
    approvals: db
      .prepare(
        'SELECT decision, reason, decided_at AS at FROM approvals WHERE contact_id = ? ORDER BY id DESC',
      )
      .all(id) as ContactDetail['approvals'],
    outreach: outreachLog(db, id),
    audit: auditOf(db, 'contact', id),
  };
}

/** Everything the detail drawer shows about one company, with its people. */
export function companyDetail(db: Db, lists: RecordLists, id: number): CompanyDetail {
  const [company] = lists.companiesByIds([id]);
  if (!company) throw new AppFailure('not_found', `There is no company ${id}.`);
  const people = db
    .prepare('SELECT id FROM contacts WHERE company_id = ? AND merged_into IS NULL ORDER BY id')
    .pluck()
    .all(id) as number[];
  return {
    company,
    provenance: provenanceOf(db, 'company', id),
    contacts: lists.contactsByIds(people),
    audit: auditOf(db, 'company', id),
  };
}
