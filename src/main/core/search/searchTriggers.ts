import type { Db } from '../db/database';

/**
 * The triggers that keep the search indexes in step with companies and contacts. TEMP triggers:
 * each connection installs its own when it opens (openDatabase does), so a bulk job can drop them
 * on its connection alone — a trigger per row costs about as much as the row itself — and reindex
 * what it touched at the end (see searchSync.ts). Every other connection keeps indexing as usual.
 */
const TRIGGERS = /* sql */ `
  CREATE TEMP TRIGGER IF NOT EXISTS companies_fts_insert AFTER INSERT ON main.companies BEGIN
    INSERT INTO companies_fts (rowid, name, city, domain, license_number)
    VALUES (new.id, new.name, new.city, new.domain, new.license_number);
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS companies_fts_delete AFTER DELETE ON main.companies BEGIN
    DELETE FROM companies_fts WHERE rowid = old.id;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS companies_fts_update AFTER UPDATE OF name, city, domain, license_number ON main.companies BEGIN
    DELETE FROM companies_fts WHERE rowid = old.id;
    INSERT INTO companies_fts (rowid, name, city, domain, license_number)
    VALUES (new.id, new.name, new.city, new.domain, new.license_number);
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS contacts_fts_company_renamed AFTER UPDATE OF name ON main.companies BEGIN
    UPDATE contacts_fts SET company_name = new.name WHERE rowid IN (SELECT id FROM contacts WHERE company_id = new.id);
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS contacts_fts_insert AFTER INSERT ON main.contacts BEGIN
    INSERT INTO contacts_fts (rowid, full_name, title, email, company_name)
    VALUES (new.id, new.full_name, new.title, new.email, (SELECT name FROM companies WHERE id = new.company_id));
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS contacts_fts_delete AFTER DELETE ON main.contacts BEGIN
    DELETE FROM contacts_fts WHERE rowid = old.id;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS contacts_fts_update AFTER UPDATE OF full_name, title, email, company_id ON main.contacts BEGIN
    DELETE FROM contacts_fts WHERE rowid = old.id;
    INSERT INTO contacts_fts (rowid, full_name, title, email, company_name)
    VALUES (new.id, new.full_name, new.title, new.email, (SELECT name FROM companies WHERE id = new.company_id));
  END;
`;

const NAMES = [
  'companies_fts_insert',
  'companies_fts_delete',
  'companies_fts_update',
  'contacts_fts_company_renamed',
  'contacts_fts_insert',
  'contacts_fts_delete',
  'contacts_fts_update',
];

export function installSearchTriggers(db: Db): void {
  db.exec(TRIGGERS);
}

/** For a bulk job's own connection only; it must reindex what it touched, then install them again. */
export function removeSearchTriggers(db: Db): void {
  for (const name of NAMES) db.exec(`DROP TRIGGER IF EXISTS temp.${name}`);
}
