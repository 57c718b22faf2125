import { companyNameSimilarity } from '../dedupe/companyMatcher';
import { DEFAULT_COMPANY_MATCH_SETTINGS, type CompanyMatchSettings } from '../dedupe/companySettings';
import { gradedWeight, scoreFromLogOdds } from '../dedupe/score';
import type { DiscoveredPerson } from '../linkedin/types';
import { companyNameKey } from '../normalize/companyName';

/**
 * Whether the company a result card names is the run's company, by the dedupe engine's rule for
 * two company names with nothing else known: the same `companyNameKey`, or names similar enough to
 * reach its "same" threshold on their own ("Acme Roofing LLC" is "Acme Roofing"; "Acme Roofing
 * Supply" is not).
 */
export function sameCompanyName(
  a: string,
  b: string,
  s: CompanyMatchSettings = DEFAULT_COMPANY_MATCH_SETTINGS,
): boolean {
  const ka = companyNameKey(a);
  const kb = companyNameKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const similarity = companyNameSimilarity(ka, kb, s.containment);
  return scoreFromLogOdds(s.prior + gradedWeight(similarity, s.name)) >= s.thresholds.same;
}

export interface SkippedPerson {
  name: string;
  profileUrl: string | null;
  /** Where the card says they work now. */
  company: string;
}

/**
 * A search by the company's name as keywords also finds people who only mention it: former
 * staff, vendors, consultants. Those whose card names another current company are left out (they
 * would become this company's contacts); those whose card names none are kept, since LinkedIn
 * matched them to the company and most headlines ("VP of Sales | Acme Roofing") say no more.
 */
export function keepPeopleAt(
  company: string,
  people: readonly DiscoveredPerson[],
): { kept: DiscoveredPerson[]; skipped: SkippedPerson[] } {
  const kept: DiscoveredPerson[] = [];
  const skipped: SkippedPerson[] = [];
  for (const person of people) {
    if (person.company === null || sameCompanyName(person.company, company)) kept.push(person);
    else skipped.push({ name: person.name, profileUrl: person.profileUrl, company: person.company });
  }
  return { kept, skipped };
}
