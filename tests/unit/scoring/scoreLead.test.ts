import { describe, expect, it } from 'vitest';
import { scoringSettingsSchema, type ScoringSettings } from '../../../src/shared/domain/settings/scoring';
import {
  makeReasonWriter,
  scoreLead,
  tierOf,
  type LeadFacts,
} from '../../../src/main/core/scoring/scoreLead';

const DEFAULTS: ScoringSettings = scoringSettingsSchema.parse({});

const lead = (facts: Partial<LeadFacts> = {}): LeadFacts => ({
  title: null,
  employeeCount: null,
  hasEmail: false,
  hasLinkedin: false,
  discoverySource: 'import',
  industry: null,
  icpScore: null,
  icpTier: null,
  ...facts,
});

const pointsOf = (facts: Partial<LeadFacts>, factor: string, s = DEFAULTS) =>
  scoreLead(lead(facts), s).factors.find((f) => f.factor === factor)!.points;

describe('the default scoring rules (ARCHITECTURE.md)', () => {
  it.each([
    ['CEO', 40],
    ['Chief Executive Officer', 40],
    ['President', 35],
    ['Founder & Owner', 35],
    ['Co-Founder', 35],
    ['Vice President, Operations', 30],
    ['SVP Sales', 30],
    ['Director of Estimating', 20],
    ['Project Manager', 10],
    [null, 10],
  ])('title “%s” earns %i points', (title, points) => {
    expect(pointsOf({ title }, 'title')).toBe(points);
  });

  it('pays a Vice President as a VP, not as a president (the better rule)', () => {
    const factor = scoreLead(lead({ title: 'Vice President' }), DEFAULTS).factors[0]!;
    expect(factor.points).toBe(30);
    expect(factor.sentence).toBe('“Vice President” counts as vice president: 30 of 40.');
  });

  it.each([
    [null, 10],
    [1, 10],
    [49, 10],
    [50, 15],
    [499, 15],
    [500, 20],
    [20000, 20],
  ])('company size %s earns %i points', (employeeCount, points) => {
    expect(pointsOf({ employeeCount }, 'size')).toBe(points);
  });

  it('a known email earns 15, none 0', () => {
    expect(pointsOf({ hasEmail: true }, 'email')).toBe(15);
    expect(pointsOf({ hasEmail: false }, 'email')).toBe(0);
  });

  it.each([
    ['connection', 15],
    ['search', 10],
    ['company_page', 5],
    ['import', 0],
  ])('discovery source %s earns %i points', (discoverySource, points) => {
    expect(pointsOf({ discoverySource }, 'source')).toBe(points);
  });

  it('a target industry earns 10, any other (or unknown) 5, matched inside a longer name', () => {
    expect(pointsOf({ industry: 'Commercial HVAC services' }, 'industry')).toBe(10);
    expect(pointsOf({ industry: 'Software' }, 'industry')).toBe(5);
    expect(pointsOf({ industry: null }, 'industry')).toBe(5);
  });

  it('adds the factors, and the best lead scores exactly 100', () => {
    const best = scoreLead(
      lead({
        title: 'CEO',
        employeeCount: 900,
        hasEmail: true,
        discoverySource: 'connection',
        industry: 'Construction',
      }),
      DEFAULTS,
    );
    expect(best.score).toBe(100);
    expect(best.factors.map((f) => f.max)).toEqual([40, 20, 15, 15, 10]);
    expect(best.factors.every((f) => f.points === f.max)).toBe(true);
  });

  it('explains every factor in one sentence with its points', () => {
    const result = scoreLead(
      lead({ title: 'Owner', employeeCount: 12, discoverySource: 'search', industry: 'Plumbing' }),
      DEFAULTS,
    );
    expect(result.factors.map((f) => f.sentence)).toEqual([
      '“Owner” counts as president, founder or owner: 35 of 40.',
      '12 employees is a small company: 10 of 20.',
      'No email yet: 0 of 15.',
      'Found through a LinkedIn search: 10 of 15.',
      'Plumbing is a target industry (plumbing): 10 of 10.',
    ]);
    expect(result.score).toBe(65);
    expect(result.tier).toBe('WARM');
  });
});

describe('tiers', () => {
  it.each([
    [100, 'HOT'],
    [80, 'HOT'],
    [79, 'WARM'],
    [50, 'WARM'],
    [49, 'COLD'],
    [0, 'COLD'],
  ])('%i is %s', (score, tier) => {
    expect(tierOf(score, DEFAULTS)).toBe(tier);
  });

  it('follows edited cut-offs', () => {
    const s = scoringSettingsSchema.parse({ tiers: { hot: 70, warm: 40 } });
    expect(tierOf(70, s)).toBe('HOT');
    expect(tierOf(69, s)).toBe('WARM');
    expect(tierOf(39, s)).toBe('COLD');
  });

  it('refuses WARM above HOT', () => {
    expect(scoringSettingsSchema.safeParse({ tiers: { hot: 50, warm: 60 } }).success).toBe(false);
  });

  it('marks HOT leads with a LinkedIn profile but no email as InMail-eligible, and no others', () => {
    const hot = { title: 'CEO', employeeCount: 600, discoverySource: 'connection', industry: 'HVAC' };
    expect(scoreLead(lead({ ...hot, hasLinkedin: true }), DEFAULTS)).toMatchObject({
      score: 85,
      tier: 'HOT',
      inmailEligible: true,
    });
    expect(scoreLead(lead({ ...hot, hasLinkedin: false }), DEFAULTS).inmailEligible).toBe(false);
    const withEmail = scoreLead(lead({ ...hot, hasLinkedin: true, hasEmail: true }), DEFAULTS);
    expect(withEmail).toMatchObject({ score: 100, inmailEligible: false });
    const warm = scoreLead(lead({ title: 'Director', hasLinkedin: true }), DEFAULTS);
    expect(warm.inmailEligible).toBe(false);
  });
});

describe("blending the list's own ICP score", () => {
  const facts = { title: 'Owner', employeeCount: 12, discoverySource: 'import', industry: 'Electrical' };

  it('weighs the ICP score by icpWeight (default 25%) and says so', () => {
    // rules: 35 + 10 + 0 + 0 + 10 = 55; blended 0.75 × 55 + 0.25 × 95 = 65
    const result = scoreLead(lead({ ...facts, icpScore: 95, icpTier: 'PLATINUM' }), DEFAULTS);
    expect(result.rulesScore).toBe(55);
    expect(result.score).toBe(65);
    const icp = result.factors.find((f) => f.factor === 'icp')!;
    expect(icp.points).toBe(10);
    expect(icp.sentence).toBe("The list's own ICP score 95 (PLATINUM) counts for 25%: 55 becomes 65.");
  });

  it('uses the tier points when the list gives a tier without a score', () => {
    const result = scoreLead(lead({ ...facts, icpTier: 'gold' }), DEFAULTS);
    expect(result.score).toBe(Math.round(0.75 * 55 + 0.25 * 70));
  });

  it('ignores the ICP score at weight 0, and follows it alone at weight 1', () => {
    const off = scoringSettingsSchema.parse({ icpWeight: 0 });
    expect(scoreLead(lead({ ...facts, icpScore: 95 }), off)).toMatchObject({ score: 55 });
    expect(scoreLead(lead({ ...facts, icpScore: 95 }), off).factors).toHaveLength(5);
    const only = scoringSettingsSchema.parse({ icpWeight: 1 });
    expect(scoreLead(lead({ ...facts, icpScore: 95 }), only)).toMatchObject({ score: 95, tier: 'HOT' });
  });

  it('clamps an ICP score outside 0–100', () => {
    const only = scoringSettingsSchema.parse({ icpWeight: 1 });
    expect(scoreLead(lead({ icpScore: 250 }), only).score).toBe(100);
    expect(scoreLead(lead({ icpScore: -5 }), only).score).toBe(0);
  });

  it('an unknown ICP tier without a score changes nothing', () => {
    expect(scoreLead(lead({ ...facts, icpTier: 'TIN' }), DEFAULTS).score).toBe(55);
  });
});

describe('edited rules', () => {
  it('uses edited title rules, size bands, source points and target industries', () => {
    const s = scoringSettingsSchema.parse({
      titleRules: [{ label: 'Estimator', keywords: ['Estimator'], points: 25 }],
      otherTitlePoints: 2,
      size: { enterpriseMin: 100, enterprisePoints: 30, midMin: 10, midPoints: 5, smallOrUnknownPoints: 1 },
      sourcePoints: { connection: 0, search: 0, company_page: 0, import: 7 },
      industry: { targets: ['software'], targetPoints: 20, otherPoints: 0 },
    });
    const result = scoreLead(lead({ title: 'Chief Estimator', employeeCount: 150, industry: 'Software' }), s);
    expect(result.factors.map((f) => f.points)).toEqual([25, 30, 0, 7, 20]);
    expect(scoreLead(lead({ title: 'CEO' }), s).factors[0]!.points).toBe(2);
  });
});

describe('the reasons an export writes', () => {
  it('are the breakdown’s sentences, joined, for every mix of facts (with and without an ICP score)', () => {
    const write = makeReasonWriter(DEFAULTS);
    const titles = [null, 'CEO', 'Office Manager', 'VP of Operations', '=HYPERLINK("x")'];
    const sizes = [null, 0, 12, 180, 5000];
    const icps: [number | null, string | null][] = [
      [null, null],
      [80, 'A'],
      [null, 'PLATINUM'],
      [null, 'unknown tier'],
    ];
    let checked = 0;
    for (const title of titles)
      for (const employeeCount of sizes)
        for (const [icpScore, icpTier] of icps)
          for (const hasEmail of [true, false]) {
            const facts = lead({ title, employeeCount, icpScore, icpTier, hasEmail, industry: 'Roofing' });
            const breakdown = scoreLead(facts, DEFAULTS);
            expect(write(facts)).toBe(breakdown.factors.map((f) => f.sentence).join(' '));
            checked++;
          }
    expect(checked).toBe(200);
    // The ICP sentence is there when the list scored the lead, and names the blended score.
    const blended = lead({ title: 'CEO', icpScore: 90, icpTier: null });
    expect(write(blended)).toContain(`becomes ${scoreLead(blended, DEFAULTS).score}.`);
  });
});
