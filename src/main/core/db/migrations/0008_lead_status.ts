import type { Migration } from './types';

/**
 * The latest approval decision on each contact, kept on the contact beside the decision log, so
 * the records table can filter 250,000 leads by status without a subquery per row. The log
 * (approvals) stays the record of every decision.
 */
export const m0008: Migration = {
  version: 8,
  name: 'lead_status',
  sql: /* sql */ `
    ALTER TABLE contacts ADD COLUMN approval TEXT CHECK (approval IN ('approved','rejected'));
    ALTER TABLE contacts ADD COLUMN approval_hash TEXT;
    ALTER TABLE contacts ADD COLUMN approval_reason TEXT;
    UPDATE contacts SET
      approval = (SELECT decision FROM approvals a WHERE a.contact_id = contacts.id ORDER BY a.id DESC LIMIT 1),
      approval_hash = (SELECT data_hash FROM approvals a WHERE a.contact_id = contacts.id ORDER BY a.id DESC LIMIT 1),
      approval_reason = (SELECT reason FROM approvals a WHERE a.contact_id = contacts.id ORDER BY a.id DESC LIMIT 1);
    CREATE INDEX scores_score ON scores(score DESC);
  `,
};
