import {
  isWellFormedEmail,
  scoreFound,
  scoreGuess,
  type ConfidenceRules,
  type MxEvidence,
} from './confidence';
import type { FoundEmail } from './enrichTypes';
import type { EmailVerification, HunterEmail } from './hunterTypes';
import { parsePersonName, type PersonName } from './names';
import { detectTemplate, patternName } from './patterns';

/** How a found address is described, scored and labelled; pure, so each rule is easy to test. */

const localPart = (email: string) => email.slice(0, email.indexOf('@'));

/** An address that came with the imported row; `verified` when the source vouched for it. */
export function importedEmail(
  email: string,
  verified: boolean,
  name: PersonName | null,
  mx: MxEvidence,
  rules: ConfidenceRules,
): FoundEmail {
  const template = name ? detectTemplate(name, localPart(email)) : null;
  const wellFormed = isWellFormedEmail(email);
  const scored = verified
    ? scoreFound({ confidence: rules.importedConfidence, verification: 'valid', mx, wellFormed }, rules)
    : scoreGuess({ listedConfidence: rules.importedConfidence, mx, wellFormed }, rules);
  return {
    email,
    source: 'import',
    method: 'import',
    pattern: template,
    patternName: template ? patternName(template) : null,
    hunterConfidence: null,
    verification: null,
    mx,
    catchAll: false,
    confidence: scored.confidence,
    status: scored.status,
    evidence: [
      verified ? 'came with the imported row, marked verified' : 'came with the imported row',
      ...scored.reasons,
    ],
  };
}

/** An address Hunter found, by domain search or email finder, with Hunter's confidence and verdict. */
export function hunterEmail(
  e: HunterEmail,
  method: 'domain_search' | 'email_finder',
  domain: string,
  mx: MxEvidence,
  catchAll: boolean,
  rules: ConfidenceRules,
): FoundEmail {
  const scored = scoreFound(
    {
      confidence: e.confidence ?? rules.unknownAt,
      verification: e.verification?.status ?? null,
      mx,
      wellFormed: isWellFormedEmail(e.value),
    },
    rules,
  );
  const name = parsePersonName({ firstName: e.firstName, lastName: e.lastName });
  const template = name ? detectTemplate(name, localPart(e.value)) : null;
  const evidence = [
    method === 'domain_search'
      ? `found by Hunter's domain search for ${domain}${e.position ? ` (${e.position})` : ''}, confidence ${e.confidence ?? 'not given'}`
      : `found by Hunter's email finder, score ${e.confidence ?? 'not given'}`,
  ];
  if (e.verification?.status) evidence.push(`Hunter's verification: ${e.verification.status}`);
  evidence.push(...scored.reasons);
  if (catchAll) evidence.push(`${domain} accepts mail for any address (catch-all)`);
  return {
    email: e.value,
    source: 'hunter',
    method,
    pattern: template,
    patternName: template ? patternName(template) : null,
    hunterConfidence: e.confidence,
    verification: e.verification
      ? { status: e.verification.status, score: null, date: e.verification.date }
      : null,
    mx,
    catchAll,
    confidence: scored.confidence,
    status: scored.status,
    evidence,
  };
}

/** A guess after Hunter's verifier has looked at it. */
export function verifiedGuess(guess: FoundEmail, v: EmailVerification, rules: ConfidenceRules): FoundEmail {
  const scored = scoreFound(
    { confidence: guess.confidence, verification: v.status, mx: guess.mx, wellFormed: true },
    rules,
  );
  return {
    ...guess,
    verification: { status: v.status, score: v.score, date: null },
    catchAll: v.status === 'accept_all',
    confidence: scored.confidence,
    status: scored.status,
    evidence: [...guess.evidence, `Hunter's verifier: ${v.status ?? 'no answer'}`, ...scored.reasons],
  };
}

/**
 * One entry per address: the most confident one, keeping any verdict and every source's evidence;
 * best first, Hunter before the import before a guess when equally sure.
 */
export function dedupeEmails(emails: FoundEmail[]): FoundEmail[] {
  const byAddress = new Map<string, FoundEmail>();
  for (const e of emails) {
    const seen = byAddress.get(e.email);
    if (!seen) {
      byAddress.set(e.email, e);
      continue;
    }
    const [keep, other] = e.confidence > seen.confidence ? [e, seen] : [seen, e];
    byAddress.set(e.email, {
      ...keep,
      verification: keep.verification ?? other.verification,
      hunterConfidence: keep.hunterConfidence ?? other.hunterConfidence,
      evidence: [...keep.evidence, ...other.evidence.filter((x) => !keep.evidence.includes(x))],
    });
  }
  const rank = { hunter: 0, import: 1, pattern: 2 } as const;
  return [...byAddress.values()].sort(
    (a, b) => b.confidence - a.confidence || rank[a.source] - rank[b.source],
  );
}
