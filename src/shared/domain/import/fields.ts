/**
 * The fields a spreadsheet column can be mapped to. Each says which record it fills, how its
 * values are cleaned, and the header names it usually goes by (used, with fuzzy matching, to map
 * columns automatically). Columns left unmapped are kept in the raw row, never dropped.
 */
export type FieldKind =
  'text' | 'name' | 'email' | 'phone' | 'url' | 'date' | 'number' | 'state' | 'zip' | 'multiline';
export type FieldTarget = 'company' | 'contact';

export interface FieldSpec {
  id: string;
  label: string;
  target: FieldTarget;
  kind: FieldKind;
  /** Header names this field often has, lowercased, without punctuation. */
  synonyms: string[];
  /** More than one column may map to it (sub-scores, notes). */
  multiple?: boolean;
}

export const IMPORT_FIELDS = [
  {
    id: 'company_name',
    label: 'Company name',
    target: 'company',
    kind: 'text',
    synonyms: [
      'company',
      'company name',
      'business name',
      'name',
      'account name',
      'organization',
      'organisation',
      'employer',
      'dba',
      'full business name',
      'legal name',
      'firm',
      'contractor',
      'contractor name',
      'site name',
    ],
  },
  {
    id: 'website',
    label: 'Website',
    target: 'company',
    kind: 'url',
    synonyms: [
      'website',
      'web site',
      'url',
      'company url',
      'homepage',
      'web',
      'site',
      'company website',
      'website url',
    ],
  },
  {
    id: 'domain',
    label: 'Domain',
    target: 'company',
    kind: 'text',
    synonyms: ['domain', 'company domain', 'company domain name', 'email domain', 'website domain'],
  },
  {
    id: 'phone',
    label: 'Phone',
    target: 'company',
    kind: 'phone',
    synonyms: [
      'phone',
      'phone number',
      'telephone',
      'tel',
      'business phone',
      'main phone',
      'company phone',
      'office phone',
      'work phone',
      'corporate phone',
      'phone 1',
    ],
  },
  {
    id: 'address',
    label: 'Street address',
    target: 'company',
    kind: 'text',
    synonyms: [
      'address',
      'street',
      'street address',
      'address 1',
      'address line 1',
      'mailing address',
      'billing street',
      'company address',
      'street 1',
    ],
  },
  {
    id: 'city',
    label: 'City',
    target: 'company',
    kind: 'text',
    synonyms: ['city', 'town', 'billing city', 'company city', 'mailing city', 'suburb'],
  },
  {
    id: 'state',
    label: 'State',
    target: 'company',
    kind: 'state',
    synonyms: ['state', 'state region', 'province', 'region', 'billing state', 'company state', 'st'],
  },
  {
    id: 'zip',
    label: 'ZIP / postal code',
    target: 'company',
    kind: 'zip',
    synonyms: [
      'zip',
      'zip code',
      'zipcode',
      'postal code',
      'postcode',
      'billing zip',
      'billing postal code',
      'company zip',
    ],
  },
  {
    id: 'country',
    label: 'Country',
    target: 'company',
    kind: 'text',
    synonyms: ['country', 'company country', 'billing country', 'country region'],
  },
  {
    id: 'industry',
    label: 'Industry',
    target: 'company',
    kind: 'text',
    synonyms: ['industry', 'sector', 'vertical', 'segment', 'company industry'],
  },
  {
    id: 'employee_count',
    label: 'Employee count',
    target: 'company',
    kind: 'number',
    synonyms: [
      'employees',
      'employee count',
      'number of employees',
      'numberofemployees',
      'headcount',
      'company size',
      'size',
      '# employees',
      'num employees',
    ],
  },
  {
    id: 'license_number',
    label: 'License number',
    target: 'company',
    kind: 'text',
    synonyms: [
      'license number',
      'license no',
      'licenseno',
      'license',
      'license #',
      'lic no',
      'license id',
      'licence number',
    ],
  },
  {
    id: 'license_type',
    label: 'License type',
    target: 'company',
    kind: 'text',
    synonyms: ['license type', 'business type', 'entity type', 'licence type'],
  },
  {
    id: 'license_status',
    label: 'License status',
    target: 'company',
    kind: 'text',
    synonyms: ['license status', 'status', 'primary status', 'licence status'],
  },
  {
    id: 'license_expiration',
    label: 'License expiration',
    target: 'company',
    kind: 'date',
    synonyms: [
      'license expiration date',
      'expiration date',
      'expiration',
      'expires',
      'license expiration',
      'expiry date',
    ],
  },
  {
    id: 'classifications',
    label: 'Classifications',
    target: 'company',
    kind: 'text',
    synonyms: [
      'classifications',
      'classification',
      'classifications s',
      'license classes',
      'trade',
      'trades',
    ],
  },
  {
    id: 'icp_score',
    label: 'ICP score',
    target: 'company',
    kind: 'number',
    synonyms: ['icp score', 'icp', 'fit score', 'score', 'lead score'],
  },
  {
    id: 'icp_tier',
    label: 'Tier',
    target: 'company',
    kind: 'text',
    synonyms: ['tier', 'icp tier', 'priority', 'segment tier'],
  },
  {
    id: 'icp_subscore',
    label: 'Sub-score',
    target: 'company',
    kind: 'number',
    multiple: true,
    synonyms: ['resimercial score', 'om score', 'mepr score', 'multi oem score', 'sub score', 'subscore'],
  },
  {
    id: 'crm_id',
    label: 'CRM record id',
    target: 'company',
    kind: 'text',
    synonyms: [
      'id',
      'record id',
      'lead id',
      'account id',
      'contact id',
      'crm id',
      'hubspot id',
      'salesforce id',
      'close id',
    ],
  },
  {
    id: 'first_name',
    label: 'First name',
    target: 'contact',
    kind: 'name',
    synonyms: ['first name', 'firstname', 'first', 'given name', 'contact first name'],
  },
  {
    id: 'last_name',
    label: 'Last name',
    target: 'contact',
    kind: 'name',
    synonyms: ['last name', 'lastname', 'last', 'surname', 'family name', 'contact last name'],
  },
  {
    id: 'full_name',
    label: 'Full name',
    target: 'contact',
    kind: 'name',
    synonyms: [
      'full name',
      'contact name',
      'contact',
      'person',
      'name',
      'lead name',
      'director',
      'owner name',
      'principal name',
    ],
  },
  {
    id: 'title',
    label: 'Job title',
    target: 'contact',
    kind: 'text',
    synonyms: ['title', 'job title', 'position', 'role', 'designation', 'contact title'],
  },
  {
    id: 'email',
    label: 'Email',
    target: 'contact',
    kind: 'email',
    synonyms: [
      'email',
      'email address',
      'e mail',
      'work email',
      'business email',
      'contact email',
      'emails',
      'primary email',
    ],
  },
  {
    id: 'linkedin_url',
    label: 'LinkedIn URL',
    target: 'contact',
    kind: 'url',
    synonyms: [
      'linkedin',
      'linkedin url',
      'linkedin profile',
      'person linkedin url',
      'profile url',
      'url',
      'linkedin profile url',
    ],
  },
  {
    id: 'contact_phone',
    label: 'Person’s phone',
    target: 'contact',
    kind: 'phone',
    synonyms: [
      'mobile',
      'mobile phone',
      'cell',
      'cell phone',
      'direct phone',
      'mobilephone',
      'personal phone',
      'contact phone',
    ],
  },
  {
    id: 'connected_on',
    label: 'Connected on',
    target: 'contact',
    kind: 'date',
    synonyms: ['connected on', 'connection date', 'connected'],
  },
  {
    id: 'notes',
    label: 'Notes',
    target: 'company',
    kind: 'multiline',
    multiple: true,
    synonyms: ['notes', 'note', 'comments', 'description', 'remarks'],
  },
] as const satisfies readonly FieldSpec[];

export type FieldId = (typeof IMPORT_FIELDS)[number]['id'];

export const FIELD_IDS = IMPORT_FIELDS.map((f) => f.id) as FieldId[];

const BY_ID = new Map<string, FieldSpec>(IMPORT_FIELDS.map((f) => [f.id, f]));

export const fieldSpec = (id: string): FieldSpec | undefined => BY_ID.get(id);

export const isFieldId = (id: string): id is FieldId => BY_ID.has(id);
