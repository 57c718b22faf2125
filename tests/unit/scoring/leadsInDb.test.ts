import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, freshDb, importFile } from '../../helpers/importing';
import { systemClock, type Clock } from '../../../src/main/core/clock';
import { readSettings, writeSettings } from '../../../src/main/core/settings/settingsStore';
import { previewTierMoves, rescore } from '../../../src/main/core/scoring/rescore';
import { approveQueued, decideLeads } from '../../../src/main/core/scoring/approvals';
import { RecordLists } from '../../../src/main/core/records/recordLists';
import { editContact } from '../../../src/main/core/records/editContact';
import { contactDetail } from '../../../src/main/core/records/details';
import type { ContactFilter, LeadStatus } from '../../../src/shared/domain/records';

/** Eight people at five companies, chosen to land on each side of the tier cut-offs. */
const PEOPLE = [
  'First Name,Last Name,Title,Company,Website,Email,Employees,Industry,LinkedIn URL',
  // 40 + 20 + 15 + 0 + 10 = 85 HOT (email)
  'Ann,Able,CEO,Acme Construction,acme.com,ann@acme.com,800,Construction,',
  // 40 + 20 + 0 + 0 + 10 = 70 WARM, InMail-worthy if HOT
  'Ben,Best,Chief Executive Officer,Best HVAC,besthvac.com,,600,HVAC,https://www.linkedin.com/in/benbest',
  // 35 + 15 + 15 + 0 + 10 = 75 WARM
  'Cara,Cole,Owner,Cole Plumbing,coleplumbing.com,cara@coleplumbing.com,60,Plumbing,',
  // 30 + 10 + 15 + 0 + 5 = 60 WARM
  'Dev,Dunn,VP Sales,Dunn Software,dunnsoft.com,dev@dunnsoft.com,20,Software,',
  // 20 + 10 + 0 + 0 + 5 = 35 COLD
  'Eve,Eng,Director of Marketing,Dunn Software,dunnsoft.com,,20,Software,',
  // 10 + 20 + 15 + 0 + 10 = 55 WARM
  'Fay,Fox,Estimator,Acme Construction,acme.com,fay@acme.com,800,Construction,',
  // 10 + 10 + 0 + 0 + 10 = 30 COLD
  'Gus,Gray,Foreman,Gray Electrical,grayelectric.com,,5,Electrical,',
  // 35 + 20 + 15 + 0 + 10 = 80 HOT (exactly on the line)
  'Hal,Hart,President,Hart Electrical,hartelectric.com,hal@hartelectric.com,500,Electrical,',
].join('\n');

const EXPECTED: Record<string, [number, string]> = {
  'Ann Able': [85, 'HOT'],
  'Ben Best': [70, 'WARM'],
  'Cara Cole': [75, 'WARM'],
  'Dev Dunn': [60, 'WARM'],
  'Eve Eng': [35, 'COLD'],
  'Fay Fox': [55, 'WARM'],
  'Gus Gray': [30, 'COLD'],
  'Hal Hart': [80, 'HOT'],
};

const at = (iso: string): Clock => ({ now: () => new Date(iso) });

describe('leads scored in the database', () => {
  let t: ReturnType<typeof freshDb>;
  let lists: RecordLists;
  const id = (name: string) =>
    t.db
      .prepare('SELECT id FROM contacts WHERE full_name = ? AND merged_into IS NULL')
      .pluck()
      .get(name) as number;
  const scores = () =>
    Object.fromEntries(
      (
        t.db
          .prepare(
            'SELECT c.full_name, s.score, s.tier FROM contacts c JOIN scores s ON s.contact_id = c.id WHERE c.merged_into IS NULL ORDER BY c.full_name',
          )
          .all() as { full_name: string; score: number; tier: string }[]
      ).map((r) => [r.full_name, [r.score, r.tier]]),
    );
  const status = (name: string): LeadStatus => lists.contactsByIds([id(name)])[0]!.status;
  const names = (filter: ContactFilter) =>
    lists.contactsPage(filter, 0, 100, 'name', 'asc').rows.map((r) => r.fullName);

  beforeEach(async () => {
    t = freshDb();
    const file = path.join(t.dir, 'people.csv');
    fs.writeFileSync(file, PEOPLE);
    await importFile(t.db, { path: file, matchExisting: false });
    lists = new RecordLists(t.db);
  });
  afterEach(() => t.cleanup());

  it('an import scores every contact it brings, with its breakdown', () => {
    expect(scores()).toEqual(EXPECTED);
    const ben = contactDetail(t.db, lists, id('Ben Best'));
    expect(ben.score?.factors.map((f) => f.factor)).toEqual(['title', 'size', 'email', 'source', 'industry']);
    expect(ben.contact).toMatchObject({ tier: 'WARM', score: 70, inmailEligible: false, status: 'new' });
  });

  it('previews how many leads a rule change moves, then re-scores only what changed', () => {
    const s = readSettings(t.db, 'scoring');
    const lower = { ...s, tiers: { hot: 70, warm: 50 } };
    const moves = previewTierMoves(t.db, lower);
    // Ben (70) and Cara (75) become HOT; nothing else moves.
    expect(moves).toEqual([{ from: 'WARM', to: 'HOT', count: 2 }]);
    expect(scores()).toEqual(EXPECTED); // a preview changes nothing

    writeSettings(t.db, 'scoring', lower, systemClock);
    const report = rescore(t.db, readSettings(t.db, 'scoring'), '2026-11-22T10:00:00.000Z');
    expect(report).toMatchObject({ scored: 8, changed: 2, tiers: { HOT: 4, WARM: 2, COLD: 2 } });
    expect(scores()['Ben Best']).toEqual([70, 'HOT']);
    // Ben is HOT now, has a LinkedIn profile and no email: worth an InMail.
    expect(lists.contactsByIds([id('Ben Best')])[0]!.inmailEligible).toBe(true);
    // Running it again changes nothing.
    expect(rescore(t.db, readSettings(t.db, 'scoring'), 'later').changed).toBe(0);
  });

  it('a guessed address is not a known email; a verified one is', () => {
    const guess = t.db.prepare(
      `INSERT INTO contact_emails (contact_id, email, source, confidence, status, created_at) VALUES (?, ?, 'pattern', ?, ?, 'now')`,
    );
    guess.run(id('Ben Best'), 'ben@besthvac.com', 74, 'unknown');
    guess.run(id('Eve Eng'), 'e.eng@dunnsoft.com', 40, 'risky');
    rescore(t.db, readSettings(t.db, 'scoring'), 'now');
    expect(scores()['Ben Best']).toEqual([70, 'WARM']);
    expect(scores()['Eve Eng']).toEqual([35, 'COLD']);

    guess.run(id('Ben Best'), 'ben.best@besthvac.com', 92, 'verified');
    rescore(t.db, readSettings(t.db, 'scoring'), 'now');
    expect(scores()['Ben Best']).toEqual([85, 'HOT']);
  });

  it('an email found keeps a decision (how to reach someone is not whether they fit); a new title does not', () => {
    decideLeads(t.db, [id('Ben Best')], 'approved', null, at('2026-11-20T09:00:00Z'));
    decideLeads(t.db, [id('Eve Eng')], 'rejected', 'Marketing, not a buyer', at('2026-11-20T09:01:00Z'));
    const verified = t.db.prepare(
      `INSERT INTO contact_emails (contact_id, email, source, confidence, status, created_at) VALUES (?, ?, 'hunter', 95, 'verified', 'now')`,
    );
    verified.run(id('Ben Best'), 'ben.best@besthvac.com');
    verified.run(id('Eve Eng'), 'eve@dunnsoft.com');
    rescore(t.db, readSettings(t.db, 'scoring'), 'now');
    // The email moved Ben's score to HOT; he stays approved, Eve stays rejected.
    expect(scores()['Ben Best']).toEqual([85, 'HOT']);
    expect(status('Ben Best')).toBe('approved');
    expect(status('Eve Eng')).toBe('rejected');
    expect(names({ statuses: ['new', 'changed'], tiers: ['HOT', 'WARM'] })).not.toContain('Ben Best');
    // A move to another company is a new question.
    t.db
      .prepare(
        'UPDATE contacts SET company_id = (SELECT company_id FROM contacts WHERE full_name = ?) WHERE id = ?',
      )
      .run('Ann Able', id('Ben Best'));
    rescore(t.db, readSettings(t.db, 'scoring'), 'now');
    expect(status('Ben Best')).toBe('changed');
  });

  it('decisions made under the earlier fingerprint (which covered the email) stay current after the upgrade', () => {
    decideLeads(t.db, [id('Ann Able'), id('Cara Cole')], 'approved', null, at('2026-11-20T09:00:00Z'));
    // As a database from before would hold them: old-style fingerprints, Ann decided on hers,
    // Cara's data changed since her decision.
    t.db.prepare(`UPDATE scores SET data_hash = 'a1b2c3d4' WHERE contact_id = ?`).run(id('Ann Able'));
    t.db.prepare(`UPDATE contacts SET approval_hash = 'a1b2c3d4' WHERE id = ?`).run(id('Ann Able'));
    t.db.prepare(`UPDATE scores SET data_hash = '0000ffff' WHERE contact_id = ?`).run(id('Cara Cole'));
    t.db.prepare(`UPDATE contacts SET approval_hash = '9999aaaa' WHERE id = ?`).run(id('Cara Cole'));
    expect(status('Ann Able')).toBe('approved');
    expect(status('Cara Cole')).toBe('changed');
    rescore(t.db, readSettings(t.db, 'scoring'), 'now');
    expect(status('Ann Able')).toBe('approved');
    expect(status('Cara Cole')).toBe('changed');
    const hashes = t.db
      .prepare(
        'SELECT c.approval_hash AS decided, s.data_hash AS now FROM contacts c JOIN scores s ON s.contact_id = c.id WHERE c.id = ?',
      )
      .get(id('Ann Able')) as { decided: string; now: string };
    expect(hashes.now).toMatch(/^fit2:/);
    expect(hashes.decided).toBe(hashes.now);
  });

  it('a weight change moves scores, not just tiers', () => {
    const s = readSettings(t.db, 'scoring');
    writeSettings(t.db, 'scoring', { ...s, emailKnownPoints: 0 }, systemClock);
    const report = rescore(t.db, readSettings(t.db, 'scoring'), 'now');
    expect(report.changed).toBe(5); // the five with an email
    expect(scores()['Ann Able']).toEqual([70, 'WARM']);
  });

  it('an approval is logged with its data; a rejected lead comes back only when its data changes', () => {
    expect(names({ statuses: ['new'], tiers: ['HOT', 'WARM'] })).toEqual([
      'Ann Able',
      'Ben Best',
      'Cara Cole',
      'Dev Dunn',
      'Fay Fox',
      'Hal Hart',
    ]);
    expect(() => decideLeads(t.db, [id('Dev Dunn')], 'rejected', '  ', systemClock)).toThrow(/why/);
    decideLeads(t.db, [id('Ann Able')], 'approved', null, at('2026-11-20T09:00:00Z'));
    decideLeads(t.db, [id('Dev Dunn')], 'rejected', 'Software, not our market', at('2026-11-20T09:01:00Z'));
    expect(status('Ann Able')).toBe('approved');
    expect(status('Dev Dunn')).toBe('rejected');
    expect(names({ statuses: ['new', 'changed'], tiers: ['HOT', 'WARM'] })).not.toContain('Dev Dunn');

    // Scoring again without a data change keeps the decision.
    writeSettings(t.db, 'scoring', { ...readSettings(t.db, 'scoring'), icpWeight: 0.5 }, systemClock);
    rescore(t.db, readSettings(t.db, 'scoring'), 'now');
    expect(status('Dev Dunn')).toBe('rejected');

    // A new title is a new question.
    editContact(t.db, id('Dev Dunn'), { title: 'Chief Executive Officer' }, systemClock);
    rescore(t.db, readSettings(t.db, 'scoring'), 'now', [id('Dev Dunn')]);
    expect(status('Dev Dunn')).toBe('changed');
    expect(names({ statuses: ['new', 'changed'], tiers: ['HOT', 'WARM'] })).toContain('Dev Dunn');

    const log = t.db
      .prepare('SELECT decision, reason, decided_by FROM approvals WHERE contact_id = ? ORDER BY id')
      .all(id('Dev Dunn'));
    expect(log).toEqual([{ decision: 'rejected', reason: 'Software, not our market', decided_by: 'user' }]);
    expect(count(t.db, 'audit_log', "action IN ('leads.approved', 'leads.rejected')")).toBe(2);
    expect(contactDetail(t.db, lists, id('Dev Dunn')).approvals[0]).toMatchObject({
      decision: 'rejected',
      at: '2026-11-20T09:01:00.000Z',
    });
  });

  it('bulk approve takes the queue within the filter: HOT and WARM only, undecided or changed', () => {
    decideLeads(t.db, [id('Cara Cole')], 'rejected', 'Retiring', systemClock);
    expect(approveQueued(t.db, lists, { tiers: ['COLD'] }, systemClock)).toBe(0);
    expect(approveQueued(t.db, lists, { tiers: ['HOT'] }, systemClock)).toBe(2);
    expect(approveQueued(t.db, lists, { search: 'acme' }, systemClock)).toBe(1); // Fay; Ann already
    expect(approveQueued(t.db, lists, {}, systemClock)).toBe(2); // Ben and Dev; Cara stays rejected
    expect(names({ statuses: ['approved'] })).toEqual([
      'Ann Able',
      'Ben Best',
      'Dev Dunn',
      'Fay Fox',
      'Hal Hart',
    ]);
    expect(status('Eve Eng')).toBe('new'); // COLD never waits in the queue
  });

  it('filters by tier, email, ATL title, state and source, and sorts by score', () => {
    expect(names({ hasEmail: false })).toEqual(['Ben Best', 'Eve Eng', 'Gus Gray']);
    expect(names({ atl: true, tiers: ['COLD'] })).toEqual(['Eve Eng']);
    expect(names({ sources: ['connection'] })).toEqual([]);
    const byScore = lists.contactsPage({}, 0, 3, 'score', 'desc');
    expect(byScore.total).toBe(8);
    expect(byScore.rows.map((r) => r.score)).toEqual([85, 80, 75]);
    const second = lists.contactsPage({}, 3, 3, 'score', 'desc');
    expect(second.rows.map((r) => r.score)).toEqual([70, 60, 55]);
  });

  it('shows where each value came from: the import, the file row and the column', () => {
    const detail = contactDetail(t.db, lists, id('Cara Cole'));
    const title = detail.provenance.find((p) => p.field === 'title')!;
    expect(title.value).toBe('Owner');
    // Rows are counted under the header, as the import report counts them: Cara is the third.
    expect(title.source).toMatchObject({ fileName: 'people.csv', row: 3, column: 'Title' });
    editContact(t.db, id('Cara Cole'), { title: 'Co-Owner' }, systemClock);
    const edited = contactDetail(t.db, lists, id('Cara Cole')).provenance.find((p) => p.field === 'title')!;
    expect(edited.value).toBe('Co-Owner');
    expect(edited.source).toMatchObject({ kind: 'manual' });
  });
});
