import { z } from 'zod';

const points = z.number().min(0).max(100);

/**
 * Who is above the line by default: a title with one of these words (matched as whole words by
 * src/main/core/titles/atlTitle.ts, where "Chief" means a chief officer and covers CFO, CTO, COO …).
 * The one list: the LinkedIn search, the ATL filter and the title rules' sentences all read it.
 */
export const DEFAULT_ATL_KEYWORDS: readonly string[] = Object.freeze([
  'CEO',
  'Chief',
  'President',
  'Founder',
  'Co-Founder',
  'Owner',
  'Partner',
  'Managing Director',
  'VP',
  'Vice President',
  'Director',
  'Head of',
]);

/**
 * A title rule: titles with one of these keywords (whole words, by the ATL matcher) earn these
 * points. A title that several rules match earns the best of them ("Co-Founder & VP" is a founder).
 */
const titleRule = z.object({
  label: z.string().min(1).max(60),
  keywords: z.array(z.string().min(1).max(60)).min(1).max(30),
  points,
});

/**
 * How a lead is scored (0–100) and tiered. Defaults are the product's rules: title seniority,
 * company size, a known email, how the person was found, the industry; a spreadsheet's own ICP
 * score blended in; HOT ≥ 80, WARM 50–79, COLD below.
 */
export const scoringSettingsSchema = z
  .object({
    // The seeds' ladder (ARCHITECTURE.md): CEO 40; President, Founder, Owner 35; VP 30; Director 20;
    // any other title 10. The seeds do not score the other chief officers (COO, CFO, CTO, CRO, CMO …)
    // though their ATL list names them: they earn the seeds' nearest senior rule below the chief
    // executive, President's 35 — an officer of the company above its VPs — and never the
    // "other title" 10 that would contradict the ATL rule. "Chief" is the ATL keyword: it means
    // "Chief … Officer" or a C-level acronym, so "Chief Estimator" and "Chief of Staff" stay at 10.
    titleRules: z
      .array(titleRule)
      .max(20)
      .default([
        { label: 'Chief executive', keywords: ['CEO'], points: 40 },
        {
          label: 'President, founder or owner',
          keywords: ['President', 'Founder', 'Co-Founder', 'Owner'],
          points: 35,
        },
        { label: 'Chief officer', keywords: ['Chief'], points: 35 },
        { label: 'Vice president', keywords: ['VP', 'Vice President'], points: 30 },
        { label: 'Director', keywords: ['Director'], points: 20 },
      ]),
    otherTitlePoints: points.default(10),
    size: z
      .object({
        enterpriseMin: z.number().int().min(1).default(500),
        enterprisePoints: points.default(20),
        midMin: z.number().int().min(1).default(50),
        midPoints: points.default(15),
        smallOrUnknownPoints: points.default(10),
      })
      .default({
        enterpriseMin: 500,
        enterprisePoints: 20,
        midMin: 50,
        midPoints: 15,
        smallOrUnknownPoints: 10,
      }),
    emailKnownPoints: points.default(15),
    sourcePoints: z
      .object({
        connection: points.default(15),
        search: points.default(10),
        company_page: points.default(5),
        import: points.default(0),
      })
      .default({ connection: 15, search: 10, company_page: 5, import: 0 }),
    industry: z
      .object({
        targets: z
          .array(z.string().min(1).max(60))
          .max(50)
          .default(['construction', 'contractor', 'hvac', 'plumbing', 'electrical', 'commercial services']),
        targetPoints: points.default(10),
        otherPoints: points.default(5),
      })
      .default({
        targets: ['construction', 'contractor', 'hvac', 'plumbing', 'electrical', 'commercial services'],
        targetPoints: 10,
        otherPoints: 5,
      }),
    tiers: z
      .object({ hot: points.default(80), warm: points.default(50) })
      .refine((t) => t.warm <= t.hot, { message: 'WARM must start below HOT.' })
      .default({ hot: 80, warm: 50 }),
    /** How much of the final score is the spreadsheet's own ICP score (0 = ignore it). */
    icpWeight: z.number().min(0).max(1).default(0.25),
    /** An ICP tier without a score counts as this many points. */
    icpTierPoints: z
      .record(z.string().min(1).max(30), points)
      .default({ PLATINUM: 90, GOLD: 70, SILVER: 50, BRONZE: 30 }),
    /** Who is above the line: a title with one of these (the LinkedIn search and the ATL filter use it). */
    atlKeywords: z
      .array(z.string().min(1).max(60))
      .max(40)
      .default([...DEFAULT_ATL_KEYWORDS]),
  })
  .strict();

export type ScoringSettings = z.infer<typeof scoringSettingsSchema>;

export type Tier = 'HOT' | 'WARM' | 'COLD';

export interface ScoreFactor {
  factor: 'title' | 'size' | 'email' | 'source' | 'industry' | 'icp';
  points: number;
  max: number;
  /** One sentence a seller reads: why this factor gave these points. */
  sentence: string;
}

export interface ScoreBreakdown {
  score: number;
  tier: Tier;
  inmailEligible: boolean;
  /** The rules' own score before the ICP blend. */
  rulesScore: number;
  factors: ScoreFactor[];
}
