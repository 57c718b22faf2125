import type { EntityKind } from '@shared/domain/resolution';

/**
 * The fields a merge decides on, in groups that move together (a phone and its 10-digit key, a
 * name and its matching key, a CRM id and the CRM it is in). The first column of a group is the
 * one compared.
 */
const COMPANY_GROUPS: readonly (readonly string[])[] = [
  ['name', 'name_key'],
  ['domain'],
  ['website'],
  ['phone', 'phone10', 'phone_ext'],
  ['address', 'address_key'],
  ['city'],
  ['state'],
  ['zip'],
  ['country'],
  ['industry'],
  ['employee_count'],
  ['license_number', 'license_type', 'license_status', 'license_expires'],
  ['classifications'],
  ['icp_score', 'icp_tier', 'icp_subscores'],
  ['crm_id', 'crm_source'],
];

const CONTACT_GROUPS: readonly (readonly string[])[] = [
  ['full_name', 'first_name', 'last_name', 'name_key'],
  ['title'],
  ['email'],
  ['linkedin_key', 'linkedin_url'],
  ['phone', 'phone10'],
  ['city'],
  ['state'],
  ['company_id'],
  ['connected_on'],
  ['crm_id', 'crm_source'],
  ['lawful_basis'],
];

export const MERGE_GROUPS: Record<EntityKind, readonly (readonly string[])[]> = {
  company: COMPANY_GROUPS,
  contact: CONTACT_GROUPS,
};

export type Row = Record<string, unknown> & { id: number; updated_at: string; field_sources: string };

export interface Side {
  row: Row;
  /** How far the source of this record is trusted (see SOURCE_TRUST). */
  trust: number;
}

export interface FieldChoice {
  /** column → value for the kept record, only where it changes. */
  changes: Record<string, unknown>;
  /** Values the kept record did not take, by the compared column, to keep as alternatives. */
  alternatives: { field: string; value: string; from: 'kept' | 'merged' }[];
  /** Columns whose value now comes from the merged record. */
  taken: string[];
}

const DECISION_COLUMNS = ['approval', 'approval_reason', 'approval_hash'] as const;
const DECISION_RANK = (approval: unknown) => (approval === 'rejected' ? 2 : approval === 'approved' ? 1 : 0);

const blank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * The value a merged record keeps, group by group: a value over none; where both have one and they
 * differ, the more trusted source's, then the newer record's. `verified` may prefer one side for a
 * group outright (a verified email). Nothing is lost: the value not kept becomes an alternative.
 */
export function chooseFields(
  kind: EntityKind,
  kept: Side,
  merged: Side,
  verified: (group: readonly string[]) => 'kept' | 'merged' | null = () => null,
): FieldChoice {
  const choice: FieldChoice = { changes: {}, alternatives: [], taken: [] };
  for (const group of MERGE_GROUPS[kind]) {
    const lead = group[0]!;
    const a = kept.row[lead];
    const b = merged.row[lead];
    if (blank(b) || a === b) continue;
    let take: boolean;
    if (blank(a)) take = true;
    else {
      const preferred = verified(group);
      if (preferred) take = preferred === 'merged';
      else if (kept.trust !== merged.trust) take = merged.trust > kept.trust;
      else take = merged.row.updated_at > kept.row.updated_at;
      choice.alternatives.push({ field: lead, value: String(take ? a : b), from: take ? 'kept' : 'merged' });
    }
    if (take) {
      for (const column of group) {
        if (kept.row[column] !== merged.row[column]) choice.changes[column] = merged.row[column] ?? null;
      }
      choice.taken.push(...group);
    }
  }
  // Notes are kept whole from both sides rather than one chosen.
  const notesA = kept.row.notes as string | null | undefined;
  const notesB = merged.row.notes as string | null | undefined;
  if (!blank(notesB) && notesA !== notesB && !(notesA ?? '').includes(notesB as string)) {
    choice.changes.notes = blank(notesA) ? notesB : `${notesA}\n${notesB}`;
  }
  if (kind === 'contact') {
    // A person met as a connection stays a connection; the closest degree wins.
    if (merged.row.discovery_source === 'connection' && kept.row.discovery_source !== 'connection') {
      choice.changes.discovery_source = 'connection';
    }
    const degrees = [kept.row.connection_degree, merged.row.connection_degree].filter(
      (d): d is number => typeof d === 'number',
    );
    if (degrees.length > 0 && Math.min(...degrees) !== kept.row.connection_degree)
      choice.changes.connection_degree = Math.min(...degrees);
    // The seller's decision is not a field to weigh: the stricter one stands (a rejection — "asked
    // us never to call" — over an approval, an approval over none), with its reason and the data it
    // was made on. Where the merge changed that data (another title, a LinkedIn profile), the
    // lead is back as "changed" with the decision and reason shown, as for any changed lead.
    if (DECISION_RANK(merged.row.approval) > DECISION_RANK(kept.row.approval)) {
      for (const column of DECISION_COLUMNS)
        if (kept.row[column] !== merged.row[column]) choice.changes[column] = merged.row[column] ?? null;
    }
  }
  return choice;
}
