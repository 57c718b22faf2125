import type { ImportProfile } from './types';

/** The 52 columns of the CSLB License Master, in the order the Board publishes them (no header). */
export const CSLB_LAYOUT = [
  'LicenseNo',
  'LastUpdate',
  'BusinessName',
  'BUS-NAME-2',
  'FullBusinessName',
  'MailingAddress',
  'City',
  'State',
  'County',
  'ZIPCode',
  'country',
  'BusinessPhone',
  'BusinessType',
  'IssueDate',
  'ReissueDate',
  'ExpirationDate',
  'InactivationDate',
  'ReactivationDate',
  'PendingSuspension',
  'PendingClassRemoval',
  'PendingClassReplace',
  'PrimaryStatus',
  'SecondaryStatus',
  'Classifications(s)',
  'AsbestosReg',
  'WorkersCompCoverageType',
  'WCInsuranceCompany',
  'WCPolicyNumber',
  'WCEffectiveDate',
  'WCExpirationDate',
  'WCCancellationDate',
  'WCSuspendDate',
  'CBSuretyCompany',
  'CBNumber',
  'CBEffectiveDate',
  'CBCancellationDate',
  'CBAmount',
  'WBSuretyType',
  'WBCapacity',
  'WBSuretyCompany',
  'WBNumber',
  'WBEffectiveDate',
  'WBCancellationDate',
  'WBAmount',
  'DBSuretyType',
  'DBCapacity',
  'DBSuretyCompany',
  'DBNumber',
  'DBEffectiveDate',
  'DBCancellationDate',
  'DBAmount',
  'DBBondReason',
];

const US_DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/**
 * California Contractors State License Board — License Master file. Published without a header
 * row: recognised by its 52 columns, a numeric license number first, a date second and a
 * two-letter state in the eighth column.
 */
export const caCslb: ImportProfile = {
  id: 'ca-cslb',
  label: 'CA CSLB License Master (no header row)',
  sourceKind: 'license_roster',
  columns: {
    LicenseNo: 'license_number',
    BusinessName: 'company_name',
    MailingAddress: 'address',
    City: 'city',
    State: 'state',
    ZIPCode: 'zip',
    country: 'country',
    BusinessPhone: 'phone',
    BusinessType: 'license_type',
    ExpirationDate: 'license_expiration',
    PrimaryStatus: 'license_status',
    'Classifications(s)': 'classifications',
  },
  required: [],
  headerless: {
    layout: CSLB_LAYOUT,
    recognise(rows) {
      const full = rows.filter((r) => r.length >= 50 && r.length <= 53);
      if (full.length === 0 || full.length < rows.length * 0.8) return false;
      return full.every(
        (r) =>
          /^\d{4,8}$/.test(r[0]!.trim()) && US_DATE.test(r[1]!.trim()) && /^[A-Z]{2}$/.test(r[7]!.trim()),
      );
    },
  },
};

/**
 * The Texas contractor list of the seeds: a license roster already matched to phones and scored
 * for fit (icp_score, tier PLATINUM/GOLD/SILVER/BRONZE, and four sub-scores).
 */
export const texasContractors: ImportProfile = {
  id: 'tx-contractors',
  label: 'Texas contractor list (scored)',
  sourceKind: 'license_roster',
  columns: {
    name: 'company_name',
    phone: 'phone',
    domain: 'domain',
    website: 'website',
    city: 'city',
    state: 'state',
    zip: 'zip',
    oem_source: 'notes',
    license_number: 'license_number',
    license_type: 'license_type',
    license_status: 'license_status',
    license_expiration_date: 'license_expiration',
    icp_score: 'icp_score',
    tier: 'icp_tier',
    resimercial_score: 'icp_subscore',
    om_score: 'icp_subscore',
    mepr_score: 'icp_subscore',
    multi_oem_score: 'icp_subscore',
  },
  required: ['name', 'phone', 'license_number', 'icp_score', 'tier'],
};
