import type { ExportLead } from '../exportLeads';
import { closeTags, sourceLabel, websiteUrl, yesNo } from '../formats/values';
import { rowHash } from '../rowHash';
import { linkedinKey } from '../../normalize/linkedin';

/**
 * The lead custom fields the sync writes (the same names as the Close CSV's custom columns). The
 * LinkedIn URLs and the tags hold several values: one lead holds a company's people.
 */
export const CLOSE_FIELDS = [
  { name: 'linkedin_url', type: 'text', multiple: true },
  { name: 'lead_score', type: 'number', multiple: false },
  { name: 'lead_tier', type: 'text', multiple: false },
  { name: 'discovery_source', type: 'text', multiple: false },
  { name: 'inmail_eligible', type: 'text', multiple: false },
  { name: 'tags', type: 'text', multiple: true },
] as const;

export type CloseFieldName = (typeof CLOSE_FIELDS)[number]['name'];

/** Close's id for each of our fields, and whether that field holds a list. */
export type FieldIds = Record<CloseFieldName, { id: string; multiple: boolean }>;

/** One company's people, as one Close lead. */
export interface LeadGroup {
  companyId: number | null;
  name: string;
  people: ExportLead[];
}

export function contactPayload(lead: ExportLead): Record<string, unknown> {
  const phone = lead.phone ?? lead.companyPhone;
  return {
    name: lead.fullName,
    title: lead.title ?? '',
    emails: lead.email ? [{ email: lead.email, type: 'office' }] : [],
    phones: phone ? [{ phone, type: 'office' }] : [],
    urls: lead.linkedinUrl ? [{ url: lead.linkedinUrl, type: 'url' }] : [],
  };
}

/** The lead's custom fields, from its people: the best-scored one's score and tier, every profile and tag. */
export function leadCustomFields(group: LeadGroup, fields: FieldIds): Record<string, unknown> {
  const best = [...group.people].sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || a.contactId - b.contactId,
  )[0]!;
  const urls = group.people.map((p) => p.linkedinUrl).filter((u): u is string => Boolean(u));
  const tags = [
    ...new Set(group.people.flatMap(closeTags).filter((t) => !['HOT', 'WARM', 'COLD'].includes(t))),
  ];
  if (best.tier) tags.push(best.tier);
  const value = (name: CloseFieldName, list: string[]) =>
    fields[name].multiple ? list : list.length ? list.join(', ') : null;
  return {
    [`custom.${fields.linkedin_url.id}`]: value(
      'linkedin_url',
      fields.linkedin_url.multiple ? urls : urls.slice(0, 1),
    ),
    [`custom.${fields.lead_score.id}`]: best.score,
    [`custom.${fields.lead_tier.id}`]: best.tier,
    [`custom.${fields.discovery_source.id}`]: sourceLabel(best),
    [`custom.${fields.inmail_eligible.id}`]: yesNo(group.people.some((p) => p.inmailEligible)),
    [`custom.${fields.tags.id}`]: value('tags', tags),
  };
}

/** A new lead: the company, its address, its people and our custom fields. */
export function leadPayload(
  group: LeadGroup,
  fields: FieldIds,
  people: ExportLead[],
): Record<string, unknown> {
  const first = group.people[0]!;
  const address =
    first.address || first.city || first.state || first.zip
      ? [
          {
            label: 'business',
            address_1: first.address ?? '',
            city: first.city ?? '',
            state: first.state ?? '',
            zipcode: first.zip ?? '',
            country: first.country ?? '',
          },
        ]
      : [];
  return {
    name: group.name,
    url: group.companyId === null ? null : websiteUrl(first),
    status_label: 'Potential',
    addresses: address,
    contacts: people.map(contactPayload),
    ...leadCustomFields(group, fields),
  };
}

/** Fingerprints of what was sent, to know next time whether anything changed. */
export const contactHash = (lead: ExportLead): string => rowHash([JSON.stringify(contactPayload(lead))]);
export const leadHash = (group: LeadGroup, fields: FieldIds): string =>
  rowHash([group.name, JSON.stringify(leadCustomFields(group, fields))]);

const fold = (s: string | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');

/** The Close contact on a lead that is this person: same email, same LinkedIn profile, or same name. */
export function findPerson<
  C extends { name?: string; emails?: { email: string }[]; urls?: { url: string }[] },
>(contacts: readonly C[] | undefined, lead: ExportLead): C | undefined {
  if (!contacts) return undefined;
  const email = lead.email?.toLowerCase();
  if (email) {
    const byEmail = contacts.find((c) => c.emails?.some((e) => e.email.toLowerCase() === email));
    if (byEmail) return byEmail;
  }
  const key = linkedinKey(lead.linkedinUrl);
  if (key) {
    const byProfile = contacts.find((c) => c.urls?.some((u) => linkedinKey(u.url) === key));
    if (byProfile) return byProfile;
  }
  const name = fold(lead.fullName);
  return contacts.find((c) => fold(c.name) === name);
}
