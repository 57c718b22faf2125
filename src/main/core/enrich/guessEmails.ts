import { isWellFormedEmail, scoreGuess, type ConfidenceRules, type MxEvidence } from './confidence';
import type { FoundEmail } from './enrichTypes';
import type { PersonName } from './names';
import type { LearnedPattern } from './patternStore';
import { DEFAULT_PATTERNS, patternName, renderLocalParts, type PatternTemplate } from './patterns';

/** What we know about a domain's mail when guessing an address there. */
export interface DomainKnowledge {
  domain: string;
  mx: MxEvidence;
  catchAll: boolean;
  learned: LearnedPattern | undefined;
  /** Hunter's pattern from this month's search, already normalised. */
  hunterPattern: PatternTemplate | null;
}

interface Candidate {
  template: PatternTemplate;
  listed: number;
  why: string;
  /** True when a verified address at the domain follows this pattern (see `scoreGuess`). */
  learned: boolean;
}

/** The patterns to try: a learned one wins, then Hunter's, then the eight defaults. */
function candidates(
  k: DomainKnowledge,
  rules: ConfidenceRules,
): { known: Candidate | null; defaults: Candidate[] } {
  let known: Candidate | null = null;
  if (k.learned?.source === 'verified_address') {
    known = {
      template: k.learned.template,
      listed: rules.learnedPatternConfidence,
      learned: true,
      why: `follows ${patternName(k.learned.template)}, the pattern ${k.domain} uses (learned from the verified address ${k.learned.example ?? 'of a colleague'})`,
    };
  } else if (k.hunterPattern ?? k.learned?.template) {
    const template = (k.hunterPattern ?? k.learned?.template)!;
    known = {
      template,
      listed: rules.hunterPatternConfidence,
      learned: false,
      why: `follows ${patternName(template)}, the pattern Hunter reports for ${k.domain}`,
    };
  }
  const defaults = DEFAULT_PATTERNS.map((p) => ({
    template: p.template,
    listed: p.confidence,
    learned: false,
    why: `guessed with the ${p.name} pattern (${p.confidence} where the pattern is unknown)`,
  }));
  return { known, defaults };
}

function toFound(local: string, c: Candidate, variant: boolean, k: DomainKnowledge, rules: ConfidenceRules) {
  const email = `${local}@${k.domain}`;
  const scored = scoreGuess(
    {
      listedConfidence: c.listed,
      mx: k.mx,
      wellFormed: isWellFormedEmail(email),
      penalty: variant ? rules.variantPenalty : 0,
      unchecked: k.catchAll
        ? `${k.domain} accepts any address, so its pattern cannot be confirmed`
        : c.learned
          ? undefined
          : 'no verified address at this domain follows the pattern yet',
    },
    rules,
  );
  const evidence = [c.why, ...scored.reasons];
  if (k.catchAll)
    evidence.push(`${k.domain} accepts mail for any address (catch-all), so no check can confirm it`);
  return {
    email,
    source: 'pattern',
    method: 'pattern',
    pattern: c.template,
    patternName: patternName(c.template),
    hunterConfidence: null,
    verification: null,
    mx: k.mx,
    catchAll: k.catchAll,
    confidence: scored.confidence,
    status: scored.status,
    evidence,
  } satisfies FoundEmail;
}

/**
 * Addresses guessed for one person at a domain, most likely first. With a known pattern, only that
 * pattern (and its alternate spellings); otherwise the best `maxGuesses` of the eight defaults.
 */
export function guessEmails(
  name: PersonName,
  k: DomainKnowledge,
  rules: ConfidenceRules,
  maxGuesses: number,
): { emails: FoundEmail[]; note: string | null } {
  const { known, defaults } = candidates(k, rules);
  let note: string | null = null;
  if (known) {
    const locals = renderLocalParts(known.template, name);
    if (locals.length > 0) return { emails: locals.map((l, i) => toFound(l, known, i > 0, k, rules)), note };
    note = `${k.domain} uses ${patternName(known.template)}, which needs a whole name we only have an initial of`;
  }
  const all: FoundEmail[] = [];
  for (const c of defaults) {
    renderLocalParts(c.template, name).forEach((l, i) => all.push(toFound(l, c, i > 0, k, rules)));
  }
  const seen = new Set<string>();
  const emails = all
    .sort((a, b) => b.confidence - a.confidence)
    .filter((e) => (seen.has(e.email) ? false : (seen.add(e.email), true)))
    .slice(0, maxGuesses);
  return { emails, note };
}
