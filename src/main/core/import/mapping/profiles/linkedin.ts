import type { ImportProfile } from './types';

/**
 * LinkedIn's "Connections.csv" (Settings → Data privacy → Get a copy of your data). The current
 * export opens with a "Notes:" paragraph above the header and has a URL column; exports before
 * 2019 had neither. Email Address is empty unless the connection allowed it.
 */
export const linkedinConnections: ImportProfile = {
  id: 'linkedin-connections',
  label: 'LinkedIn Connections.csv',
  sourceKind: 'linkedin_connections',
  columns: {
    'First Name': 'first_name',
    'Last Name': 'last_name',
    URL: 'linkedin_url',
    'Email Address': 'email',
    Company: 'company_name',
    Position: 'title',
    'Connected On': 'connected_on',
  },
  required: ['First Name', 'Last Name', 'URL', 'Company', 'Position', 'Connected On'],
};

export const linkedinConnections2018: ImportProfile = {
  id: 'linkedin-connections-2018',
  label: 'LinkedIn Connections.csv (2018, without profile links)',
  sourceKind: 'linkedin_connections',
  columns: {
    'First Name': 'first_name',
    'Last Name': 'last_name',
    'Email Address': 'email',
    Company: 'company_name',
    Position: 'title',
    'Connected On': 'connected_on',
  },
  required: ['First Name', 'Last Name', 'Email Address', 'Company', 'Position', 'Connected On'],
};
