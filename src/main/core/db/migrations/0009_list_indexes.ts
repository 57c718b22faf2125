import type { Migration } from './types';

/**
 * Covering indexes for the records table over 250,000 contacts: a search that matches 25,000
 * people looks each one up to check it stands (not merged away) and to sort by score. Read from
 * the narrow indexes instead of the wide rows, such a query takes a third of the time
 * (bench/score/search.ts). 0008's score index goes: the table sorts by coalesce(score, -1), which
 * it could not serve.
 */
export const m0009: Migration = {
  version: 9,
  name: 'list_indexes',
  sql: /* sql */ `
    DROP INDEX scores_score;
    CREATE INDEX scores_contact_score ON scores(contact_id, score, tier);
    CREATE INDEX contacts_standing ON contacts(id, merged_into);
  `,
};
