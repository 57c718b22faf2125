import type { Tier } from './settings/scoring';

/**
 * The dashboard's figures. Every rate counts outreach actions that were sent (status sent or
 * later): reply rate = sent actions that got a reply ÷ sent actions; acceptance rate = invites
 * accepted ÷ invites sent. Groups are read as the data stands now (a lead's current tier, its
 * company's state).
 */
export const FUNNEL_STAGES = [
  { id: 'imported', label: 'Imported', help: 'people in the database (merged records count once)' },
  { id: 'atl', label: 'ATL found', help: 'whose title is above the line' },
  { id: 'email', label: 'Email found', help: 'ATL people with an email' },
  { id: 'approved', label: 'Approved', help: 'approved leads' },
  { id: 'contacted', label: 'Contacted', help: 'people something was sent to' },
  { id: 'accepted', label: 'Accepted', help: 'people who accepted an invite' },
  { id: 'replied', label: 'Replied', help: 'people who replied' },
] as const;

export type FunnelStageId = (typeof FUNNEL_STAGES)[number]['id'];

export interface FunnelStage {
  id: FunnelStageId;
  label: string;
  count: number;
}

export interface RateRow {
  /** The group's value ("HOT", "CA", "Short hello"); "Unknown" when the field is empty. */
  group: string;
  /** Sent actions. */
  sent: number;
  replied: number;
  /** Invites among the sent actions, and how many of them were accepted. */
  invites: number;
  accepted: number;
  /** replied ÷ sent, accepted ÷ invites (0..1); null when nothing was sent. */
  replyRate: number | null;
  acceptanceRate: number | null;
}

export type RateDimension = 'tier' | 'source' | 'template' | 'state' | 'licenseType' | 'industry';

export const RATE_DIMENSIONS: readonly { id: RateDimension; label: string }[] = [
  { id: 'tier', label: 'Tier' },
  { id: 'source', label: 'Source' },
  { id: 'template', label: 'Template' },
  { id: 'state', label: 'State' },
  { id: 'licenseType', label: 'License type' },
  { id: 'industry', label: 'Industry' },
];

export interface QuotaDay {
  /** Local day, YYYY-MM-DD. */
  day: string;
  /** Units used per quota that day (quota name → units). */
  used: Record<string, number>;
}

export interface DashboardData {
  /** Standing contacts; 0 means the dashboard has nothing to show yet. */
  contacts: number;
  funnel: FunnelStage[];
  tiers: { tier: Tier | 'Not scored'; count: number }[];
  rates: Record<RateDimension, RateRow[]>;
  quotas: { names: string[]; days: QuotaDay[] };
}

/** One level of a scoring factor (e.g. title at 35 points) and how the leads at it answered. */
export interface FactorLevel {
  points: number;
  /** What earns these points under the current rules ("President, founder or owner"). */
  label: string;
  /** Leads at this level that something was sent to, and the sent actions to them. */
  leads: number;
  sent: number;
  replied: number;
  invites: number;
  accepted: number;
  replyRate: number | null;
  acceptanceRate: number | null;
}

export interface FactorOutcome {
  factor: 'title' | 'size' | 'email' | 'source' | 'industry' | 'icp';
  label: string;
  levels: FactorLevel[];
  /**
   * Reply rate of leads at the factor's highest level minus that of the others (percentage
   * points); null until both have something sent. Positive: the weight points the right way.
   */
  replyLift: number | null;
}

export interface FactorOutcomes {
  /** Sent actions to scored leads: what the rates are computed from. Levels nothing was sent to
   * do not appear: they have no outcome to show yet. */
  sent: number;
  factors: FactorOutcome[];
}
