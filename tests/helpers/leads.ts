import type { Db } from '../../src/main/core/db/database';
import type { Clock } from '../../src/main/core/clock';
import { decideLeads } from '../../src/main/core/scoring/approvals';
import { linkedinKey } from '../../src/main/core/normalize/linkedin';
import { personNameKey, splitFullName } from '../../src/main/core/normalize/personName';
import { companyNameKey } from '../../src/main/core/normalize/companyName';
import { writeSettings } from '../../src/main/core/settings/settingsStore';
import { readQuotaConfig, type QuotaConfig } from '../../src/main/core/quotas/config';
import type { OutreachSettings } from '../../src/shared/domain/settings/outreach';
import { scoringSettingsSchema, type ScoringSettings } from '../../src/shared/domain/settings/scoring';
import { scoreLead, type LeadFacts } from '../../src/main/core/scoring/scoreLead';

/** A lead known only by its title: every other fact empty. */
export const titleOnlyLead = (title: string | null): LeadFacts => ({
  title,
  employeeCount: null,
  hasEmail: false,
  hasLinkedin: false,
  discoverySource: 'import',
  industry: null,
  icpScore: null,
  icpTier: null,
});

/** The title's factor as the scorer says it (points and sentence), under `settings` or the defaults. */
export const titleFactor = (title: string | null, settings?: ScoringSettings) =>
  scoreLead(titleOnlyLead(title), settings ?? scoringSettingsSchema.parse({})).factors.find(
    (f) => f.factor === 'title',
  )!;

export interface LeadSeed {
  name: string;
  title?: string;
  company?: string;
  domain?: string;
  email?: string | null;
  linkedin?: string | null;
  tier: 'HOT' | 'WARM' | 'COLD';
  score: number;
  /** Approve the lead (default true). */
  approve?: boolean;
}

/** A clock that stands still where the test puts it. */
export class StillClock implements Clock {
  private t: Date;
  constructor(at: string) {
    this.t = new Date(at);
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: string): void {
    this.t = new Date(at);
  }
}

/**
 * Scored (and by default approved) leads as the scoring issue leaves them: a company, a contact,
 * a score with a sentence per factor, a decision. Outreach reads nothing else.
 */
export function seedLeads(db: Db, leads: readonly LeadSeed[], clock: Clock): number[] {
  const now = clock.now().toISOString();
  const companyIds = new Map<string, number>();
  const ids = db.transaction(() =>
    leads.map((lead) => {
      let companyId: number | null = null;
      if (lead.company) {
        companyId = companyIds.get(lead.company) ?? null;
        if (companyId === null) {
          companyId = Number(
            db
              .prepare(
                'INSERT INTO companies (name, name_key, domain, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
              )
              .run(lead.company, companyNameKey(lead.company), lead.domain ?? null, now, now).lastInsertRowid,
          );
          companyIds.set(lead.company, companyId);
        }
      }
      const split = splitFullName(lead.name);
      const linkedin = lead.linkedin === undefined ? null : lead.linkedin;
      const id = Number(
        db
          .prepare(
            `INSERT INTO contacts (company_id, first_name, last_name, full_name, name_key, title, email,
               linkedin_url, linkedin_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            companyId,
            split.first,
            split.last,
            lead.name,
            personNameKey(lead.name),
            lead.title ?? null,
            lead.email ?? null,
            linkedin,
            linkedin ? (linkedinKey(linkedin) ?? null) : null,
            now,
            now,
          ).lastInsertRowid,
      );
      const breakdown = {
        score: lead.score,
        tier: lead.tier,
        inmailEligible: lead.tier === 'HOT' && !lead.email,
        rulesScore: lead.score,
        // The score and tier are the seed's own; the title's reason is the scorer's.
        factors: [titleFactor(lead.title ?? null)],
      };
      db.prepare(
        `INSERT INTO scores (contact_id, score, tier, inmail_eligible, breakdown, data_hash, scored_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        lead.score,
        lead.tier,
        breakdown.inmailEligible ? 1 : 0,
        JSON.stringify(breakdown),
        `h${id}`,
        now,
      );
      return id;
    }),
  )();
  const approve = ids.filter((_, i) => leads[i]!.approve !== false);
  decideLeads(db, approve, 'approved', null, clock);
  return ids;
}

/** `count` WARM leads with LinkedIn profiles, scores counting down from `top`. */
export function warmLeads(count: number, top = 79, prefix = 'Person'): LeadSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix} ${String.fromCharCode(65 + (i % 26))}${i} Example`,
    title: 'Owner',
    company: `${prefix} Co ${i}`,
    linkedin: `https://www.linkedin.com/in/${prefix.toLowerCase()}-${i}`,
    tier: 'WARM' as const,
    score: Math.max(50, top - (i % 30)),
  }));
}

/** Outreach settings for a test (the rest default), returned as the ledger reads them. */
export function useOutreachSettings(
  db: Db,
  clock: Clock,
  settings: Partial<Omit<OutreachSettings, 'limits'>> & { limits?: Partial<OutreachSettings['limits']> },
): QuotaConfig {
  writeSettings(db, 'outreach', settings, clock);
  return readQuotaConfig(db);
}

/** Templates without "[…]" blanks, as a seller who has written their own would have. */
export function writeReadyTemplates(db: Db): void {
  db.prepare(
    `UPDATE templates SET body = 'Hi {first_name}, I help contractors like {company} win more bids. Open to connect?' WHERE kind = 'invite'`,
  ).run();
  db.prepare(
    `UPDATE templates SET subject = 'A question for {company}', body = 'Hi {first_name}, as {title} at {company} you may like our bid tool. 15 minutes next week?' WHERE kind IN ('inmail','email')`,
  ).run();
  db.prepare(
    `UPDATE templates SET body = 'Thanks for connecting, {first_name}! Happy to share how {company} could win more bids.' WHERE kind = 'follow_up'`,
  ).run();
}
