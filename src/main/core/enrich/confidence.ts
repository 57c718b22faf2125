import { parse } from 'tldts';
import type { VerificationStatus } from './hunterTypes';

export type EmailStatus = 'verified' | 'unknown' | 'risky';

/** What we know of a domain's mail servers; `unchecked` when the lookup failed or was not made. */
export type MxEvidence = 'present' | 'absent' | 'nxdomain' | 'unchecked';

/** The defaults from ARCHITECTURE.md ("Email patterns"); all editable in Settings. */
export interface ConfidenceRules {
  mxBonus: number;
  formatBonus: number;
  max: number;
  /** At or above: verified. */
  verifiedAt: number;
  /** At or above (and below `verifiedAt`): unknown; below: risky. */
  unknownAt: number;
  /**
   * True (the default): a pattern's listed confidence (first.last 95 …) is what it scores at a
   * domain with an MX record and for a well-formed address, and it loses the bonus it lacks. False:
   * the bonuses are added on top of the listed number (and the cap does the rest), which makes every
   * guess at a domain with mail "verified"; see the report for why we read it the first way.
   */
  listedIncludesBonuses: boolean;
  /** The listed confidence of a pattern learned from a verified address at the domain. */
  learnedPatternConfidence: number;
  /** The listed confidence of the pattern Hunter reports for the domain. */
  hunterPatternConfidence: number;
  /** The listed confidence of an address that came with the imported row. */
  importedConfidence: number;
  /** Taken off an alternate spelling ("maryjane" for "mary-jane"). */
  variantPenalty: number;
  /**
   * Taken off a guess nothing vouches for (a pattern's prior, Hunter's inferred pattern, a
   * catch-all domain); it is also kept below `verifiedAt`. 16 puts first.last, the likeliest, at 79.
   */
  uncheckedPenalty: number;
}

export const DEFAULT_CONFIDENCE_RULES: ConfidenceRules = {
  mxBonus: 15,
  formatBonus: 10,
  max: 100,
  verifiedAt: 80,
  unknownAt: 50,
  listedIncludesBonuses: true,
  learnedPatternConfidence: 95,
  hunterPatternConfidence: 90,
  importedConfidence: 85,
  variantPenalty: 5,
  uncheckedPenalty: 16,
};

export function statusFor(
  confidence: number,
  rules: ConfidenceRules = DEFAULT_CONFIDENCE_RULES,
): EmailStatus {
  if (confidence >= rules.verifiedAt) return 'verified';
  if (confidence >= rules.unknownAt) return 'unknown';
  return 'risky';
}

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;

/** An address a mail server would accept the shape of: a dot-atom local part and a real domain. */
export function isWellFormedEmail(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || address.length > 254 || !LOCAL_PART.test(local)) return false;
  const info = parse(domain);
  return (
    info.domain !== null && info.isIcann === true && info.hostname === domain.toLowerCase() && !info.isIp
  );
}

export interface Scored {
  confidence: number;
  status: EmailStatus;
  /** One sentence per adjustment, for the evidence the UI shows. */
  reasons: string[];
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, Math.round(n)));

/**
 * Caps that keep a guess honest: an address at a domain that takes no mail, or a malformed one, is
 * risky whatever its pattern; without knowing the MX we never call it verified.
 */
function applyCaps(
  score: number,
  mx: MxEvidence,
  wellFormed: boolean,
  rules: ConfidenceRules,
  reasons: string[],
) {
  let s = score;
  if (!wellFormed && s >= rules.unknownAt) {
    s = rules.unknownAt - 1;
    reasons.push('the address is not well formed, so it is risky');
  }
  if ((mx === 'absent' || mx === 'nxdomain') && s >= rules.unknownAt) {
    s = rules.unknownAt - 1;
    reasons.push(
      mx === 'nxdomain' ? 'the domain does not exist in DNS' : 'the domain has no MX record: mail bounces',
    );
  }
  if (mx === 'unchecked' && s >= rules.verifiedAt) {
    s = rules.verifiedAt - 1;
    reasons.push('the MX record could not be checked, so it is not called verified');
  }
  return s;
}

/** A guessed address: the pattern's listed confidence, the MX and format bonuses, the caps. */
export function scoreGuess(
  input: {
    listedConfidence: number;
    mx: MxEvidence;
    wellFormed: boolean;
    penalty?: number;
    /**
     * Why the seller may believe this address, when nothing checked the mailbox itself: the pattern
     * was learned from a verified address at the domain. Without it (a pattern's prior, Hunter's
     * inferred pattern, a catch-all domain) the guess is never called verified, however high its
     * pattern ranks: "verified" must mean something checked it. Give `unchecked` the reason.
     */
    unchecked?: string;
  },
  rules: ConfidenceRules = DEFAULT_CONFIDENCE_RULES,
): Scored {
  const reasons: string[] = [];
  let score = rules.listedIncludesBonuses
    ? input.listedConfidence - rules.mxBonus - rules.formatBonus
    : input.listedConfidence;
  if (input.mx === 'present') {
    score += rules.mxBonus;
    reasons.push(`MX record present (+${rules.mxBonus})`);
  }
  if (input.wellFormed) {
    score += rules.formatBonus;
    reasons.push(`valid format (+${rules.formatBonus})`);
  }
  if (input.penalty) {
    score -= input.penalty;
    reasons.push(`alternate spelling (−${input.penalty})`);
  }
  score = applyCaps(clamp(score, rules.max), input.mx, input.wellFormed, rules, reasons);
  if (input.unchecked) {
    // A shift, not only a cap, so the patterns keep their order and their distance (first.last
    // 79, firstlast 74, …) instead of all reading 79; the cap holds for edited rules.
    const before = score;
    score = Math.max(0, Math.min(score - rules.uncheckedPenalty, rules.verifiedAt - 1));
    if (score < before)
      reasons.push(`not checked: ${input.unchecked} (−${before - score}), so it is not called verified`);
  }
  return { confidence: score, status: statusFor(score, rules), reasons };
}

/**
 * An address someone else found (Hunter, the import): its own confidence, moved by a verifier's
 * verdict when there is one (valid → at least verified, invalid/webmail/disposable → risky).
 */
export function scoreFound(
  input: { confidence: number; verification: VerificationStatus | null; mx: MxEvidence; wellFormed: boolean },
  rules: ConfidenceRules = DEFAULT_CONFIDENCE_RULES,
): Scored {
  const reasons: string[] = [];
  let score = clamp(input.confidence, rules.max);
  switch (input.verification) {
    case 'valid':
      if (score < rules.verifiedAt) reasons.push('Hunter verified the mailbox');
      score = Math.max(score, rules.verifiedAt);
      break;
    case 'invalid':
      score = Math.min(score, rules.unknownAt - 1);
      reasons.push('Hunter found the mailbox does not exist');
      break;
    case 'webmail':
    case 'disposable':
      score = Math.min(score, rules.unknownAt - 1);
      reasons.push(`Hunter says the address is ${input.verification}, not a work address`);
      break;
    default:
      break;
  }
  score = applyCaps(score, input.mx, input.wellFormed, rules, reasons);
  return { confidence: score, status: statusFor(score, rules), reasons };
}
