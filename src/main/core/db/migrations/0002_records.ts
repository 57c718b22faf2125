import type { Migration } from './types';

/**
 * Imports and the records they build. Every raw row is kept (for provenance and re-mapping);
 * companies and contacts carry, per field, the source row their value came from; every change an
 * import makes is logged with the record as it was, so a whole import can be undone.
 */
export const m0002: Migration = {
  version: 2,
  name: 'records',
  sql: /* sql */ `
    CREATE TABLE import_batches (
      id          INTEGER PRIMARY KEY,
      job_id      INTEGER REFERENCES jobs(id),
      file_name   TEXT NOT NULL,
      file_path   TEXT,
      file_size   INTEGER,
      file_sha256 TEXT,
      format      TEXT NOT NULL,
      encoding    TEXT,
      delimiter   TEXT,
      sheet       TEXT,
      header_row  INTEGER,
      headers     TEXT NOT NULL DEFAULT '[]',
      profile     TEXT,
      source_kind TEXT NOT NULL DEFAULT 'other',
      mapping     TEXT NOT NULL DEFAULT '{}',
      options     TEXT NOT NULL DEFAULT '{}',
      status      TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed','undone')),
      rows_read   INTEGER NOT NULL DEFAULT 0,
      inserted    INTEGER NOT NULL DEFAULT 0,
      updated     INTEGER NOT NULL DEFAULT 0,
      unchanged   INTEGER NOT NULL DEFAULT 0,
      skipped     INTEGER NOT NULL DEFAULT 0,
      flagged     INTEGER NOT NULL DEFAULT 0,
      problems    TEXT NOT NULL DEFAULT '{}',
      seconds     REAL,
      created_at  TEXT NOT NULL,
      undone_at   TEXT
    ) STRICT;

    CREATE TABLE companies (
      id                 INTEGER PRIMARY KEY,
      name               TEXT NOT NULL,
      name_key           TEXT NOT NULL,
      domain             TEXT,
      website            TEXT,
      phone              TEXT,
      phone10            TEXT,
      phone_ext          TEXT,
      address            TEXT,
      city               TEXT,
      state              TEXT,
      zip                TEXT,
      country            TEXT,
      industry           TEXT,
      employee_count     INTEGER,
      license_number     TEXT,
      license_type       TEXT,
      license_status     TEXT,
      license_expires    TEXT,
      classifications    TEXT,
      icp_score          REAL,
      icp_tier           TEXT,
      icp_subscores      TEXT,
      notes              TEXT,
      field_sources      TEXT NOT NULL DEFAULT '{}',
      crm_source         TEXT,
      crm_id             TEXT,
      merged_into        INTEGER REFERENCES companies(id),
      created_batch_id   INTEGER REFERENCES import_batches(id),
      created_at         TEXT NOT NULL,
      updated_at         TEXT NOT NULL
    ) STRICT;
    CREATE INDEX companies_license ON companies(license_number) WHERE license_number IS NOT NULL;
    CREATE INDEX companies_phone10 ON companies(phone10) WHERE phone10 IS NOT NULL;
    CREATE INDEX companies_domain ON companies(domain) WHERE domain IS NOT NULL;
    CREATE INDEX companies_name_key ON companies(name_key);
    CREATE INDEX companies_merged_into ON companies(merged_into) WHERE merged_into IS NOT NULL;

    CREATE TABLE contacts (
      id                 INTEGER PRIMARY KEY,
      company_id         INTEGER REFERENCES companies(id),
      first_name         TEXT,
      last_name          TEXT,
      full_name          TEXT NOT NULL,
      name_key           TEXT NOT NULL,
      title              TEXT,
      email              TEXT,
      linkedin_url       TEXT,
      linkedin_key       TEXT,
      phone              TEXT,
      phone10            TEXT,
      city               TEXT,
      state              TEXT,
      discovery_source   TEXT NOT NULL DEFAULT 'import',
      connection_degree  INTEGER,
      connected_on       TEXT,
      notes              TEXT,
      field_sources      TEXT NOT NULL DEFAULT '{}',
      crm_source         TEXT,
      crm_id             TEXT,
      lawful_basis       TEXT NOT NULL DEFAULT 'B2B legitimate interest',
      merged_into        INTEGER REFERENCES contacts(id),
      created_batch_id   INTEGER REFERENCES import_batches(id),
      created_at         TEXT NOT NULL,
      updated_at         TEXT NOT NULL
    ) STRICT;
    CREATE INDEX contacts_company ON contacts(company_id);
    CREATE INDEX contacts_email ON contacts(email) WHERE email IS NOT NULL;
    CREATE INDEX contacts_linkedin ON contacts(linkedin_key) WHERE linkedin_key IS NOT NULL;
    CREATE INDEX contacts_name_key ON contacts(name_key);
    CREATE INDEX contacts_merged_into ON contacts(merged_into) WHERE merged_into IS NOT NULL;

    -- Every email known for a contact, with how it was found and how sure we are of it.
    CREATE TABLE contact_emails (
      id            INTEGER PRIMARY KEY,
      contact_id    INTEGER NOT NULL REFERENCES contacts(id),
      email         TEXT NOT NULL,
      source        TEXT NOT NULL,
      pattern       TEXT,
      confidence    INTEGER NOT NULL,
      status        TEXT NOT NULL CHECK (status IN ('verified','unknown','risky')),
      catch_all     INTEGER NOT NULL DEFAULT 0,
      evidence      TEXT NOT NULL DEFAULT '{}',
      source_row_id INTEGER,
      created_at    TEXT NOT NULL,
      UNIQUE (contact_id, email)
    ) STRICT;
    CREATE INDEX contact_emails_email ON contact_emails(email);

    -- The raw rows as read, one JSON array of cells per row, in the batch's header order.
    CREATE TABLE source_rows (
      id          INTEGER PRIMARY KEY,
      batch_id    INTEGER NOT NULL REFERENCES import_batches(id),
      row_number  INTEGER NOT NULL,
      raw         TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('imported','flagged','skipped')),
      problems    TEXT,
      company_id  INTEGER,
      contact_id  INTEGER,
      UNIQUE (batch_id, row_number)
    ) STRICT;
    CREATE INDEX source_rows_company ON source_rows(company_id) WHERE company_id IS NOT NULL;
    CREATE INDEX source_rows_contact ON source_rows(contact_id) WHERE contact_id IS NOT NULL;

    -- What each import did to each record, with the record as it was before, so Undo can restore it.
    CREATE TABLE import_changes (
      id          INTEGER PRIMARY KEY,
      batch_id    INTEGER NOT NULL REFERENCES import_batches(id),
      entity_type TEXT NOT NULL CHECK (entity_type IN ('company','contact','contact_email')),
      entity_id   INTEGER NOT NULL,
      action      TEXT NOT NULL CHECK (action IN ('insert','update')),
      before      TEXT
    ) STRICT;
    CREATE INDEX import_changes_batch ON import_changes(batch_id);
  `,
};
