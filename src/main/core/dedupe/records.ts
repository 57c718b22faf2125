import { normalizeAddress, normalizeZip, type NormalizedAddress } from './address';
import { companyNameTokens } from '../normalize/companyName';
import { companyDomainOf } from '../normalize/domain';
import { normalizeEmail } from '../normalize/email';
import { linkedinKey } from '../normalize/linkedin';
import { namePartKey, splitPersonName } from '../normalize/personName';
import { phoneDigits } from '../normalize/phone';
import { foldCase, intern } from '../normalize/fold';

/**
 * A company as the matcher sees it. Every field except `id` and `name` is optional; give what you
 * have, raw or already normalised (normalising is idempotent). Missing fields are neither
 * agreement nor disagreement.
 */
export interface CompanyRecord {
  /** The caller's id (a database row id); pairs and clusters refer to records by it. */
  id: number;
  /** The company or site name as written: "Acme Plumbing & Heating, LLC". */
  name: string;
  /** The street line: "4800 S. Paulina St, Suite 2". */
  address?: string;
  city?: string;
  /** State or region; two-letter codes and full names are compared as written (folded). */
  state?: string;
  /** ZIP or postcode; US ZIP+4 is cut to five digits. */
  zip?: string;
  /** A phone number in any format; US/Canadian numbers become 10 digits, 7-digit local numbers are kept. */
  phone?: string;
  /** Website, URL or bare domain ("https://www.acme.com/about", "acme.com"). */
  website?: string;
  /** Email addresses seen for the company (a general inbox, contacts' addresses). */
  emails?: string[];
  /** A licence or registration number (state contractor licence, …): a deterministic key. */
  licenseNumber?: string;
  /** The record's id in the seller's CRM, when it came from a CRM export. */
  crmId?: string;
}

/** A `CompanyRecord` with its comparison keys computed once. Built by `prepareCompany`. */
export interface PreparedCompany {
  id: number;
  /** Name words after `companyNameTokens`, joined by single spaces (`companyNameKey`). */
  nameKey: string;
  address: NormalizedAddress;
  city?: string;
  state?: string;
  zip?: string;
  phone10?: string;
  local7?: string;
  /** Company domains: the website's and those of non-free-mail email addresses, deduplicated. */
  domains: string[];
  emails: string[];
  license?: string;
  crmId?: string;
}

/** Shared by every record without values: most have no second domain or email. */
const NONE: string[] = [];

function foldedField(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const t = foldCase(raw)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return t.length > 0 ? intern(t) : undefined;
}

/** An identifier (licence, CRM id, national id) folded to its letters and digits, upper case. */
export function normalizeIdentifier(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const t = foldCase(raw)
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase();
  return t.length > 0 ? t : undefined;
}

export function prepareCompany(record: CompanyRecord): PreparedCompany {
  const phone = phoneDigits(record.phone);
  const emails = record.emails && record.emails.length > 0 ? uniq(record.emails.map(normalizeEmail)) : NONE;
  const domains = uniq([companyDomainOf(record.website), ...emails.map(companyDomainOf)]);
  return {
    id: record.id,
    nameKey: companyNameTokens(record.name).join(' '),
    address: normalizeAddress(record.address),
    city: foldedField(record.city),
    state: foldedField(record.state),
    zip: intern(normalizeZip(record.zip)),
    phone10: phone.phone10,
    local7: phone.local7,
    domains,
    emails,
    license: normalizeIdentifier(record.licenseNumber),
    crmId: record.crmId?.trim() || undefined,
  };
}

/**
 * A person: a contact in the app (name, title, email, LinkedIn, company) or a person register
 * row (name, address, date of birth, an id number, as in Febrl). Give what you have.
 */
export interface PersonRecord {
  id: number;
  /** The whole name when it is not split: "Dr. Mary Ann Smith", "Smith, Mary". */
  fullName?: string;
  /** Given name(s), when the source splits names. Takes precedence over `fullName`. */
  firstName?: string;
  /** Family name, when the source splits names. Takes precedence over `fullName`. */
  lastName?: string;
  emails?: string[];
  /** A LinkedIn profile URL in any form (see `linkedinKey`). */
  linkedinUrl?: string;
  /** The resolved company's id, when known: the strongest "same employer" evidence. */
  companyId?: number;
  /** The employer's name as written, compared with `companyNameKey` when `companyId` is missing. */
  companyName?: string;
  title?: string;
  phone?: string;
  /** House number when the source keeps it apart (Febrl's street_number). */
  streetNumber?: string;
  /** Street line ("6 Tullaroop Street", or just "Tullaroop Street" with `streetNumber`). */
  address?: string;
  /** A second address line: a building, a locality, a unit. */
  address2?: string;
  /** City, town or suburb. */
  city?: string;
  state?: string;
  zip?: string;
  /** Date of birth: "YYYYMMDD", "YYYY-MM-DD" or any string of its digits in that order. */
  birthDate?: string;
  /** A personal identifier such as a social security or employee number. Strong, not deterministic. */
  nationalId?: string;
}

export interface PreparedPerson {
  id: number;
  first: string;
  last: string;
  /** `first last`, for whole-name comparisons when one side's split is unreliable. */
  nameKey: string;
  emails: string[];
  /** Emails that identify one person (role inboxes like info@ and sales@ removed). */
  personalEmails: string[];
  linkedin?: string;
  companyId?: number;
  companyKey?: string;
  phone10?: string;
  local7?: string;
  streetNumber?: string;
  address: NormalizedAddress;
  address2?: string;
  city?: string;
  state?: string;
  zip?: string;
  /** Eight digits YYYYMMDD, when the date parses. */
  birthDate?: string;
  nationalId?: string;
  title?: string;
}

/** Local parts of shared inboxes: a shared address does not make two people one. */
const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'info',
  'sales',
  'office',
  'admin',
  'contact',
  'contactus',
  'hello',
  'support',
  'team',
  'billing',
  'accounts',
  'accounting',
  'hr',
  'jobs',
  'careers',
  'marketing',
  'service',
  'help',
  'enquiries',
  'inquiries',
  'reception',
  'frontdesk',
  'noreply',
  'no-reply',
  'mail',
  'general',
  'orders',
]);

export function isRoleEmail(email: string): boolean {
  const local = email.slice(0, email.indexOf('@'));
  return ROLE_MAILBOXES.has(local);
}

function normalizeBirthDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const digits = raw.replace(/\D/g, '');
  return digits.length === 8 ? digits : undefined;
}

export function preparePerson(record: PersonRecord): PreparedPerson {
  let first = namePartKey(record.firstName);
  let last = namePartKey(record.lastName);
  if (!first && !last && record.fullName) {
    const parts = splitPersonName(record.fullName);
    first = parts.first.join(' ');
    last = parts.last.join(' ');
  }
  const emails = uniq((record.emails ?? []).map(normalizeEmail));
  const phone = phoneDigits(record.phone);
  const streetNumber = record.streetNumber?.replace(/\D/g, '') || undefined;
  const line = [streetNumber, record.address].filter(Boolean).join(' ');
  const companyTokens = companyNameTokens(record.companyName);
  return {
    id: record.id,
    first,
    last,
    nameKey: [first, last].filter(Boolean).join(' '),
    emails,
    personalEmails: emails.filter((e) => !isRoleEmail(e)),
    linkedin: linkedinKey(record.linkedinUrl),
    companyId: record.companyId,
    companyKey: companyTokens.length > 0 ? companyTokens.join(' ') : undefined,
    phone10: phone.phone10,
    local7: phone.local7,
    streetNumber,
    address: normalizeAddress(line),
    address2: foldedField(record.address2),
    city: foldedField(record.city),
    state: foldedField(record.state),
    zip: normalizeZip(record.zip),
    birthDate: normalizeBirthDate(record.birthDate),
    nationalId: normalizeIdentifier(record.nationalId),
    title: foldedField(record.title),
  };
}

function uniq(values: (string | undefined)[]): string[] {
  let out: string[] | undefined;
  for (const v of values) {
    if (!v) continue;
    if (!out) out = [v];
    else if (!out.includes(v)) out.push(v);
  }
  return out ?? NONE;
}
