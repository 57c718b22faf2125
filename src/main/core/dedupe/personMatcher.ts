import { isFreeMailDomain } from '../normalize/freeMail';
import { companyNameSimilarity } from './companyMatcher';
import { DEFAULT_PERSON_MATCH_SETTINGS, type PersonMatchSettings } from './personSettings';
import type { PreparedPerson } from './records';
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
import { editDistance, jaroWinklerSimilarity } from './similarity';

function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** Names: surname and given name by Jaro-Winkler, tolerant of an initial and of swapped order. */
function nameReasons(a: PreparedPerson, b: PreparedPerson, s: PersonMatchSettings): MatchReason[] {
  const out: MatchReason[] = [];
  const lastSim = a.last && b.last ? jaroWinklerSimilarity(a.last, b.last) : -1;
  const firstSim = a.first && b.first ? jaroWinklerSimilarity(a.first, b.first) : -1;
  // "Smith John" against "John Smith": read the other way round when that fits much better.
  if (a.first && a.last && b.first && b.last) {
    const crossed = Math.min(jaroWinklerSimilarity(a.first, b.last), jaroWinklerSimilarity(a.last, b.first));
    if (crossed > Math.max(lastSim, firstSim) && crossed >= s.lastName.agreeAt) {
      const w = gradedWeight(crossed, s.lastName) + gradedWeight(crossed, s.firstName) - s.swappedPenalty;
      return [reason('name', 'partial', crossed, w)];
    }
  }
  if (lastSim < 0) out.push(reason('lastName', 'missing', 0, 0));
  else
    out.push(
      reason('lastName', agreementOf(lastSim, s.lastName), lastSim, gradedWeight(lastSim, s.lastName)),
    );
  if (firstSim < 0) {
    out.push(reason('firstName', 'missing', 0, 0));
  } else {
    const initial = (a.first.length === 1 || b.first.length === 1) && a.first[0] === b.first[0];
    if (initial && firstSim < s.firstName.agreeAt)
      out.push(reason('firstName', 'partial', 0.5, s.initialAgree));
    else
      out.push(
        reason(
          'firstName',
          agreementOf(firstSim, s.firstName),
          firstSim,
          gradedWeight(firstSim, s.firstName),
        ),
      );
  }
  return out;
}

/**
 * Whether two people's names say they are two people: given names that disagree (a surname changes
 * with marriage, a given name seldom does), or surnames that disagree with nothing in the given
 * names to set against it. An initial, a swapped order, a small typo or a missing name is not a
 * disagreement. The import asks this before it lets a shared address (an office inbox, a family
 * gmail) make a row an update of someone already stored.
 */
export function namesDisagree(
  a: PreparedPerson,
  b: PreparedPerson,
  s: PersonMatchSettings = DEFAULT_PERSON_MATCH_SETTINGS,
): boolean {
  const reasons = nameReasons(a, b, s);
  const first = reasons.find((r) => r.field === 'firstName')?.agreement;
  const last = reasons.find((r) => r.field === 'lastName')?.agreement;
  return first === 'disagree' || (last === 'disagree' && first !== 'agree');
}

/** Eight-digit dates: equal, one digit apart or day/month swapped ("nearly"), or different. */
function dateReason(a: string, b: string, s: PersonMatchSettings): MatchReason {
  if (a === b) return reason('birthDate', 'agree', 1, s.birthDate.agree);
  const swapped = a.slice(0, 4) + a.slice(6, 8) + a.slice(4, 6) === b;
  if (swapped || editDistance(a, b) <= 1) return reason('birthDate', 'partial', 0.8, s.birthDate.nearly);
  return reason('birthDate', 'disagree', 0, s.birthDate.disagree);
}

function evidenceReasons(a: PreparedPerson, b: PreparedPerson, s: PersonMatchSettings): MatchReason[] {
  const out: MatchReason[] = [];
  if (a.linkedin && b.linkedin) out.push(reason('linkedin', 'disagree', 0, s.linkedin.disagree));
  if (a.personalEmails.length > 0 && b.personalEmails.length > 0) {
    out.push(reason('email', 'disagree', 0, s.email.disagree));
  }
  if (a.companyId !== undefined && b.companyId !== undefined) {
    out.push(
      a.companyId === b.companyId
        ? reason('company', 'agree', 1, s.company.agree)
        : reason('company', 'disagree', 0, s.company.disagree),
    );
  } else if (a.companyKey && b.companyKey) {
    const sim = companyNameSimilarity(a.companyKey, b.companyKey, 0.9);
    out.push(
      sim >= s.company.agreeAt
        ? reason('company', 'agree', sim, s.company.agree)
        : reason('company', 'disagree', sim, s.company.disagree),
    );
  }
  if (a.local7 && b.local7) {
    const same = a.phone10 && b.phone10 ? a.phone10 === b.phone10 : a.local7 === b.local7;
    out.push(
      same ? reason('phone', 'agree', 1, s.phone.agree) : reason('phone', 'disagree', 0, s.phone.disagree),
    );
  }
  if (a.birthDate && b.birthDate) out.push(dateReason(a.birthDate, b.birthDate, s));
  if (a.nationalId && b.nationalId) {
    const d = editDistance(a.nationalId, b.nationalId);
    if (d === 0) out.push(reason('nationalId', 'agree', 1, s.nationalId.agree));
    else if (d === 1) out.push(reason('nationalId', 'partial', 0.8, s.nationalId.nearly));
    else out.push(reason('nationalId', 'disagree', 0, s.nationalId.disagree));
  }
  if (a.address.street && b.address.street) {
    const sim = jaroWinklerSimilarity(a.address.street.replace(/ /g, ''), b.address.street.replace(/ /g, ''));
    const sameStreet = sim >= s.address.streetAgreeAt;
    const sameNumber = a.address.number !== undefined && a.address.number === b.address.number;
    if (sameStreet && sameNumber) out.push(reason('address', 'agree', sim, s.address.agree));
    else if (sameStreet || sameNumber) out.push(reason('address', 'partial', sim / 2, s.address.partial));
    else out.push(reason('address', 'disagree', sim, s.address.disagree));
  }
  if (a.address2 && b.address2) {
    const sim = jaroWinklerSimilarity(a.address2, b.address2);
    out.push(reason('address2', agreementOf(sim, s.address2), sim, gradedWeight(sim, s.address2)));
  }
  if (a.city && b.city) {
    const sim = jaroWinklerSimilarity(a.city, b.city);
    out.push(reason('city', agreementOf(sim, s.city), sim, gradedWeight(sim, s.city)));
  }
  if (a.zip && b.zip) {
    if (a.zip === b.zip) out.push(reason('zip', 'agree', 1, s.zip.agree));
    else if (editDistance(a.zip, b.zip) === 1) out.push(reason('zip', 'partial', 0.8, s.zip.nearly));
    else out.push(reason('zip', 'disagree', 0, s.zip.disagree));
  }
  if (a.state && b.state) {
    out.push(
      a.state === b.state
        ? reason('state', 'agree', 1, s.state.agree)
        : reason('state', 'disagree', 0, s.state.disagree),
    );
  }
  return out;
}

/**
 * Two people at two known, different companies whose only shared personal addresses are free mail
 * (a family gmail): the address says nothing about an employer, so it does not decide that they are
 * one person moving between companies; the rest of the evidence is weighed instead.
 */
function freeMailAcrossCompanies(a: PreparedPerson, b: PreparedPerson): boolean {
  if (a.companyId === undefined || b.companyId === undefined || a.companyId === b.companyId) return false;
  for (const email of a.personalEmails)
    if (b.personalEmails.includes(email) && !isFreeMailDomain(email.slice(email.indexOf('@') + 1)))
      return false;
  return true;
}

/**
 * Weighs two prepared people (see `weighCompanies` for `pruneBelow`). A shared personal email or
 * LinkedIn profile decides at once.
 */
export function weighPeople(
  a: PreparedPerson,
  b: PreparedPerson,
  s: PersonMatchSettings,
  pruneBelow: number | null,
): Weighed {
  if (
    a.personalEmails.length > 0 &&
    b.personalEmails.length > 0 &&
    sharesAny(a.personalEmails, b.personalEmails) &&
    !freeMailAcrossCompanies(a, b)
  ) {
    return { score: 100, decision: 'same', reasons: [reason('email', 'exact', 1, 0)] };
  }
  if (a.linkedin && a.linkedin === b.linkedin) {
    return { score: 100, decision: 'same', reasons: [reason('linkedin', 'exact', 1, 0)] };
  }
  const evidence = evidenceReasons(a, b, s);
  let total = s.prior;
  for (const r of evidence) total += r.weight;
  const bestName = s.lastName.agree + s.firstName.agree;
  if (pruneBelow !== null && total + bestName < logOddsForScore(pruneBelow)) {
    return {
      score: scoreFromLogOdds(total + bestName),
      decision: 'different',
      reasons: evidence,
      pruned: true,
    };
  }
  const names = nameReasons(a, b, s);
  for (const r of names) total += r.weight;
  const score = scoreFromLogOdds(total);
  return { score, decision: decide(score, s.thresholds), reasons: [...names, ...evidence] };
}

/** The match score, decision and reasons for two prepared people. */
export function matchPeople(
  a: PreparedPerson,
  b: PreparedPerson,
  settings: PersonMatchSettings = DEFAULT_PERSON_MATCH_SETTINGS,
): MatchResult {
  return weighPeople(a, b, settings, null);
}
