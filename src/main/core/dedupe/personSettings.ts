import { DEFAULT_THRESHOLDS, type GradedWeight, type Thresholds } from './score';

/**
 * Every number the person matcher uses (log-odds points, see `score.ts`). The defaults encode the
 * rules: a shared personal email or LinkedIn profile is the same person (deterministic); the same
 * name at the same company reaches `same`; the same name and nothing else is only `review` (two
 * John Smiths); the same name at different companies is `different`. Birth date, an id number and
 * a home address are the evidence person registers carry (checked on the Febrl data,
 * bench/dedupe/quality.ts).
 */
export interface PersonMatchSettings {
  thresholds: Thresholds;
  prior: number;
  /** Jaro-Winkler of surnames → weight. */
  lastName: GradedWeight;
  /** Jaro-Winkler of given names → weight; an initial matching a full name counts as `initialAgree`. */
  firstName: GradedWeight;
  initialAgree: number;
  /** Given name and surname written the other way round ("Smith John"): agreement less this. */
  swappedPenalty: number;
  /** Same company id, or company names at least `companyAgreeAt` similar. */
  company: { agree: number; disagree: number; agreeAt: number };
  phone: { agree: number; disagree: number };
  /** Both have personal emails and share none: weak (people have several addresses). */
  email: { disagree: number };
  /** Both have a LinkedIn profile and they differ: one person has one profile. */
  linkedin: { disagree: number };
  /** Same date; one digit wrong or day and month swapped; otherwise. */
  birthDate: { agree: number; nearly: number; disagree: number };
  /** Same id; one edit apart; otherwise. */
  nationalId: { agree: number; nearly: number; disagree: number };
  /** House number and street; street only; otherwise. */
  address: { agree: number; partial: number; disagree: number; streetAgreeAt: number };
  address2: GradedWeight;
  city: GradedWeight;
  zip: { agree: number; nearly: number; disagree: number };
  state: { agree: number; disagree: number };
}

export const DEFAULT_PERSON_MATCH_SETTINGS: PersonMatchSettings = {
  thresholds: DEFAULT_THRESHOLDS,
  prior: -5.5,
  lastName: { agree: 4, disagree: -3, agreeAt: 0.96, disagreeAt: 0.75 },
  firstName: { agree: 3, disagree: -2.5, agreeAt: 0.96, disagreeAt: 0.75 },
  initialAgree: 1,
  swappedPenalty: 0.5,
  company: { agree: 2.5, disagree: -2, agreeAt: 0.9 },
  phone: { agree: 3, disagree: -0.5 },
  email: { disagree: -0.5 },
  linkedin: { disagree: -4 },
  birthDate: { agree: 4, nearly: 1.5, disagree: -3 },
  nationalId: { agree: 5, nearly: 2, disagree: -3 },
  address: { agree: 2.5, partial: 0.8, disagree: -1, streetAgreeAt: 0.9 },
  address2: { agree: 1, disagree: -0.3, agreeAt: 0.95, disagreeAt: 0.7 },
  city: { agree: 1, disagree: -0.5, agreeAt: 0.95, disagreeAt: 0.75 },
  zip: { agree: 1.5, nearly: 0.5, disagree: -0.8 },
  state: { agree: 0.2, disagree: -0.5 },
};
