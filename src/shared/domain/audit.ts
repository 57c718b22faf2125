/**
 * The audit log's entries as the Audit page shows them, grouped in the kinds a seller asks about.
 * An action belongs to the first kind whose prefixes it starts with.
 */
export const AUDIT_KINDS = [
  { id: 'imports', label: 'Imports', prefixes: ['import.'] },
  { id: 'merges', label: 'Merges and review', prefixes: ['company.merge', 'contact.merge', 'review.'] },
  { id: 'approvals', label: 'Approvals', prefixes: ['leads.'] },
  { id: 'outreach', label: 'Outreach', prefixes: ['outreach.', 'template', 'quota.', 'linkedin.'] },
  { id: 'exports', label: 'Exports', prefixes: ['export.', 'exports.', 'person.exported'] },
  { id: 'erasures', label: 'Erasures and retention', prefixes: ['person.erased', 'privacy.'] },
  { id: 'edits', label: 'Edits', prefixes: ['contact.edited', 'company.edited', 'suppressions.'] },
  { id: 'settings', label: 'Settings and keys', prefixes: ['settings.', 'secret.'] },
  { id: 'backups', label: 'Backups', prefixes: ['backup.'] },
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number]['id'] | 'other';

export const AUDIT_KIND_IDS = [...AUDIT_KINDS.map((k) => k.id), 'other'] as AuditKind[];

export function auditKindOf(action: string): AuditKind {
  for (const kind of AUDIT_KINDS) if (kind.prefixes.some((p) => action.startsWith(p))) return kind.id;
  return 'other';
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  action: string;
  kind: AuditKind;
  entityType: string | null;
  entityId: number | null;
  /** The entry's details (JSON), as recorded. */
  details: Record<string, unknown>;
}

export interface AuditPage {
  rows: AuditEntryView[];
  total: number;
  offset: number;
  /** Entries per kind within the date range, for the filter's counts. */
  kinds: Partial<Record<AuditKind, number>>;
  /** The seller's zone the from/to days were counted in; the page shows times in it too. */
  timeZone: string;
}
