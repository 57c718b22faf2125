import type { Migration } from './types';

/**
 * What entity resolution needs beyond 0003: the import a merge was made by (so undoing the import
 * undoes its merges first), a folded street-address key for the import's exact-repeat rule, and
 * an index to find a company's review pairs from either side.
 */
export const m0006: Migration = {
  version: 6,
  name: 'resolution_keys',
  sql: /* sql */ `
    ALTER TABLE merges ADD COLUMN batch_id INTEGER REFERENCES import_batches(id);
    CREATE INDEX merges_batch ON merges(batch_id) WHERE batch_id IS NOT NULL;

    ALTER TABLE companies ADD COLUMN address_key TEXT;
    CREATE INDEX companies_name_address ON companies(name_key, address_key) WHERE address_key IS NOT NULL;

    CREATE INDEX match_candidates_right ON match_candidates(kind, right_id);
  `,
};
