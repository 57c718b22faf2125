import type { ScoreBreakdown, ScoreFactor, ScoringSettings, Tier } from '@shared/domain/settings/scoring';
import { matchAtlTitle } from '../titles/atlTitle';

/** What a lead's score is computed from: the contact and its company, as stored. */
export interface LeadFacts {
  title: string | null;
  employeeCount: number | null;
  hasEmail: boolean;
  hasLinkedin: boolean;
  discoverySource: string;
  industry: string | null;
  icpScore: number | null;
  icpTier: string | null;
}

const SOURCE_WORDS: Record<string, string> = {
  connection: 'an existing connection',
  search: 'a LinkedIn search',
  company_page: "the company's LinkedIn page",
  import: 'an imported list',
};

export function tierOf(score: number, settings: ScoringSettings): Tier {
  if (score >= settings.tiers.hot) return 'HOT';
  if (score >= settings.tiers.warm) return 'WARM';
  return 'COLD';
}

/**
 * The title's points: the best rule the title matches, so "Co-Founder & VP Engineering" is paid as
 * a founder (35), not as the VP its first-listed rule would make it (30). Rules match with the ATL
 * matcher (whole words, "Assistant to the CEO" is not a CEO, "Chief" is a chief officer), and a
 * title no rule pays is described by the same ATL keywords the search and the filter use: a title
 * the app keeps as above the line is never called "not senior".
 */
function titleFactor(title: string | null, s: ScoringSettings): ScoreFactor {
  const max = Math.max(s.otherTitlePoints, ...s.titleRules.map((r) => r.points));
  const other = s.otherTitlePoints;
  if (!title) return { factor: 'title', points: other, max, sentence: `No title known: ${other} of ${max}.` };
  let best: ScoringSettings['titleRules'][number] | undefined;
  for (const rule of s.titleRules)
    if ((best === undefined || rule.points > best.points) && matchAtlTitle(title, rule.keywords)) best = rule;
  if (best)
    return {
      factor: 'title',
      points: best.points,
      max,
      sentence: `“${title}” counts as ${best.label.toLowerCase()}: ${best.points} of ${max}.`,
    };
  const atl = matchAtlTitle(title, s.atlKeywords);
  return {
    factor: 'title',
    points: other,
    max,
    sentence: atl
      ? `“${title}” is above the line (${atl.keyword}) but no title rule pays more for it: ${other} of ${max}.`
      : `“${title}” is not an above-the-line title: ${other} of ${max}.`,
  };
}

function sizeFactor(employees: number | null, s: ScoringSettings): ScoreFactor {
  const { size } = s;
  const max = Math.max(size.enterprisePoints, size.midPoints, size.smallOrUnknownPoints);
  if (employees === null)
    return {
      factor: 'size',
      points: size.smallOrUnknownPoints,
      max,
      sentence: `Company size unknown: ${size.smallOrUnknownPoints} of ${max}.`,
    };
  if (employees >= size.enterpriseMin) {
    return {
      factor: 'size',
      points: size.enterprisePoints,
      max,
      sentence: `${employees} employees is enterprise (${size.enterpriseMin}+): ${size.enterprisePoints} of ${max}.`,
    };
  }
  if (employees >= size.midMin) {
    return {
      factor: 'size',
      points: size.midPoints,
      max,
      sentence: `${employees} employees is mid-market (${size.midMin}–${size.enterpriseMin - 1}): ${size.midPoints} of ${max}.`,
    };
  }
  return {
    factor: 'size',
    points: size.smallOrUnknownPoints,
    max,
    sentence: `${employees} employees is a small company: ${size.smallOrUnknownPoints} of ${max}.`,
  };
}

function industryFactor(industry: string | null, s: ScoringSettings): ScoreFactor {
  const { targetPoints, otherPoints, targets } = s.industry;
  const max = Math.max(targetPoints, otherPoints);
  const lower = industry?.toLowerCase() ?? '';
  const target = industry ? targets.find((t) => lower.includes(t.toLowerCase())) : undefined;
  if (target)
    return {
      factor: 'industry',
      points: targetPoints,
      max,
      sentence: `${industry} is a target industry (${target}): ${targetPoints} of ${max}.`,
    };
  return {
    factor: 'industry',
    points: otherPoints,
    max,
    sentence: industry
      ? `${industry} is not a target industry: ${otherPoints} of ${max}.`
      : `Industry unknown: ${otherPoints} of ${max}.`,
  };
}

function emailFactor(hasEmail: boolean, s: ScoringSettings): ScoreFactor {
  return {
    factor: 'email',
    points: hasEmail ? s.emailKnownPoints : 0,
    max: s.emailKnownPoints,
    sentence: hasEmail
      ? `A work email is known: ${s.emailKnownPoints} of ${s.emailKnownPoints}.`
      : `No email yet: 0 of ${s.emailKnownPoints}.`,
  };
}

function sourceFactor(source: string, s: ScoringSettings): ScoreFactor {
  const points = s.sourcePoints[source as keyof typeof s.sourcePoints] ?? 0;
  const max = Math.max(...Object.values(s.sourcePoints));
  return {
    factor: 'source',
    points,
    max,
    sentence: `Found through ${SOURCE_WORDS[source] ?? source}: ${points} of ${max}.`,
  };
}

/** Remembers a factor per distinct input: 250,000 leads share a few hundred titles and industries. */
function remembered<K, V>(compute: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      value = compute(key);
      seen.set(key, value);
    }
    return value;
  };
}

export type Scorer = (facts: LeadFacts) => ScoreBreakdown;

/**
 * A scorer for one set of rules, for scoring many leads: each factor is worked out once per
 * distinct title, size, industry… and reused (title matching is the costly part).
 */
export function makeScorer(s: ScoringSettings): Scorer {
  const ruleFactors = makeRuleFactors(s);
  return (facts) => blend(facts, ruleFactors(facts), s);
}

/** The rules' factors of a lead, in the breakdown's order, each remembered per distinct input. */
function makeRuleFactors(s: ScoringSettings): (facts: LeadFacts) => ScoreFactor[] {
  const title = remembered((t: string | null) => titleFactor(t, s));
  const size = remembered((n: number | null) => sizeFactor(n, s));
  const industry = remembered((i: string | null) => industryFactor(i, s));
  const source = remembered((from: string) => sourceFactor(from, s));
  const email = [emailFactor(false, s), emailFactor(true, s)] as const;
  return (facts) => [
    title(facts.title),
    size(facts.employeeCount),
    email[facts.hasEmail ? 1 : 0],
    source(facts.discoverySource),
    industry(facts.industry),
  ];
}

/**
 * The sentences of many leads' breakdowns (an export writes them for 100,000 rows), the same words
 * as `scoreLead(…).factors` joined by spaces, without building the breakdowns.
 */
export function makeReasonWriter(s: ScoringSettings): (facts: LeadFacts) => string {
  // The text is put together from the factors' remembered sentences: leads rarely share every fact
  // (the size sentence names the head count), so remembering whole texts saved nothing.
  const ruleFactors = makeRuleFactors(s);
  return (f) => {
    const factors = ruleFactors(f);
    let text = factors[0]!.sentence;
    for (let i = 1; i < factors.length; i++) text += ` ${factors[i]!.sentence}`;
    const icp = icpFactor(f, rulesScoreOf(factors), s);
    return icp ? `${text} ${icp.sentence}` : text;
  };
}

/**
 * A lead's score from the rules: title seniority, company size, a known email, how the person was
 * found, the industry — each with the sentence that explains it — then the spreadsheet's own ICP
 * score blended in by its weight. HOT leads without an email (but with a LinkedIn profile) are the
 * ones worth an InMail.
 */
export function scoreLead(facts: LeadFacts, s: ScoringSettings): ScoreBreakdown {
  return makeScorer(s)(facts);
}

const rulesScoreOf = (factors: readonly ScoreFactor[]): number =>
  Math.min(
    100,
    factors.reduce((sum, f) => sum + f.points, 0),
  );

/** The spreadsheet's own ICP score blended in by its weight, as a factor; null when it has none. */
function icpFactor(facts: LeadFacts, rulesScore: number, s: ScoringSettings): ScoreFactor | null {
  const icp =
    facts.icpScore ?? (facts.icpTier ? (s.icpTierPoints[facts.icpTier.toUpperCase()] ?? null) : null);
  if (icp === null || s.icpWeight <= 0) return null;
  const score = Math.round((1 - s.icpWeight) * rulesScore + s.icpWeight * Math.max(0, Math.min(100, icp)));
  const tier = facts.icpTier ? ` (${facts.icpTier})` : '';
  return {
    factor: 'icp',
    points: score - rulesScore,
    max: 0,
    sentence: `The list's own ICP score ${icp}${tier} counts for ${Math.round(s.icpWeight * 100)}%: ${rulesScore} becomes ${score}.`,
  };
}

function blend(facts: LeadFacts, ruleFactors: ScoreFactor[], s: ScoringSettings): ScoreBreakdown {
  const rulesScore = rulesScoreOf(ruleFactors);
  const icp = icpFactor(facts, rulesScore, s);
  const factors = icp ? [...ruleFactors, icp] : ruleFactors;
  const score = rulesScore + (icp?.points ?? 0);
  const tier = tierOf(score, s);
  return {
    score,
    tier,
    inmailEligible: tier === 'HOT' && !facts.hasEmail && facts.hasLinkedin,
    rulesScore,
    factors,
  };
}
