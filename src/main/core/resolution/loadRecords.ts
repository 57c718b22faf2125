import type { CompanyRecord, PersonRecord } from '../dedupe/records';
import type { Db } from '../db/database';
import { statement } from '../db/statementCache';

interface CompanyRow {
  id: number;
  name: string;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  phone: string | null;
  website: string | null;
  domain: string | null;
  license_number: string | null;
  crm_id: string | null;
}

const opt = (v: string | null) => v ?? undefined;

/**
 * Companies as the matcher sees them, standing records only (merged ones are gone from view),
 * streamed (a generator) so 250,000 of them are never an array beside the engine's own copy.
 * `created` picks those an import created (`in`) or all the others (`out`).
 */
export function* loadCompanies(
  db: Db,
  created?: { batchId: number; side: 'in' | 'out' },
): Generator<CompanyRecord> {
  // IS NOT, not !=: a company no import created (created_batch_id NULL) is one of the others.
  const filter = created
    ? created.side === 'in'
      ? 'AND created_batch_id = @batch'
      : 'AND created_batch_id IS NOT @batch'
    : '';
  // Read before the rows: a connection runs one statement at a time while one is being iterated.
  const emails = companyEmails(db);
  const rows = db
    .prepare(
      `SELECT id, name, address, city, state, zip, phone, website, domain, license_number, crm_id
       FROM companies WHERE merged_into IS NULL ${filter} ORDER BY id`,
    )
    .iterate(created ? { batch: created.batchId } : {}) as IterableIterator<CompanyRow>;
  for (const r of rows) yield companyRecord(r, emails.get(r.id));
}

function companyRecord(r: CompanyRow, emails: string[] | undefined): CompanyRecord {
  return {
    id: r.id,
    name: r.name,
    address: opt(r.address),
    city: opt(r.city),
    state: opt(r.state),
    zip: opt(r.zip),
    phone: opt(r.phone),
    website: opt(r.domain ?? r.website),
    licenseNumber: opt(r.license_number),
    crmId: opt(r.crm_id),
    emails,
  };
}

/** One standing company as the matcher sees it (null when it is gone or merged away). */
export function loadCompany(db: Db, id: number): CompanyRecord | null {
  const row = statement(
    db,
    `SELECT id, name, address, city, state, zip, phone, website, domain, license_number, crm_id
     FROM companies WHERE id = ? AND merged_into IS NULL`,
  ).get(id) as CompanyRow | undefined;
  if (!row) return null;
  const emails = statement(
    db,
    `SELECT e.email FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
     WHERE c.company_id = ? AND c.merged_into IS NULL`,
  )
    .pluck()
    .all(id) as string[];
  return companyRecord(row, emails.length > 0 ? emails : undefined);
}

/** Every email known at each company (its people's), for the "shared address" evidence. */
function companyEmails(db: Db): Map<number, string[]> {
  const byCompany = new Map<number, string[]>();
  const rows = db
    .prepare(
      `SELECT c.company_id AS company, e.email FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
       WHERE c.merged_into IS NULL AND c.company_id IS NOT NULL`,
    )
    .raw()
    .iterate() as IterableIterator<[number, string]>;
  for (const [company, email] of rows) {
    const list = byCompany.get(company);
    if (list) list.push(email);
    else byCompany.set(company, [email]);
  }
  return byCompany;
}

interface ContactRow {
  id: number;
  first_name: string | null;
  last_name: string | null;
  full_name: string;
  linkedin_url: string | null;
  company_id: number | null;
  company_name: string | null;
  title: string | null;
  phone: string | null;
  city: string | null;
  state: string | null;
}

/** Contacts as the matcher sees them, with their company's id and name and all their emails. */
export function* loadContacts(
  db: Db,
  created?: { batchId: number; side: 'in' | 'out' },
): Generator<PersonRecord> {
  const filter = created
    ? created.side === 'in'
      ? 'AND c.created_batch_id = @batch'
      : 'AND c.created_batch_id IS NOT @batch'
    : '';
  const emails = new Map<number, string[]>();
  for (const [contact, email] of db
    .prepare(`SELECT contact_id, email FROM contact_emails`)
    .raw()
    .iterate() as IterableIterator<[number, string]>) {
    const list = emails.get(contact);
    if (list) list.push(email);
    else emails.set(contact, [email]);
  }
  const rows = db
    .prepare(
      `SELECT c.id, c.first_name, c.last_name, c.full_name, c.linkedin_url, c.company_id, co.name AS company_name,
              c.title, c.phone, c.city, c.state
       FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
       WHERE c.merged_into IS NULL ${filter} ORDER BY c.id`,
    )
    .iterate(created ? { batch: created.batchId } : {}) as IterableIterator<ContactRow>;
  for (const r of rows) yield personRecord(r, emails.get(r.id));
}

function personRecord(r: ContactRow, emails: string[] | undefined): PersonRecord {
  return {
    id: r.id,
    firstName: opt(r.first_name),
    lastName: opt(r.last_name),
    fullName: r.full_name || undefined,
    emails,
    linkedinUrl: opt(r.linkedin_url),
    companyId: r.company_id ?? undefined,
    companyName: opt(r.company_name),
    title: opt(r.title),
    phone: opt(r.phone),
    city: opt(r.city),
    state: opt(r.state),
  };
}

/** One standing contact as the matcher sees it (null when it is gone or merged away). */
export function loadContact(db: Db, id: number): PersonRecord | null {
  const row = statement(
    db,
    `SELECT c.id, c.first_name, c.last_name, c.full_name, c.linkedin_url, c.company_id, co.name AS company_name,
            c.title, c.phone, c.city, c.state
     FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
     WHERE c.id = ? AND c.merged_into IS NULL`,
  ).get(id) as ContactRow | undefined;
  if (!row) return null;
  const emails = statement(db, 'SELECT email FROM contact_emails WHERE contact_id = ?')
    .pluck()
    .all(id) as string[];
  return personRecord(row, emails.length > 0 ? emails : undefined);
}
