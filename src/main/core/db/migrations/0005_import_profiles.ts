import type { Migration } from './types';

/**
 * The seller's own mapping profiles: saved when a file is imported, picked again automatically
 * when a file with the same header shape comes back. And a company-name index that also covers the
 * license number, so a roster row looks only at same-name companies without a license of their own.
 */
export const m0005: Migration = {
  version: 5,
  name: 'import_profiles',
  sql: /* sql */ `
    CREATE TABLE import_profiles (
      id               INTEGER PRIMARY KEY,
      name             TEXT NOT NULL UNIQUE,
      header_signature TEXT NOT NULL UNIQUE,
      headers          TEXT NOT NULL,
      mapping          TEXT NOT NULL,
      source_kind      TEXT NOT NULL DEFAULT 'other',
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL
    ) STRICT;

    DROP INDEX companies_name_key;
    CREATE INDEX companies_name_license ON companies(name_key, license_number);
  `,
};
