import type { Migration } from './types';

/**
 * Which import recorded a field alternative. An import that meets a stored value from a more
 * trusted source keeps it and records its own value as an alternative (or records the value it
 * replaced); undoing that import removes exactly those alternatives. Merges' alternatives keep
 * `merge_id` and leave this empty.
 */
export const m0016: Migration = {
  version: 16,
  name: 'alternative_batch',
  sql: /* sql */ `
    ALTER TABLE field_alternatives ADD COLUMN batch_id INTEGER REFERENCES import_batches(id);
    CREATE INDEX field_alternatives_batch ON field_alternatives(batch_id) WHERE batch_id IS NOT NULL;
  `,
};
