export type EntityKind = 'company' | 'contact';

/** Why two records scored as they did: one line per field (from the dedupe engine). */
export interface MatchReasonView {
  field: string;
  agreement: 'exact' | 'agree' | 'partial' | 'disagree' | 'missing';
  /** The field's similarity, 0–1, when it was compared. */
  score: number;
  /** What the field added to (or took from) the evidence. */
  weight: number;
}

/** A record as the review page shows it: its fields by name, and where it came from. */
export interface RecordView {
  id: number;
  fields: Record<string, string | number | null>;
  /** e.g. "cslb.csv row 12", the first source rows it came from. */
  sources: string[];
  inCrm: { source: string; id: string } | null;
}

export interface ReviewPair {
  id: number;
  kind: EntityKind;
  score: number;
  reasons: MatchReasonView[];
  left: RecordView;
  right: RecordView;
  /** Fields whose values differ between the two (highlighted). */
  differing: string[];
  status: 'pending' | 'merged' | 'different' | 'skipped';
}

export interface ReviewQueueView {
  pending: number;
  skipped: number;
  pairs: ReviewPair[];
}

export type ReviewDecision = 'merge' | 'different' | 'skip';

export interface DedupeReport {
  companies: ResolutionStats;
  contacts: ResolutionStats;
  seconds: number;
}

export interface ResolutionStats {
  records: number;
  /** Candidate pairs the blocking produced and the matcher looked at. */
  pairsCompared: number;
  merged: number;
  sentToReview: number;
}
