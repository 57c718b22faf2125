import { isFreeMailDomain } from '../normalize/freeMail';
import { DEFAULT_COMPANY_MATCH_SETTINGS, type CompanyMatchSettings } from './companySettings';
import type { PreparedCompany } from './records';
import {
  agreementOf,
  decide,
  gradedWeight,
  logOddsForScore,
  reason,
  scoreFromLogOdds,
  type MatchReason,
  type MatchResult,
  type Weighed,
} from './score';
import { jaroWinklerSimilarity, tokenSetSimilarity, tokenSortSimilarity } from './similarity';

/**
 * Name similarity in [0, 1]: the token-sort ratio (equal words in any order, typos), or the
 * token-set ratio scaled by `containment` (one name's words inside the other's), whichever is
 * higher. Names are compared as `companyNameKey`s, so suffixes, case and punctuation are gone.
 */
export function companyNameSimilarity(a: string, b: string, containment: number): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const sorted = tokenSortSimilarity(a, b);
  if (sorted >= containment) return sorted;
  return Math.max(sorted, containment * tokenSetSimilarity(a, b));
}

function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/**
 * A shared address that is the company's: a free-mail one (a family gmail two people at two
 * businesses both use) belongs to a person and says nothing about an employer.
 */
function sharesCompanyAddress(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x) && !isFreeMailDomain(x.slice(x.indexOf('@') + 1))) return true;
  return false;
}

function deterministic(a: PreparedCompany, b: PreparedCompany): MatchReason | null {
  if (a.emails.length > 0 && b.emails.length > 0 && sharesCompanyAddress(a.emails, b.emails)) {
    return reason('email', 'exact', 1, 0);
  }
  if (a.license && a.license === b.license && !(a.state && b.state && a.state !== b.state)) {
    return reason('license', 'exact', 1, 0);
  }
  if (a.crmId && a.crmId === b.crmId) return reason('crmId', 'exact', 1, 0);
  return null;
}

function phoneReason(a: PreparedCompany, b: PreparedCompany, s: CompanyMatchSettings): MatchReason {
  if (!a.local7 || !b.local7) return reason('phone', 'missing', 0, 0);
  if (a.phone10 && b.phone10) {
    return a.phone10 === b.phone10
      ? reason('phone', 'agree', 1, s.phone.agree)
      : phoneMiss(a.phone10, b.phone10, s);
  }
  if (a.local7 === b.local7) return reason('phone', 'agree', 1, s.phone.agreeLocal);
  return phoneMiss(a.local7, b.local7, s);
}

/** Different numbers; one digit apart is as likely a typo, so it counts for nothing either way. */
function phoneMiss(a: string, b: string, s: CompanyMatchSettings): MatchReason {
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1 ? reason('phone', 'partial', 0.86, 0) : reason('phone', 'disagree', 0, s.phone.disagree);
}

function domainReason(a: PreparedCompany, b: PreparedCompany, s: CompanyMatchSettings): MatchReason {
  if (a.domains.length === 0 || b.domains.length === 0) return reason('domain', 'missing', 0, 0);
  return sharesAny(a.domains, b.domains)
    ? reason('domain', 'agree', 1, s.domain.agree)
    : reason('domain', 'disagree', 0, s.domain.disagree);
}

function conflicts(x: string | undefined, y: string | undefined): boolean {
  return x !== undefined && y !== undefined && x !== y;
}

/**
 * Street names: Jaro-Winkler with spaces removed ("Lake Shore" = "Lakeshore"), or 1 when all of
 * one side's words are among the other's and include a real word ("King" within "Dr Martin
 * Luther King", a street with an honorific prefix written out on one side only).
 */
export function streetSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const jw = jaroWinklerSimilarity(a.replace(/ /g, ''), b.replace(/ /g, ''));
  if (jw >= 0.9) return jw;
  const aw = a.split(' ');
  const bw = b.split(' ');
  const [short, long] = aw.length <= bw.length ? [aw, bw] : [bw, aw];
  if (short.some((w) => w.length >= 4) && short.every((w) => long.includes(w))) return 0.95;
  return jw;
}

/**
 * Where the two are, as one piece of evidence: the street address when both have one (the zip
 * and city only veto it), else the zip, else the city, else the state. Counting all of them would
 * count one fact several times.
 */
function locationReason(a: PreparedCompany, b: PreparedCompany, s: CompanyMatchSettings): MatchReason {
  const aa = a.address;
  const ba = b.address;
  const cityConflict = a.city && b.city && jaroWinklerSimilarity(a.city, b.city) < 0.9;
  const zipConflict = conflicts(a.zip, b.zip);
  if (aa.street && ba.street) {
    const streetSim = streetSimilarity(aa.street, ba.street);
    const sameStreet = streetSim >= s.address.streetAgreeAt && !conflicts(aa.direction, ba.direction);
    if (!sameStreet || zipConflict || cityConflict) {
      return reason('address', 'disagree', sameStreet ? streetSim : 0, s.address.disagree);
    }
    if (aa.number && ba.number) {
      if (aa.number !== ba.number) {
        return reason('address', 'disagree', streetSim / 2, s.address.sameStreetOtherNumber);
      }
      if (conflicts(aa.unit, ba.unit)) return reason('address', 'disagree', 0.9, s.address.unitDisagree);
      return reason('address', 'agree', streetSim, s.address.agree);
    }
    // A street without a house number on one side: the same street, little more.
    return reason('address', 'partial', streetSim / 2, s.address.agree / 3);
  }
  if (a.zip && b.zip) {
    return zipConflict
      ? reason('zip', 'disagree', 0, s.zip.disagree)
      : reason('zip', 'agree', 1, s.zip.agree);
  }
  if (a.city && b.city) {
    return cityConflict
      ? reason('city', 'disagree', 0, s.city.disagree)
      : reason('city', 'agree', 1, s.city.agree);
  }
  if (conflicts(a.state, b.state)) return reason('state', 'disagree', 0, s.state.disagree);
  return reason('address', 'missing', 0, 0);
}

/**
 * Weighs two prepared companies. With `pruneBelow` (a score), stops before the costly name
 * comparison when even identical names could not reach it, and returns `pruned: true` with the
 * score identical names would have given (an upper bound): the engine's fast path.
 */
export function weighCompanies(
  a: PreparedCompany,
  b: PreparedCompany,
  s: CompanyMatchSettings,
  pruneBelow: number | null,
): Weighed {
  const key = deterministic(a, b);
  if (key) return { score: 100, decision: 'same', reasons: [key] };

  const evidence: MatchReason[] = [phoneReason(a, b, s), domainReason(a, b, s), locationReason(a, b, s)];
  if (a.license && b.license) evidence.push(reason('license', 'disagree', 0, s.license.disagree));
  if (a.crmId && b.crmId) evidence.push(reason('crmId', 'disagree', 0, s.crmId.disagree));
  let total = s.prior;
  for (const r of evidence) total += r.weight;

  if (pruneBelow !== null && total + s.name.agree < logOddsForScore(pruneBelow)) {
    return {
      score: scoreFromLogOdds(total + s.name.agree),
      decision: 'different',
      reasons: evidence,
      pruned: true,
    };
  }

  let nameReason: MatchReason;
  if (a.nameKey.length === 0 || b.nameKey.length === 0) {
    nameReason = reason('name', 'missing', 0, 0);
  } else {
    const sim = companyNameSimilarity(a.nameKey, b.nameKey, s.containment);
    nameReason = reason('name', agreementOf(sim, s.name), sim, gradedWeight(sim, s.name));
  }
  total += nameReason.weight;
  const score = scoreFromLogOdds(total);
  return { score, decision: decide(score, s.thresholds), reasons: [nameReason, ...evidence] };
}

/** The match score, decision and reasons for two prepared companies. */
export function matchCompanies(
  a: PreparedCompany,
  b: PreparedCompany,
  settings: CompanyMatchSettings = DEFAULT_COMPANY_MATCH_SETTINGS,
): MatchResult {
  return weighCompanies(a, b, settings, null);
}
