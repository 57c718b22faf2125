import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/database';

/** What identifies a company beyond its name, as the import's exact-repeat rules use it. */
export interface CompanyIdentity {
  license_number: string | null;
  phone10: string | null;
  domain: string | null;
  zip: string | null;
  state: string | null;
  address_key: string | null;
}

/**
 * How an import finds the records a row may already be: by license, CRM id, or same name without
 * a disagreeing identity (companies); by email (when the name agrees), LinkedIn profile, or same name at the same company
 * (contacts). An interface so the dedupe engine can answer the same questions more cleverly.
 */
export interface RecordKeys {
  companyByLicense(license: string, state: string | null): number | null;
  companyByCrm(source: string, crmId: string): number | null;
  companyBySameName(nameKey: string, identity: CompanyIdentity): number | null;
  /** Every standing contact with this address: an office inbox or a family gmail has several. */
  contactsByEmail(email: string): number[];
  contactByLinkedin(key: string): number | null;
  contactByName(companyId: number, nameKey: string): number | null;
  /** Told after every insert or update, with the record's values as now stored. */
  companyStored(id: number, values: Record<string, unknown>): void;
  contactStored(id: number, values: Record<string, unknown>): void;
  emailStored(contactId: number, email: string): void;
}

/**
 * The import's exact-repeat rule for companies without a license match: the same name and exactly
 * the same phone, domain, street address and ZIP (none on one side and some on the other is not
 * the same), or a row that names a company and says nothing else about it (a LinkedIn
 * connection's employer), which is the company of that name. Anything less than a repeat is left to
 * the dedupe engine, which weighs every variant instead of this rule keeping only one of them.
 * (No ORDER BY: it would sort in a temporary b-tree on every row; the index order is stable.)
 */
// Positional parameters: binding named ones cost more than the lookup itself.
const sameNameSql = (
  licensed: string,
) => `SELECT id FROM companies WHERE name_key = ? AND ${licensed} AND merged_into IS NULL
   AND (? = 1 OR (phone10 IS ? AND domain IS ? AND address_key IS ? AND zip IS ?))
 LIMIT 1`;

/** Lookups through the database's indexes. */
export class SqlKeys implements RecordKeys {
  private readonly byLicense: Statement;
  private readonly byCrm: Statement;
  private readonly sameName: Statement;
  private readonly sameNameUnlicensed: Statement;
  private readonly byEmail: Statement;
  private readonly byLinkedin: Statement;
  private readonly byName: Statement;

  constructor(db: Db) {
    this.byLicense = db
      .prepare(
        `SELECT id FROM companies WHERE license_number = ? AND merged_into IS NULL AND (state IS NULL OR ? IS NULL OR state = ?) LIMIT 1`,
      )
      .pluck();
    this.byCrm = db
      .prepare(`SELECT id FROM companies WHERE crm_source = ? AND crm_id = ? AND merged_into IS NULL LIMIT 1`)
      .pluck();
    this.sameName = db.prepare(sameNameSql('1')).pluck();
    // A row with a license looks only at same-name companies without one: a seek in the
    // (name_key, license_number) index instead of a walk through every same-name license holder.
    this.sameNameUnlicensed = db.prepare(sameNameSql('license_number IS NULL')).pluck();
    // Every email a contact has, its primary one included, is in contact_emails.
    this.byEmail = db
      .prepare(
        `SELECT c.id FROM contact_emails e JOIN contacts c ON c.id = e.contact_id WHERE e.email = ? AND c.merged_into IS NULL`,
      )
      .pluck();
    this.byLinkedin = db
      .prepare(`SELECT id FROM contacts WHERE linkedin_key = ? AND merged_into IS NULL LIMIT 1`)
      .pluck();
    this.byName = db
      .prepare(
        `SELECT id FROM contacts WHERE company_id = ? AND name_key = ? AND merged_into IS NULL LIMIT 1`,
      )
      .pluck();
  }

  companyByLicense(license: string, state: string | null) {
    return (this.byLicense.get(license, state, state) as number | undefined) ?? null;
  }
  companyByCrm(source: string, crmId: string) {
    return (this.byCrm.get(source, crmId) as number | undefined) ?? null;
  }
  companyBySameName(key: string, identity: CompanyIdentity) {
    const statement = identity.license_number ? this.sameNameUnlicensed : this.sameName;
    const nameOnly =
      !identity.phone10 &&
      !identity.domain &&
      !identity.address_key &&
      !identity.zip &&
      !identity.license_number;
    const found = statement.get(
      key,
      nameOnly ? 1 : 0,
      identity.phone10,
      identity.domain,
      identity.address_key,
      identity.zip,
    ) as number | undefined;
    return found ?? null;
  }
  contactsByEmail(email: string) {
    return this.byEmail.all(email) as number[];
  }
  contactByLinkedin(key: string) {
    return (this.byLinkedin.get(key) as number | undefined) ?? null;
  }
  contactByName(companyId: number, nameKey: string) {
    return (this.byName.get(companyId, nameKey) as number | undefined) ?? null;
  }
  companyStored() {}
  contactStored() {}
  emailStored() {}
}
