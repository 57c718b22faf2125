import type { FactorLevel, FactorOutcome, FactorOutcomes } from '@shared/domain/dashboard';
import type { ScoreFactor, ScoringSettings } from '@shared/domain/settings/scoring';
import type { Db } from '../db/database';
import { readSettings } from '../settings/settingsStore';
import { ACTIONS_CTE, rate } from './sentActions';

type Factor = ScoreFactor['factor'];

const FACTORS: { factor: Factor; label: string }[] = [
  { factor: 'title', label: 'Title' },
  { factor: 'size', label: 'Company size' },
  { factor: 'email', label: 'Email known' },
  { factor: 'source', label: 'How they were found' },
  { factor: 'industry', label: 'Industry' },
  { factor: 'icp', label: "The list's ICP score" },
];

const SOURCE_NAMES: Record<string, string> = {
  connection: 'Existing connection',
  search: 'LinkedIn search',
  company_page: 'Company page',
  import: 'Imported list',
};

/**
 * The level a factor's points stand for under the current rules. The ICP blend moves a score by
 * any amount, so its levels are its direction: raised (1), no effect (0), lowered (-1).
 */
function levelOf(factor: Factor, points: number): number {
  return factor === 'icp' ? Math.sign(points) : points;
}

function labelOf(factor: Factor, points: number, s: ScoringSettings): string {
  const names: string[] = [];
  switch (factor) {
    case 'title':
      names.push(...s.titleRules.filter((r) => r.points === points).map((r) => r.label));
      if (s.otherTitlePoints === points) names.push('Other or no title');
      break;
    case 'size':
      if (s.size.enterprisePoints === points) names.push(`Enterprise (${s.size.enterpriseMin}+)`);
      if (s.size.midPoints === points) names.push(`Mid-market (${s.size.midMin}+)`);
      if (s.size.smallOrUnknownPoints === points) names.push('Small or unknown');
      break;
    case 'email':
      names.push(points > 0 ? 'Email known' : 'No email');
      break;
    case 'source':
      for (const [source, p] of Object.entries(s.sourcePoints))
        if (p === points) names.push(SOURCE_NAMES[source] ?? source);
      break;
    case 'industry':
      if (s.industry.targetPoints === points) names.push('Target industry');
      if (s.industry.otherPoints === points) names.push('Other industry');
      break;
    case 'icp':
      return points > 0 ? 'Raised the score' : points < 0 ? 'Lowered the score' : 'No effect';
  }
  return names.length > 0 ? names.join(' / ') : `${points} points (earlier rules)`;
}

interface Tally {
  leads: number;
  sent: number;
  replied: number;
  invites: number;
  accepted: number;
}

/**
 * Each factor's points, read from the stored breakdown JSON with SQLite's string functions, in the
 * query that groups them, rather than by parsing each breakdown in JavaScript. It relies on the
 * shape scoreLead writes (each factor object starts with factor, then points); a test in
 * tests/unit/dashboard holds that shape against a JSON parser.
 */
function pointsSql(column: string): string {
  return FACTORS.map(({ factor }) => {
    const prefix = `"factor":"${factor}","points":`;
    const at = `instr(${column}, '${prefix}')`;
    return `CASE WHEN ${at} > 0 THEN CAST(substr(${column}, ${at} + ${prefix.length}, 24) AS REAL) END AS "${factor}"`;
  }).join(',\n');
}

const GROUP_BY = FACTORS.map((_, i) => i + 1).join(', ');

type PointsRow = Partial<Record<Factor, number | null>>;

/**
 * How the leads at each level of each scoring factor answered: per factor and level, the leads
 * contacted, the actions sent to them, their reply rate and (invites) acceptance rate. The score breakdown
 * stored with each lead says which level of each factor it got; the outcomes are read from the
 * outreach tables as the dashboard reads them. The "lift" compares the factor's top level with the
 * rest, so a seller can see which weights go with replies.
 */
export function factorOutcomes(db: Db): FactorOutcomes {
  const settings = readSettings(db, 'scoring');
  const tallies = new Map<Factor, Map<number, Tally>>(FACTORS.map((f) => [f.factor, new Map()]));
  const add = (row: PointsRow, each: (tally: Tally) => void) => {
    for (const { factor } of FACTORS) {
      const points = row[factor];
      if (points === null || points === undefined) continue;
      const levels = tallies.get(factor)!;
      const level = levelOf(factor, points);
      let tally = levels.get(level);
      if (!tally) levels.set(level, (tally = { leads: 0, sent: 0, replied: 0, invites: 0, accepted: 0 }));
      each(tally);
    }
  };

  // Per contacted lead first (a lead has one breakdown however many actions went to it), then
  // per level: only leads something was sent to, so this reads thousands of rows, not every lead.
  const rows = db
    .prepare(
      `WITH ${ACTIONS_CTE},
       per_lead AS (
         SELECT contact_id, count(*) AS sent, sum(replied) AS replied, sum(kind = 'invite') AS invites,
                sum(accepted) AS accepted
         FROM sent_acts GROUP BY contact_id)
       SELECT ${pointsSql('s.breakdown')}, count(*) AS leads, sum(p.sent) AS sent, sum(p.replied) AS replied,
              sum(p.invites) AS invites, sum(p.accepted) AS accepted
       FROM per_lead p JOIN scores s ON s.contact_id = p.contact_id GROUP BY ${GROUP_BY}`,
    )
    .all() as (PointsRow & Tally)[];
  let sent = 0;
  for (const row of rows) {
    sent += row.sent;
    add(row, (t) => {
      t.leads += row.leads;
      t.sent += row.sent;
      t.replied += row.replied;
      t.invites += row.invites;
      t.accepted += row.accepted;
    });
  }

  const factors: FactorOutcome[] = FACTORS.filter((f) => tallies.get(f.factor)!.size > 0).map(
    ({ factor, label }) => {
      const levels: FactorLevel[] = [...tallies.get(factor)!.entries()]
        .sort(([a], [b]) => b - a)
        .map(([points, t]) => ({
          points,
          label: labelOf(factor, points, settings),
          ...t,
          replyRate: rate(t.replied, t.sent),
          acceptanceRate: rate(t.accepted, t.invites),
        }));
      const [top, ...rest] = levels;
      const restSent = rest.reduce((n, l) => n + l.sent, 0);
      const restReplied = rest.reduce((n, l) => n + l.replied, 0);
      const replyLift =
        top && top.sent > 0 && restSent > 0 ? (top.replied / top.sent - restReplied / restSent) * 100 : null;
      return { factor, label, levels, replyLift };
    },
  );
  return { sent, factors };
}
