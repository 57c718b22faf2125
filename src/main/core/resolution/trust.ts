import type { SourceKind } from '@shared/domain/import/types';

/**
 * How much a source is trusted when two records disagree on a field: the seller's CRM is the
 * team's system of record, a state license roster is official, a LinkedIn connection is the
 * person's own words, a bought list is the least sure.
 */
export const SOURCE_TRUST: Record<SourceKind | 'linkedin' | 'enrichment', number> = {
  crm_export: 5,
  license_roster: 4,
  linkedin_connections: 3,
  linkedin: 3,
  enrichment: 2,
  gtm_list: 1,
  other: 0,
};

export const trustOf = (kind: string | null | undefined): number =>
  kind && kind in SOURCE_TRUST ? SOURCE_TRUST[kind as keyof typeof SOURCE_TRUST] : 0;
