import { apolloContacts, closeLeads, hubspotContacts, salesforceLeads } from './crm';
import { caCslb, texasContractors } from './licenses';
import { linkedinConnections, linkedinConnections2018 } from './linkedin';
import type { ImportProfile } from './types';

/** Every built-in profile; the seller's own saved profiles are added to these from the database. */
export const BUILT_IN_PROFILES: readonly ImportProfile[] = [
  linkedinConnections,
  linkedinConnections2018,
  caCslb,
  texasContractors,
  apolloContacts,
  hubspotContacts,
  salesforceLeads,
  closeLeads,
];

export const builtInProfile = (id: string) => BUILT_IN_PROFILES.find((p) => p.id === id);

export type { ImportProfile };
