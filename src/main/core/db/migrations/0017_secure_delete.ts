import type { Migration } from './types';

/**
 * The search indexes forget what is deleted from them. By default an FTS5 delete only writes a
 * tombstone, and the deleted row's words stay in the index until a later merge happens to rewrite
 * their segment: an erased person's name and title would stay in the file. With 'secure-delete'
 * (SQLite 3.42+; stored in each index's config, so it holds for every connection) a delete removes
 * the entries themselves. Companies too, so both indexes behave alike.
 */
export const m0017: Migration = {
  version: 17,
  name: 'secure_delete',
  sql: /* sql */ `
    INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('secure-delete', 1);
    INSERT INTO companies_fts (companies_fts, rank) VALUES ('secure-delete', 1);
  `,
};
