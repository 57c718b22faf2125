import type { Migration } from './types';

/**
 * Full-text search over companies and contacts (SQLite FTS5): contacts by name, title, email and
 * their company's name; companies by name, city, domain and license. The indexes are kept in step
 * by triggers each connection installs for itself (see search/searchTriggers.ts), so a bulk job
 * can leave them out and reindex what it touched in one pass. Also: saved filters for the records
 * table, and the name+address index of 0006 goes (the exact-repeat lookup walks the name index).
 */
export const m0007: Migration = {
  version: 7,
  name: 'search',
  sql: /* sql */ `
    CREATE VIRTUAL TABLE companies_fts USING fts5(
      name, city, domain, license_number,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    INSERT INTO companies_fts (rowid, name, city, domain, license_number)
      SELECT id, name, city, domain, license_number FROM companies;

    CREATE VIRTUAL TABLE contacts_fts USING fts5(
      full_name, title, email, company_name,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    INSERT INTO contacts_fts (rowid, full_name, title, email, company_name)
      SELECT c.id, c.full_name, c.title, c.email, co.name FROM contacts c LEFT JOIN companies co ON co.id = c.company_id;

    CREATE TABLE saved_filters (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      kind       TEXT NOT NULL CHECK (kind IN ('contact','company')),
      filter     TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (kind, name)
    ) STRICT;

    DROP INDEX companies_name_address;
  `,
};
