import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIDENCE_RULES,
  isWellFormedEmail,
  scoreFound,
  scoreGuess,
  statusFor,
} from '../../../src/main/core/enrich/confidence';
import { DEFAULT_PATTERNS } from '../../../src/main/core/enrich/patterns';

describe('confidence and status', () => {
  it('split at 50 and 80', () => {
    expect(statusFor(49)).toBe('risky');
    expect(statusFor(50)).toBe('unknown');
    expect(statusFor(79)).toBe('unknown');
    expect(statusFor(80)).toBe('verified');
    expect(statusFor(0)).toBe('risky');
    expect(statusFor(100)).toBe('verified');
  });

  it('give each pattern its listed confidence at a domain with mail, and less without the bonuses', () => {
    for (const p of DEFAULT_PATTERNS) {
      expect(scoreGuess({ listedConfidence: p.confidence, mx: 'present', wellFormed: true }).confidence).toBe(
        p.confidence,
      );
    }
    // first.last: 95 with both bonuses; 80 (still verified) when only the MX could not be checked
    // would be too kind, so an unchecked MX caps it at 79.
    expect(scoreGuess({ listedConfidence: 95, mx: 'unchecked', wellFormed: true })).toMatchObject({
      confidence: 79,
      status: 'unknown',
    });
    // f.last is exactly at the verified line with MX; flast just under it.
    expect(scoreGuess({ listedConfidence: 80, mx: 'present', wellFormed: true }).status).toBe('verified');
    expect(scoreGuess({ listedConfidence: 75, mx: 'present', wellFormed: true }).status).toBe('unknown');
  });

  it('never call an unchecked guess verified, keeping the patterns in their order', () => {
    const unchecked = 'no verified address at this domain follows the pattern yet';
    const scored = DEFAULT_PATTERNS.map(
      (p) =>
        scoreGuess({ listedConfidence: p.confidence, mx: 'present', wellFormed: true, unchecked }).confidence,
    );
    // first.last 95 → 79 … last.first 60 → 44: the same order and steps, all below 80.
    expect(scored).toEqual(DEFAULT_PATTERNS.map((p) => p.confidence - 16));
    expect(scored.every((c) => statusFor(c) !== 'verified')).toBe(true);
    const top = scoreGuess({ listedConfidence: 95, mx: 'present', wellFormed: true, unchecked });
    expect(top).toMatchObject({ confidence: 79, status: 'unknown' });
    expect(top.reasons.at(-1)).toMatch(
      /^not checked: no verified address .* \(−16\), so it is not called verified$/,
    );
    // Edited rules with a higher prior are still capped below verified.
    expect(
      scoreGuess(
        { listedConfidence: 100, mx: 'present', wellFormed: true, unchecked },
        { ...DEFAULT_CONFIDENCE_RULES, listedIncludesBonuses: false },
      ).confidence,
    ).toBe(79);
  });

  it('cap at 100 and never go below 0', () => {
    const literal = { ...DEFAULT_CONFIDENCE_RULES, listedIncludesBonuses: false };
    expect(scoreGuess({ listedConfidence: 95, mx: 'present', wellFormed: true }, literal).confidence).toBe(
      100,
    );
    expect(scoreGuess({ listedConfidence: 60, mx: 'present', wellFormed: true }, literal).confidence).toBe(
      85,
    );
    expect(scoreGuess({ listedConfidence: 10, mx: 'unchecked', wellFormed: false }).confidence).toBe(0);
  });

  it('make an address at a domain without mail, or a malformed one, risky', () => {
    for (const mx of ['absent', 'nxdomain'] as const) {
      const scored = scoreGuess({ listedConfidence: 95, mx, wellFormed: true });
      expect(scored).toMatchObject({ confidence: 49, status: 'risky' });
      expect(scored.reasons.join(' ')).toMatch(mx === 'absent' ? /no MX record/ : /does not exist/);
    }
    expect(scoreGuess({ listedConfidence: 95, mx: 'present', wellFormed: false }).status).toBe('risky');
  });

  it('let a verifier move a found address', () => {
    expect(
      scoreFound({ confidence: 60, verification: 'valid', mx: 'present', wellFormed: true }),
    ).toMatchObject({
      confidence: 80,
      status: 'verified',
    });
    expect(
      scoreFound({ confidence: 97, verification: 'invalid', mx: 'present', wellFormed: true }).status,
    ).toBe('risky');
    expect(
      scoreFound({ confidence: 70, verification: 'accept_all', mx: 'present', wellFormed: true }),
    ).toMatchObject({ confidence: 70, status: 'unknown' });
  });

  it('tell well-formed addresses from the rest', () => {
    expect(isWellFormedEmail('mary-jane.obrien@acme.co.uk')).toBe(true);
    expect(isWellFormedEmail('john..doe@acme.com')).toBe(false);
    expect(isWellFormedEmail('.john@acme.com')).toBe(false);
    expect(isWellFormedEmail('john@acme')).toBe(false);
    expect(isWellFormedEmail('john@127.0.0.1')).toBe(false);
    expect(isWellFormedEmail('@acme.com')).toBe(false);
    expect(isWellFormedEmail(`${'a'.repeat(65)}@acme.com`)).toBe(false);
  });
});
