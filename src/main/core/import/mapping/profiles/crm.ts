import type { ImportProfile } from './types';

/** Apollo.io "Export contacts" CSV. */
export const apolloContacts: ImportProfile = {
  id: 'apollo-contacts',
  label: 'Apollo contacts export',
  sourceKind: 'gtm_list',
  columns: {
    'First Name': 'first_name',
    'Last Name': 'last_name',
    Title: 'title',
    Company: 'company_name',
    'Company Name for Emails': null,
    Email: 'email',
    'Work Direct Phone': 'contact_phone',
    'Mobile Phone': null,
    'Corporate Phone': 'phone',
    '# Employees': 'employee_count',
    Industry: 'industry',
    'Person Linkedin Url': 'linkedin_url',
    Website: 'website',
    'Company Address': 'address',
    'Company City': 'city',
    'Company State': 'state',
    'Company Country': 'country',
    'Apollo Account Id': null,
  },
  required: ['First Name', 'Last Name', 'Company', 'Email', 'Person Linkedin Url'],
};

/** HubSpot "Export contacts" (default properties, with the record id). */
export const hubspotContacts: ImportProfile = {
  id: 'hubspot-contacts',
  label: 'HubSpot contacts export',
  sourceKind: 'crm_export',
  crmSource: 'hubspot',
  columns: {
    'Record ID': 'crm_id',
    'Record ID - Contact': 'crm_id',
    'First Name': 'first_name',
    'Last Name': 'last_name',
    Email: 'email',
    'Phone Number': 'contact_phone',
    'Job Title': 'title',
    'Company Name': 'company_name',
    'Website URL': 'website',
    'Company Domain Name': 'domain',
    City: 'city',
    'State/Region': 'state',
    'Postal Code': 'zip',
    'Country/Region': 'country',
    'LinkedIn URL': 'linkedin_url',
    Industry: 'industry',
  },
  required: ['First Name', 'Last Name', 'Email'],
};

/** Salesforce Lead export with API field names (Data Loader, reports "export details"). */
export const salesforceLeads: ImportProfile = {
  id: 'salesforce-leads',
  label: 'Salesforce Lead export',
  sourceKind: 'crm_export',
  crmSource: 'salesforce',
  columns: {
    Id: 'crm_id',
    FirstName: 'first_name',
    LastName: 'last_name',
    Name: null,
    Title: 'title',
    Company: 'company_name',
    Phone: 'contact_phone',
    MobilePhone: null,
    Email: 'email',
    Website: 'website',
    Industry: 'industry',
    NumberOfEmployees: 'employee_count',
    Street: 'address',
    City: 'city',
    State: 'state',
    PostalCode: 'zip',
    Country: 'country',
    Description: 'notes',
  },
  required: ['Id', 'LastName', 'Company'],
};

/**
 * Close's lead CSV (the columns its importer reads, one row per contact, rows grouped into a lead
 * by company) and Prospect Desk's own Close export, which adds custom fields.
 */
export const closeLeads: ImportProfile = {
  id: 'close-leads',
  label: 'Close lead export',
  sourceKind: 'crm_export',
  crmSource: 'close',
  columns: {
    lead_id: 'crm_id',
    company: 'company_name',
    url: 'website',
    status: null,
    contact: 'full_name',
    title: 'title',
    email: 'email',
    phone: 'contact_phone',
    mobile_phone: null,
    fax: null,
    address: 'address',
    city: 'city',
    state: 'state',
    zip: 'zip',
    country: 'country',
    'custom.linkedin_url': 'linkedin_url',
    linkedin_url: 'linkedin_url',
  },
  required: ['company', 'contact', 'email', 'url'],
};
