import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, importFile } from '../../helpers/importing';
import type { Clock } from '../../../src/main/core/clock';
import { rescore } from '../../../src/main/core/scoring/rescore';
import { decideLeads } from '../../../src/main/core/scoring/approvals';
import { RecordLists } from '../../../src/main/core/records/recordLists';
import { contactDetail } from '../../../src/main/core/records/details';
import { scoringSettingsSchema } from '../../../src/shared/domain/settings/scoring';
import type { LeadStatus } from '../../../src/shared/domain/records';

/**
 * Scores are stored, so a change in what a title earns (the other chief officers now earn 35, a
 * title with two roles its best one) reaches existing leads at their next rescore. A decision is
 * about the person's facts (the approval fingerprint: name, title, company, size, industry, ICP,
 * source), not the score: a lead whose points rise keeps its decision, and only undecided leads
 * that cross into WARM or HOT join the approval queue.
 */
const PEOPLE = [
  'First Name,Last Name,Title,Company,Website,Email,Employees,Industry,LinkedIn URL',
  // 35 (was 10) + 20 + 15 + 0 + 10 = 80 HOT (was 55 WARM)
  'Cora,Cole,Chief Operating Officer,Cole Construction,coleconstruction.com,cora@coleconstruction.com,600,Construction,',
  // 35 (was 10) + 10 + 0 + 0 + 5 = 50 WARM (was 25 COLD)
  'Finn,Ford,CFO,Ford Software,fordsoft.com,,20,Software,',
  // 35 (was 10) + 15 + 15 + 0 + 10 = 75 WARM (was 50 WARM)
  'Rita,Reyes,Chief Revenue Officer,Reyes HVAC,reyeshvac.com,rita@reyeshvac.com,80,HVAC,',
  // 10 + 10 + 0 + 0 + 10 = 30 COLD either way: a Chief Estimator is not a chief officer
  'Ed,Estes,Chief Estimator,Estes Electrical,esteselectric.com,,5,Electrical,',
].join('\n');

/** The rules a seller had before: the same ladder without the chief officers' rule. */
const DEFAULTS = scoringSettingsSchema.parse({});
const BEFORE = { ...DEFAULTS, titleRules: DEFAULTS.titleRules.filter((r) => r.label !== 'Chief officer') };

const at = (iso: string): Clock => ({ now: () => new Date(iso) });

describe('a change in title points on leads already scored and decided', () => {
  let t: ReturnType<typeof freshDb>;
  let lists: RecordLists;
  const id = (name: string) =>
    t.db.prepare('SELECT id FROM contacts WHERE full_name = ?').pluck().get(name) as number;
  const stored = (name: string) =>
    t.db.prepare('SELECT score, tier, data_hash AS hash FROM scores WHERE contact_id = ?').get(id(name)) as {
      score: number;
      tier: string;
      hash: string;
    };
  const status = (name: string): LeadStatus => lists.contactsByIds([id(name)])[0]!.status;
  const queue = () =>
    lists
      .contactsPage({ tiers: ['HOT', 'WARM'], statuses: ['new', 'changed'] }, 0, 100, 'name', 'asc')
      .rows.map((r) => r.fullName);

  beforeEach(async () => {
    t = freshDb();
    const file = path.join(t.dir, 'people.csv');
    fs.writeFileSync(file, PEOPLE);
    await importFile(t.db, { path: file, matchExisting: false });
    lists = new RecordLists(t.db);
    // As a database scored before the change holds them.
    rescore(t.db, BEFORE, '2026-11-20T08:00:00Z');
  });
  afterEach(() => t.cleanup());

  it('moves the stored scores at the next rescore and keeps every decision current', () => {
    expect(stored('Cora Cole')).toMatchObject({ score: 55, tier: 'WARM' });
    expect(stored('Finn Ford')).toMatchObject({ score: 25, tier: 'COLD' });
    expect(stored('Rita Reyes')).toMatchObject({ score: 50, tier: 'WARM' });
    decideLeads(t.db, [id('Cora Cole')], 'approved', null, at('2026-11-20T09:00:00Z'));
    decideLeads(t.db, [id('Rita Reyes')], 'rejected', 'Sales, not operations', at('2026-11-20T09:01:00Z'));
    const hashesBefore = ['Cora Cole', 'Finn Ford', 'Rita Reyes', 'Ed Estes'].map((n) => stored(n).hash);
    expect(queue()).toEqual([]);

    const report = rescore(t.db, DEFAULTS, '2026-11-22T08:00:00Z');

    expect(report.changed).toBe(3); // the three chief officers; the Chief Estimator is unchanged
    expect(stored('Cora Cole')).toMatchObject({ score: 80, tier: 'HOT' });
    expect(stored('Finn Ford')).toMatchObject({ score: 50, tier: 'WARM' });
    expect(stored('Rita Reyes')).toMatchObject({ score: 75, tier: 'WARM' });
    expect(stored('Ed Estes')).toMatchObject({ score: 30, tier: 'COLD' });
    // The fingerprint is of the facts, which did not change: decisions stay as they were.
    expect(['Cora Cole', 'Finn Ford', 'Rita Reyes', 'Ed Estes'].map((n) => stored(n).hash)).toEqual(
      hashesBefore,
    );
    expect(status('Cora Cole')).toBe('approved');
    expect(status('Rita Reyes')).toBe('rejected');
    // Only the undecided CFO, now WARM, is a new question for the approval queue.
    expect(queue()).toEqual(['Finn Ford']);
  });

  it('shows the new points with the stored score once rescored (the detail agrees with the list)', () => {
    rescore(t.db, DEFAULTS, '2026-11-22T08:00:00Z');
    const detail = contactDetail(t.db, lists, id('Cora Cole'));
    expect(detail?.score?.score).toBe(stored('Cora Cole').score);
    expect(detail?.score?.factors[0]).toMatchObject({
      points: 35,
      sentence: '“Chief Operating Officer” counts as chief officer: 35 of 40.',
    });
  });
});
