/**
 * Data rights: erase a person, export everything held on a person, a retention rule, and each
 * contact's lawful basis.
 */

/** The lawful bases a seller usually records (GDPR art. 6); any other text may be typed. */
export const LAWFUL_BASES: readonly string[] = [
  'B2B legitimate interest',
  'Consent',
  'Contract',
  'Contact requested outreach',
];

export const DEFAULT_LAWFUL_BASIS = 'B2B legitimate interest';

/**
 * Which contacts the retention rule purges, in the seller's words (Settings shows it; the SQL in
 * core/privacy/retention.ts is this sentence). A contact is *unverified* when all of these hold:
 * - no email of theirs is verified (no contact_emails row with status 'verified'),
 * - they were never approved (no 'approved' decision in the approval log),
 * - they were never contacted (no outreach action that reached sent, accepted, replied, no
 *   response or withdrawn; a planned or skipped action does not count),
 * - they are not a LinkedIn connection (found as one, or 1st degree) and not in the seller's CRM.
 * It is purged when, in addition, it was first stored more than N days ago (created_at).
 */
export const UNVERIFIED_RULE = [
  'no verified email',
  'never approved',
  'never contacted (nothing sent)',
  'not a LinkedIn connection and not from your CRM',
] as const;

/** What an erasure removed, by kind: counts only, which is also all the audit log keeps. */
export interface ErasureCounts {
  people: number;
  /** Contact records, including records merged into the person. */
  contacts: number;
  emails: number;
  scores: number;
  approvals: number;
  outreachActions: number;
  outreachEvents: number;
  sourceRowsRedacted: number;
  alternatives: number;
  matchCandidates: number;
  merges: number;
  importChanges: number;
  exportItems: number;
  auditEntriesRedacted: number;
  jobsRedacted: number;
  quotaRefsCleared: number;
  /** Do-not-contact entries added for the person's addresses and profile (when asked). */
  suppressionsAdded: number;
  /**
   * Rows of email enrichment's memory that named them: verifier answers about their addresses,
   * cached Hunter searches that listed them, patterns learned from their address, and colleagues'
   * evidence citing it.
   */
  enrichment: number;
  /** Their "Export data" files in the app's person-exports folder, deleted with them. */
  personExports: number;
}

export interface ErasureReport extends ErasureCounts {
  /** How many exports already written to files included the person: those files are outside the app. */
  inExports: number;
}

/** The person's data-rights facts, for the contact drawer. */
export interface PersonPrivacy {
  contactId: number;
  lawfulBasis: string;
  /** Contact records that make up the person (the contact and those merged into it). */
  records: number;
  sourceRows: number;
  outreachActions: number;
  inExports: number;
}

export interface ExportedPerson {
  path: string;
  bytes: number;
}

export interface RetentionPreview {
  days: number;
  /** Contacts the rule would purge now. */
  count: number;
  /** Up to 20 of them, oldest first, for the seller to see what goes. */
  sample: { id: number; fullName: string; createdAt: string }[];
}

export interface RetentionReport {
  days: number;
  purged: number;
  seconds: number;
}
