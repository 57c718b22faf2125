import type { Migration } from './types';

/**
 * Which process booked a Hunter credit. Enrichment books a domain search before the call and waits
 * for another run's booking of the same domain to be answered; when the process that booked it
 * has died (a crash, a kill), its answer will never come, and the next run can see that at once
 * instead of waiting out the lease.
 */
export const m0014: Migration = {
  version: 14,
  name: 'credit_owner',
  sql: /* sql */ `
    ALTER TABLE quota_ledger ADD COLUMN owner_pid INTEGER;
  `,
};
