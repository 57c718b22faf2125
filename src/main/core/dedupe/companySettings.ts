import { DEFAULT_THRESHOLDS, type GradedWeight, type Thresholds } from './score';

/**
 * Every number the company matcher uses, in one place so Settings can expose them. Weights are
 * log-odds points (see `score.ts`): +2.2 over the prior turns a coin-flip into 90.
 *
 * How the defaults were chosen: the same name alone (nothing else known) must reach `same`; a
 * shared phone or domain with a different name must stay `different` (a switchboard or a franchise
 * domain); a shared phone or domain with a near name must reach `same`; the same name with a
 * different street address and phone must not reach `same` (branches of a chain). They were then
 * checked, not fitted, against the labelled Chicago records (bench/dedupe/quality.ts).
 */
export interface CompanyMatchSettings {
  thresholds: Thresholds;
  /** Log-odds before any evidence: two records that merely share a blocking key. */
  prior: number;
  /** Name similarity (see `companyNameSimilarity`) → weight. */
  name: GradedWeight;
  /**
   * How much a containment match counts: "Johnson" within "Chicago Public Schools Johnson" has a
   * token-set ratio of 1 but is weaker evidence than equal names; its similarity is scaled by this.
   */
  containment: number;
  phone: {
    /** Both ten-digit numbers equal. */
    agree: number;
    /** Only the seven-digit local numbers are comparable (one side has no area code) and equal. */
    agreeLocal: number;
    /** Different numbers: weak, since companies have many lines. */
    disagree: number;
  };
  domain: { agree: number; disagree: number };
  address: {
    /** House number and street agree (and zip/city do not conflict). */
    agree: number;
    /** Same street, another house number: a neighbour, or a campus with several entrances. */
    sameStreetOtherNumber: number;
    /** Another street. */
    disagree: number;
    /** Same street address but both give a unit (suite, room) and they differ. */
    unitDisagree: number;
    /** Jaro-Winkler similarity of street names at which they count as the same street. */
    streetAgreeAt: number;
  };
  /** Used only when the street addresses cannot be compared. */
  zip: { agree: number; disagree: number };
  /** Used only when neither street addresses nor zips can be compared. */
  city: { agree: number; disagree: number };
  /** Different states, when nothing more specific is comparable. */
  state: { disagree: number };
  /** Both have a licence number and they differ: two licensed entities. */
  license: { disagree: number };
  /** Both came from the CRM under different ids: the CRM already keeps them apart (it may be wrong). */
  crmId: { disagree: number };
}

export const DEFAULT_COMPANY_MATCH_SETTINGS: CompanyMatchSettings = {
  thresholds: DEFAULT_THRESHOLDS,
  prior: -3,
  name: { agree: 5.6, disagree: -2, agreeAt: 0.97, disagreeAt: 0.5 },
  containment: 0.9,
  phone: { agree: 3.5, agreeLocal: 3, disagree: -1.2 },
  domain: { agree: 3.5, disagree: -1 },
  address: {
    agree: 7,
    sameStreetOtherNumber: -2.5,
    disagree: -4.5,
    unitDisagree: -2.5,
    streetAgreeAt: 0.9,
  },
  zip: { agree: 0.5, disagree: -1.5 },
  city: { agree: 0.3, disagree: -2.5 },
  state: { disagree: -2.5 },
  license: { disagree: -3 },
  crmId: { disagree: -1 },
};
