import { describe, expect, it } from 'vitest';
import { inmailRecommendation } from '../../../src/main/core/outreach/inmailOutlook';

/** The seeds' InMail advice (InMailQuotaTracker._get_recommendation), at each of its edges. */
describe('the InMail advice', () => {
  const advise = (remaining: number, waiting: number) =>
    inmailRecommendation(remaining, waiting, '2026-12-01');

  it('says nothing is waiting when no HOT contact needs an InMail, whatever is left', () => {
    expect(advise(40, 0)).toEqual({
      level: 'none_waiting',
      recommendation: 'No HOT contacts are waiting for an InMail.',
    });
    expect(advise(0, 0).level).toBe('none_waiting');
  });

  it('enough: what is left covers everyone waiting', () => {
    expect(advise(10, 10)).toEqual({
      level: 'enough',
      recommendation: 'Send InMails now: 10 left covers all 10 HOT contacts waiting.',
    });
  });

  it('partial from half of those waiting: the top ones only, invites for the rest', () => {
    expect(advise(5, 10)).toEqual({
      level: 'partial',
      recommendation: 'Send to the top 5 HOT contacts only; use invites for the rest.',
    });
    expect(advise(9, 10).level).toBe('partial');
  });

  it('critically low under half, and used up at none, with the reset day', () => {
    expect(advise(4, 10)).toEqual({
      level: 'critical',
      recommendation: 'Critically low: send to the top 4 only; use connection invites for the rest.',
    });
    expect(advise(1, 10).level).toBe('critical');
    expect(advise(0, 3)).toEqual({
      level: 'exhausted',
      recommendation: 'InMails are used up until 2026-12-01: wait for the reset or use connection invites.',
    });
  });
});
