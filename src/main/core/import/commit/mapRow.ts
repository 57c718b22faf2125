import type { FieldId } from '@shared/domain/import/fields';
import { fieldSpec } from '@shared/domain/import/fields';
import type { ColumnMapping } from '@shared/domain/import/types';
import { cleanText } from '../../normalize/text';
import { normalizePhone, phoneDigits } from '../../normalize/phone';
import { splitEmails } from '../../normalize/email';
import { parseDate } from '../../normalize/date';
import {
  domainFromEmail,
  domainFromWebsite,
  normalizeDomain,
  normalizeWebsite,
} from '../../normalize/domain';
import { normalizeLinkedinUrl } from '../../normalize/linkedin';
import { joinName, splitFullName } from '../../normalize/personName';
import { parseNumber } from '../../normalize/number';
import { normalizeState } from '../../normalize/usState';
import type { CompanyDraft, ContactDraft, MappedRow, RowProblem } from './drafts';

const emptyCompany = (): CompanyDraft => ({
  name: null,
  domain: null,
  website: null,
  phone: null,
  phone10: null,
  phone_ext: null,
  address: null,
  city: null,
  state: null,
  zip: null,
  country: null,
  industry: null,
  employee_count: null,
  license_number: null,
  license_type: null,
  license_status: null,
  license_expires: null,
  classifications: null,
  icp_score: null,
  icp_tier: null,
  icp_subscores: null,
  notes: null,
  crm_id: null,
});

const emptyContact = (): ContactDraft => ({
  first_name: null,
  last_name: null,
  full_name: null,
  title: null,
  emails: [],
  linkedin_url: null,
  linkedin_key: null,
  phone: null,
  phone10: null,
  connected_on: null,
  crm_id: null,
});

interface Mapped {
  column: number;
  header: string;
  field: FieldId;
}

/**
 * Turns rows of cells into company and contact drafts, cleaning each value by its field's kind.
 * Built once per import from the mapping, then applied to every row.
 */
export class RowMapper {
  private readonly columns: Mapped[];
  private readonly hasPerson: boolean;

  constructor(mapping: readonly ColumnMapping[]) {
    this.columns = mapping.filter((m): m is ColumnMapping & { field: FieldId } => m.field !== null);
    this.hasPerson = this.columns.some((m) => fieldSpec(m.field)!.target === 'contact');
  }

  map(cells: readonly string[]): MappedRow {
    const company = emptyCompany();
    const contact = emptyContact();
    const companySources: MappedRow['companySources'] = {};
    const contactSources: MappedRow['contactSources'] = {};
    const problems: RowProblem[] = [];
    const subscores: Record<string, number> = {};
    const notes: string[] = [];
    let empty = true;
    for (const cell of cells) {
      if (cell !== '' && cell.trim() !== '') {
        empty = false;
        break;
      }
    }
    if (empty) return { company: null, contact: null, companySources, contactSources, problems, empty };

    const setCompany = <K extends keyof CompanyDraft>(key: K, value: CompanyDraft[K], column: number) => {
      company[key] = value;
      companySources[key] = column;
    };
    const setContact = <K extends keyof ContactDraft>(key: K, value: ContactDraft[K], column: number) => {
      contact[key] = value;
      contactSources[key] = column;
    };

    for (const { column, header, field } of this.columns) {
      const raw = cells[column] ?? '';
      if (raw === '' || raw.trim() === '') continue;
      const multiline = field === 'notes';
      const value = cleanText(raw, multiline);
      if (value === '') continue;
      const problem = (kind: RowProblem['kind']) => problems.push({ kind, column, value: raw });
      switch (field) {
        case 'company_name':
          setCompany('name', value, column);
          break;
        case 'website': {
          const website = normalizeWebsite(value);
          if (website) {
            setCompany('website', website, column);
            const domain = domainFromWebsite(website);
            if (domain && !company.domain) setCompany('domain', domain, column);
          }
          break;
        }
        case 'domain': {
          const domain = normalizeDomain(value);
          if (domain) setCompany('domain', domain, column);
          break;
        }
        case 'phone':
        case 'contact_phone': {
          // A valid number abroad is kept (without a 10-digit key); only a value that is no phone
          // number at all is a problem.
          const phone = normalizePhone(value);
          if (!phone) {
            problem('phone_not_10_digits');
            // A local number without its area code is still evidence for matching: keep it as typed.
            if (phoneDigits(value).local7) {
              if (field === 'phone') setCompany('phone', value, column);
              else setContact('phone', value, column);
            }
            break;
          }
          if (field === 'phone') {
            setCompany('phone', phone.e164, column);
            setCompany('phone10', phone.phone10, column);
            setCompany('phone_ext', phone.ext, column);
          } else {
            setContact('phone', phone.e164, column);
            setContact('phone10', phone.phone10, column);
          }
          break;
        }
        case 'address':
          setCompany('address', value, column);
          break;
        case 'city':
          setCompany('city', value, column);
          break;
        case 'state':
          setCompany('state', normalizeState(value), column);
          break;
        case 'zip':
          setCompany('zip', value, column);
          break;
        case 'country':
          setCompany('country', value, column);
          break;
        case 'industry':
          setCompany('industry', value, column);
          break;
        case 'license_number':
          setCompany('license_number', value.replace(/\s+/g, ''), column);
          break;
        case 'license_type':
          setCompany('license_type', value, column);
          break;
        case 'license_status':
          setCompany('license_status', value, column);
          break;
        case 'classifications':
          setCompany('classifications', value, column);
          break;
        case 'icp_tier':
          setCompany('icp_tier', value.toUpperCase(), column);
          break;
        case 'crm_id':
          if (this.hasPerson) setContact('crm_id', value, column);
          else setCompany('crm_id', value, column);
          break;
        case 'notes':
          notes.push(
            this.columns.filter((c) => c.field === 'notes').length > 1 ? `${header}: ${value}` : value,
          );
          companySources.notes ??= column;
          break;
        case 'employee_count':
        case 'icp_score':
        case 'icp_subscore': {
          const number = parseNumber(value);
          if (number === null) {
            problem('invalid_number');
            break;
          }
          if (field === 'employee_count') setCompany('employee_count', Math.round(number), column);
          else if (field === 'icp_score') setCompany('icp_score', number, column);
          else {
            subscores[header] = number;
            companySources.icp_subscores ??= column;
          }
          break;
        }
        case 'license_expiration':
        case 'connected_on': {
          const date = parseDate(value);
          if (date === null) {
            problem('unparseable_date');
            break;
          }
          if (field === 'license_expiration') setCompany('license_expires', date, column);
          else setContact('connected_on', date, column);
          break;
        }
        case 'first_name':
          setContact('first_name', value, column);
          break;
        case 'last_name':
          setContact('last_name', value, column);
          break;
        case 'full_name':
          setContact('full_name', value, column);
          break;
        case 'title':
          setContact('title', value, column);
          break;
        case 'email': {
          const { valid, invalid } = splitEmails(value);
          if (invalid.length > 0) problem('invalid_email');
          if (valid.length > 0) {
            contact.emails = valid;
            contactSources.emails = column;
          }
          break;
        }
        case 'linkedin_url': {
          const profile = normalizeLinkedinUrl(value);
          if (!profile) {
            problem('invalid_linkedin_url');
            break;
          }
          setContact('linkedin_url', profile.url, column);
          setContact('linkedin_key', profile.key, column);
          break;
        }
      }
    }
    if (notes.length > 0) company.notes = notes.join('\n');
    if (Object.keys(subscores).length > 0) company.icp_subscores = JSON.stringify(subscores);

    // Names: a full name fills first and last; first and last fill the full name.
    if (contact.full_name && (!contact.first_name || !contact.last_name)) {
      const split = splitFullName(contact.full_name);
      if (!contact.first_name && split.first)
        setContact('first_name', split.first, contactSources.full_name!);
      if (!contact.last_name && split.last) setContact('last_name', split.last, contactSources.full_name!);
    }
    if (!contact.full_name && (contact.first_name || contact.last_name)) {
      contact.full_name = joinName(contact.first_name, contact.last_name);
      contactSources.full_name = contactSources.first_name ?? contactSources.last_name;
    }
    // A person is someone we can name or reach; a title or phone alone stays in the raw row.
    const hasContact = Boolean(contact.full_name || contact.emails.length || contact.linkedin_key);
    // A work email tells the company's domain when nothing else did.
    if (!company.domain && contact.emails[0]) {
      const domain = domainFromEmail(contact.emails[0]);
      if (domain) {
        company.domain = domain;
        companySources.domain = contactSources.emails;
      }
    }
    const hasCompany = company.name !== null;
    if (!hasCompany && !hasContact) problems.push({ kind: 'missing_company_name', column: -1, value: '' });
    return {
      company: hasCompany ? company : null,
      contact: hasContact ? contact : null,
      companySources,
      contactSources,
      problems,
      empty: false,
    };
  }
}
