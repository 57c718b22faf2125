import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/database';

/** What identifies a company beyond its name: two same-name records that disagree here differ. */
export interface CompanyIdentity {
  license_number: string | null;
  phone10: string | null;
  domain: string | null;
  zip: string | null;
  state: string | null;
}

/**
 * How an import finds the records a row may already be: by license, CRM id, or same name without
 * a disagreeing identity (companies); by email, LinkedIn profile, or same name at the same company
 * (contacts). An interface so the dedupe engine can answer the same questions more cleverly.
 */
export interface RecordKeys {
  companyByLicense(license: string, state: string | null): number | null;
  companyByCrm(source: string, crmId: string): number | null;
  companyBySameName(nameKey: string, identity: CompanyIdentity): number | null;
  contactByEmail(email: string): number | null;
  contactByLinkedin(key: string): number | null;
  contactByName(companyId: number, nameKey: string): number | null;
  /** Told after every insert or update, with the record's values as now stored. */
  companyStored(id: number, values: Record<string, unknown>): void;
  contactStored(id: number, values: Record<string, unknown>): void;
  emailStored(contactId: number, email: string): void;
}

const sameNameSql = (
  licensed: string,
) => `SELECT id FROM companies WHERE name_key = @key AND ${licensed} AND merged_into IS NULL
   AND (phone10 IS NULL OR @phone10 IS NULL OR phone10 = @phone10)
   AND (domain IS NULL OR @domain IS NULL OR domain = @domain)
   AND (zip IS NULL OR @zip IS NULL OR zip = @zip)
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
        `SELECT c.id FROM contact_emails e JOIN contacts c ON c.id = e.contact_id WHERE e.email = ? AND c.merged_into IS NULL LIMIT 1`,
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
    return (
      (statement.get({ key, phone10: identity.phone10, domain: identity.domain, zip: identity.zip }) as
        number | undefined) ?? null
    );
  }
  contactByEmail(email: string) {
    return (this.byEmail.get(email) as number | undefined) ?? null;
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
