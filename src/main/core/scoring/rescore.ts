import type { ScoreBreakdown, ScoringSettings, Tier } from '@shared/domain/settings/scoring';
import type { Db } from '../db/database';
import { makeScorer, type LeadFacts } from './scoreLead';
import { markScoresCurrent } from './codeVersion';

interface FactsRow {
  id: number;
  full_name: string;
  title: string | null;
  email: string | null;
  linkedin_key: string | null;
  company_id: number | null;
  company_key: string | null;
  discovery_source: string;
  has_email: number;
  employee_count: number | null;
  industry: string | null;
  icp_score: number | null;
  icp_tier: string | null;
  old_hash: string | null;
  approval_hash: string | null;
  old_score: number | null;
  old_tier: Tier | null;
}

const FACTS_SQL = `
  SELECT c.id, c.full_name, c.title, c.email, c.linkedin_key, c.company_id, c.discovery_source,
         (c.email IS NOT NULL OR EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id AND e.status = 'verified')) AS has_email,
         co.name_key AS company_key, co.employee_count, co.industry, co.icp_score, co.icp_tier,
         s.data_hash AS old_hash, c.approval_hash, s.score AS old_score, s.tier AS old_tier
  FROM contacts c
  LEFT JOIN companies co ON co.id = c.company_id
  LEFT JOIN scores s ON s.contact_id = c.id
  WHERE c.merged_into IS NULL`;

/** FNV-1a, 32 bits: a cheap fingerprint of a lead's data, to notice that it changed. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const factsOf = (r: FactsRow): LeadFacts => ({
  title: r.title,
  employeeCount: r.employee_count,
  hasEmail: r.has_email === 1,
  hasLinkedin: r.linkedin_key !== null,
  discoverySource: r.discovery_source,
  industry: r.industry,
  icpScore: r.icp_score,
  icpTier: r.icp_tier,
});

/**
 * Marks fingerprints made by `dataHash` as it is now. Earlier ones: unmarked (they also covered the
 * email), then `fit:` (they covered the company's row id, so merging two duplicate companies turned
 * their people's decisions into new questions).
 */
const FIT = 'fit2:';

/**
 * The data an approval decision was made on: who the person is and how well they fit. When it
 * changes — a new title, a move to another company, a new size or ICP score — a decided lead is a
 * new question. The company counts by what it is (its folded name, size, industry, ICP), not by
 * its row id: merging a company's duplicate into it moves its people without changing anything
 * they were judged on. How to reach them is not part of it: an email found for an approved lead (Find
 * emails runs after approval as often as before) keeps it approved and in the outreach plan, and
 * a lead rejected as a poor fit does not come back because its address turned up.
 */
const dataHash = (r: FactsRow) =>
  FIT +
  fingerprint(
    [
      r.full_name,
      r.title,
      r.linkedin_key,
      r.company_key,
      r.employee_count,
      r.industry,
      r.icp_score,
      r.icp_tier,
      r.discovery_source,
    ].join('\u0001'),
  );

/**
 * What is stored per lead: the points of each factor, for analysis (which factors predict a
 * reply). The sentences are not stored — 250,000 copies of the same few hundred sentences — but
 * written again when one lead is shown (`breakdownOf`), from the same rules.
 */
function storedBreakdown(b: ScoreBreakdown, memo: Map<string, string>): string {
  // Leads share a few thousand point combinations: each is written out once.
  const key = `${b.score}|${b.tier}|${b.rulesScore}|${b.inmailEligible}|${b.factors.map((f) => `${f.factor}${f.points}/${f.max}`).join()}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const text = JSON.stringify({
    score: b.score,
    tier: b.tier,
    rulesScore: b.rulesScore,
    inmailEligible: b.inmailEligible,
    factors: b.factors.map((f) => ({ factor: f.factor, points: f.points, max: f.max })),
  });
  memo.set(key, text);
  return text;
}

/** One lead's full breakdown, with a sentence per factor, under the given rules. */
export function breakdownOf(db: Db, settings: ScoringSettings, contactId: number): ScoreBreakdown | null {
  for (const row of factRows(db, [contactId])) return makeScorer(settings)(factsOf(row));
  return null;
}

export interface RescoreReport {
  scored: number;
  changed: number;
  tiers: Record<Tier, number>;
  seconds: number;
}

/**
 * Every lead's facts in chunks of 5,000 by id: each chunk is read whole before anything is written
 * (a connection cannot write while it iterates), and memory stays small on 250,000 contacts.
 */
function* factRows(db: Db, contactIds?: readonly number[]): Generator<FactsRow> {
  if (!contactIds) {
    const chunk = db.prepare(`${FACTS_SQL} AND c.id > ? ORDER BY c.id LIMIT 5000`);
    let after = 0;
    for (;;) {
      const rows = chunk.all(after) as FactsRow[];
      if (rows.length === 0) return;
      yield* rows;
      after = rows[rows.length - 1]!.id;
    }
  }
  const one = db.prepare(`${FACTS_SQL} AND c.id = ?`);
  for (const id of contactIds) {
    const row = one.get(id) as FactsRow | undefined;
    if (row) yield row;
  }
}

/**
 * Scores every standing contact (or the given ones) and stores score, tier, breakdown and the data
 * fingerprint; a row whose result did not change is not rewritten. Titles repeat, so each
 * distinct lead profile is scored once.
 */
export function rescore(
  db: Db,
  settings: ScoringSettings,
  now: string,
  contactIds?: readonly number[],
): RescoreReport {
  const started = performance.now();
  const upsert = db.prepare(
    `INSERT INTO scores (contact_id, score, tier, inmail_eligible, breakdown, data_hash, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contact_id) DO UPDATE SET score = excluded.score, tier = excluded.tier, inmail_eligible = excluded.inmail_eligible,
       breakdown = excluded.breakdown, data_hash = excluded.data_hash, scored_at = excluded.scored_at`,
  );
  // A decision current under an earlier fingerprint (see FIT) stays current: changing what the
  // fingerprint covers must not turn every decided lead into a new question.
  const carryDecision = db.prepare('UPDATE contacts SET approval_hash = ? WHERE id = ?');
  const score = makeScorer(settings);
  const written = new Map<string, string>();
  const report: RescoreReport = { scored: 0, changed: 0, tiers: { HOT: 0, WARM: 0, COLD: 0 }, seconds: 0 };
  db.transaction(() => {
    for (const row of factRows(db, contactIds)) {
      const result = score(factsOf(row));
      const hash = dataHash(row);
      report.scored++;
      report.tiers[result.tier]++;
      if (row.old_hash === hash && row.old_score === result.score && row.old_tier === result.tier) continue;
      upsert.run(
        row.id,
        result.score,
        result.tier,
        result.inmailEligible ? 1 : 0,
        storedBreakdown(result, written),
        hash,
        now,
      );
      if (row.old_hash !== null && !row.old_hash.startsWith(FIT) && row.approval_hash === row.old_hash)
        carryDecision.run(hash, row.id);
      report.changed++;
    }
    if (contactIds === undefined) markScoresCurrent(db, now);
  })();
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** How many leads would move between tiers under other rules: the preview before saving them. */
export function previewTierMoves(
  db: Db,
  settings: ScoringSettings,
): { from: Tier | null; to: Tier; count: number }[] {
  const moves = new Map<string, number>();
  const score = makeScorer(settings);
  for (const row of factRows(db)) {
    const to = score(factsOf(row)).tier;
    if (to === row.old_tier) continue;
    const move = `${row.old_tier ?? ''}>${to}`;
    moves.set(move, (moves.get(move) ?? 0) + 1);
  }
  return [...moves.entries()].map(([key, count]) => {
    const [from, to] = key.split('>') as [string, Tier];
    return { from: (from || null) as Tier | null, to, count };
  });
}
