import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/core/db/database';
import { erasePerson, ERASURE_COVERS, type EraseOptions } from '../../../src/main/core/privacy/erase';
import { eraseJob } from '../../../src/main/core/privacy/jobs';
import { runJob, type JobOutcome } from '../../../src/main/core/jobs/runJob';
import type { ErasureReport } from '../../../src/shared/domain/privacy';
import {
  exportPerson,
  personDocument,
  personExportsFolder,
} from '../../../src/main/core/privacy/exportPerson';
import { mergeRecords } from '../../../src/main/core/resolution/merge';
import { editContact } from '../../../src/main/core/records/editContact';
import { decideLeads } from '../../../src/main/core/scoring/approvals';
import { rescore } from '../../../src/main/core/scoring/rescore';
import { readSettings } from '../../../src/main/core/settings/settingsStore';
import { undoImport } from '../../../src/main/core/import/undoImport';
import { listSuppressions } from '../../../src/main/core/suppression/suppressions';
import { count, freshDb, importFile } from '../../helpers/importing';
import { ROOT } from '../../helpers/paths';
import { seedNoteHistory } from '../../helpers/noteHistory';
import { dumpTables, handClock, tableNames, textHits } from '../../helpers/tables';

const CONNECTIONS = path.join(ROOT, 'tests/fixtures/import/Connections.csv');
const CONNECTIONS_2018 = path.join(ROOT, 'tests/fixtures/import/Connections-2018.csv');

/**
 * Ann Lee is in two LinkedIn exports (2024 with her profile, 2018 with her email), merged into one
 * person; she was scored, approved, invited, exported, edited by hand, and a job's result shows her.
 */
async function annLeeEverywhere(db: Db, clock: ReturnType<typeof handClock>) {
  await importFile(db, { path: CONNECTIONS, matchExisting: false }, clock);
  await importFile(db, { path: CONNECTIONS_2018, matchExisting: false }, clock);
  const [kept, merged] = db
    .prepare(`SELECT id FROM contacts WHERE full_name = 'Ann Lee' ORDER BY id`)
    .pluck()
    .all() as number[];
  db.prepare(
    `INSERT INTO match_candidates (kind, left_id, right_id, score, reasons, created_at) VALUES ('contact', ?, ?, 88, '[]', ?)`,
  ).run(kept, merged, clock.now().toISOString());
  const candidate = db.prepare('SELECT max(id) FROM match_candidates').pluck().get() as number;
  mergeRecords(
    db,
    'contact',
    kept!,
    merged!,
    { automatic: false, score: 88, reasons: [], candidateId: candidate },
    clock,
  );
  rescore(db, readSettings(db, 'scoring'), clock.now().toISOString());
  editContact(db, kept!, { title: 'Chief Executive Officer & Founder' }, clock);
  rescore(db, readSettings(db, 'scoring'), clock.now().toISOString());
  decideLeads(db, [kept!], 'approved', null, clock);
  const at = clock.now().toISOString();
  const action = Number(
    db
      .prepare(
        `INSERT INTO outreach_actions (contact_id, kind, body, status, created_at, updated_at) VALUES (?, 'invite', 'Hi Ann', 'accepted', ?, ?)`,
      )
      .run(kept, at, at).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO outreach_events (action_id, status, at) VALUES (?, 'sent', ?), (?, 'accepted', ?)`,
  ).run(action, at, action, at);
  db.prepare(
    `INSERT INTO quota_ledger (quota, at, units, outcome, ref_type, ref_id, note) VALUES ('linkedin.invite', ?, 1, 'used', 'outreach_action', ?, 'Ann Lee')`,
  ).run(at, action);
  db.prepare(
    `INSERT INTO exports (id, target, scope, rows, created_at) VALUES (1, 'close', 'all', 5, ?)`,
  ).run(at);
  db.prepare(
    `INSERT INTO export_items (export_id, entity_type, entity_id, data_hash) SELECT 1, 'contact', id, 'h' FROM contacts WHERE merged_into IS NULL`,
  ).run();
  db.prepare(
    `INSERT INTO export_sent (target, contact_id, data_hash, export_id) SELECT 'close', id, 'h', 1 FROM contacts WHERE merged_into IS NULL`,
  ).run();
  db.prepare(
    `INSERT INTO crm_links (target, entity_type, entity_id, remote_id, origin, synced_at)
     SELECT 'close', 'contact', id, 'cont_' || lower(replace(full_name, ' ', '_')), 'created', ? FROM contacts WHERE merged_into IS NULL`,
  ).run(at);
  db.prepare(
    `INSERT INTO jobs (kind, label, status, params, result, started_at) VALUES ('import', 'Importing', 'done', '{}', ?, ?)`,
  ).run(
    JSON.stringify({
      previewRows: [
        { values: { email: 'ann@acmesolar.com', full_name: 'Ann Lee' } },
        { values: { full_name: 'Dev Patel' } },
      ],
    }),
    at,
  );
  enrichmentRemembers(db, at);
  return { kept: kept!, merged: merged!, action };
}

/**
 * Email enrichment remembers Ann by address and name, not by contact id: the verifier's answer on
 * her address, her entry in a cached Hunter search of her domain (beside Dev Patel's), the domain's
 * pattern learned from her verified address, and Dev's guessed address whose evidence cites hers.
 */
function enrichmentRemembers(db: Db, at: string) {
  const person = (value: string, firstName: string, lastName: string, position: string) => ({
    value,
    type: 'personal',
    confidence: 97,
    firstName,
    lastName,
    position,
    seniority: 'executive',
    department: null,
    linkedin: null,
    verification: { status: 'valid', date: '2025-05-01' },
  });
  db.prepare(
    `INSERT INTO hunter_verifications (email, month, result, verified_at) VALUES ('ann@acmesolar.com', '2025-06', '{"status":"valid","score":98}', ?)`,
  ).run(at);
  db.prepare(
    `INSERT INTO hunter_searches (domain, month, result, searched_at) VALUES ('acmesolar.com', '2025-06', ?, ?)`,
  ).run(
    JSON.stringify({
      domain: 'acmesolar.com',
      organization: 'Acme Solar',
      pattern: '{first}',
      acceptAll: false,
      webmail: false,
      disposable: false,
      emails: [
        person('ann@acmesolar.com', 'Ann', 'Lee', 'Chief Executive Officer'),
        person('dev@acmesolar.com', 'Dev', 'Patel', 'Head of Growth'),
      ],
      totalResults: 2,
    }),
    at,
  );
  db.prepare(
    `INSERT INTO email_patterns (domain, template, source, example, confirmations, learned_at) VALUES ('acmesolar.com', '{first}', 'verified_address', 'ann@acmesolar.com', 1, ?)`,
  ).run(at);
  db.prepare(
    `INSERT INTO contact_emails (contact_id, email, source, pattern, confidence, status, evidence, created_at)
     SELECT id, 'dev@acmesolar.com', 'pattern', '{first}', 90, 'unknown', ?, ? FROM contacts WHERE full_name = 'Dev Patel'`,
  ).run(
    JSON.stringify([
      'follows {first}, the pattern acmesolar.com uses (learned from the verified address ann@acmesolar.com)',
      'acmesolar.com has mail servers',
    ]),
    at,
  );
}

/**
 * Runs the erase job in-process on the test's connection, as the job worker runs it (runJob is
 * shared by both), with a jobs row as the job manager writes one. `cancelWhen` presses Cancel from
 * inside a progress report, so a cancel lands mid-search at a known point.
 */
async function eraseAsJob(
  db: Db,
  id: number,
  clock: ReturnType<typeof handClock>,
  options: { suppress?: boolean; cancelWhen?: (done: number, total: number | null) => boolean } = {},
): Promise<{ outcome: JobOutcome; progress: [number, number | null][]; jobId: number }> {
  const params = { id, suppress: options.suppress };
  const jobId = Number(
    db
      .prepare(
        `INSERT INTO jobs (kind, label, status, unit, params, started_at) VALUES ('privacy.erase', ?, 'running', 'rows', ?, ?)`,
      )
      .run(eraseJob.label(params), JSON.stringify(params), clock.now().toISOString()).lastInsertRowid,
  );
  const progress: [number, number | null][] = [];
  let cancelled = false;
  const outcome = await runJob(eraseJob, {
    db,
    jobId,
    params,
    clock,
    secrets: { read: () => Promise.resolve(null) },
    signal: new AbortController().signal,
    isCancelled: () => cancelled,
    onProgress(done, total) {
      progress.push([done, total]);
      if (options.cancelWhen?.(done, total)) cancelled = true;
    },
  });
  return { outcome, progress, jobId };
}

/** The two ways to erase: directly (the CLI, in-process) and as the job the window starts. */
const WAYS: [
  string,
  (db: Db, id: number, clock: ReturnType<typeof handClock>, o: EraseOptions) => Promise<ErasureReport>,
][] = [
  ['directly', (db, id, clock, o) => Promise.resolve(erasePerson(db, id, clock, o))],
  [
    'as a job',
    async (db, id, clock, o) => {
      const { outcome, jobId } = await eraseAsJob(db, id, clock, { suppress: o.suppress });
      if (outcome.status !== 'done')
        throw new Error(outcome.status === 'failed' ? outcome.message : 'cancelled');
      // Marked done inside the erasure's transaction, with the report as its result.
      const row = db.prepare('SELECT status, result FROM jobs WHERE id = ?').get(jobId) as {
        status: string;
        result: string;
      };
      expect(row.status).toBe('done');
      expect(JSON.parse(row.result)).toEqual(outcome.result);
      return outcome.result as ErasureReport;
    },
  ],
];

/** Her address in every 700th row of a long notes file beside her records. */
const importHistory = (db: Db, rows: number) => seedNoteHistory(db, rows, 700, 'wrote to ann@acmesolar.com');

describe('erasing a person', () => {
  let fresh: ReturnType<typeof freshDb>;
  let db: Db;
  const clock = handClock('2025-06-10T09:00:00Z');
  beforeEach(() => {
    fresh = freshDb();
    db = fresh.db;
  });
  afterEach(() => fresh.cleanup());

  it('exports everything held on the person as JSON first', async () => {
    const { kept, merged } = await annLeeEverywhere(db, clock);
    const document = personDocument(db, merged, clock) as Record<string, unknown[] | unknown>;
    expect(document.contactId).toBe(kept);
    expect(document.lawfulBasis).toBe('B2B legitimate interest');
    expect((document.records as unknown[]).length).toBe(2);
    expect(document.emails).toEqual([expect.objectContaining({ email: 'ann@acmesolar.com' })]);
    expect(document.approvals).toEqual([expect.objectContaining({ decision: 'approved' })]);
    expect(document.outreach).toEqual([
      expect.objectContaining({ status: 'accepted', events: [expect.anything(), expect.anything()] }),
    ]);
    expect(document.sourceRows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'Connections.csv',
          values: expect.objectContaining({ URL: 'https://www.linkedin.com/in/ann-lee-4b1a2c' }),
        }),
        expect.objectContaining({
          file: 'Connections-2018.csv',
          values: expect.objectContaining({ 'Email Address': 'ann@acmesolar.com' }),
        }),
      ]),
    );
    expect(document.merges).toHaveLength(1);
    expect(document.exports).toEqual([expect.objectContaining({ target: 'close' })]);
    expect((document.audit as { action: string }[]).map((a) => a.action)).toContain('contact.edited');
    // What enrichment remembers of her by address and name, and only hers: not Dev's entry or address.
    expect(document.enrichment).toEqual({
      verifications: [expect.objectContaining({ email: 'ann@acmesolar.com', result: expect.anything() })],
      hunterSearches: [
        {
          domain: 'acmesolar.com',
          month: '2025-06',
          searchedAt: expect.any(String),
          entries: [
            expect.objectContaining({ value: 'ann@acmesolar.com', position: 'Chief Executive Officer' }),
          ],
        },
      ],
      patternsLearnedFromThem: [
        expect.objectContaining({ domain: 'acmesolar.com', example: 'ann@acmesolar.com' }),
      ],
      inColleaguesEvidence: [expect.stringContaining('learned from the verified address ann@acmesolar.com')],
    });
    expect(JSON.stringify(document.enrichment)).not.toContain('dev@acmesolar.com');

    const written = exportPerson(db, kept, clock, { folder: path.join(fresh.dir, 'person-exports') });
    const onDisk = JSON.parse(fs.readFileSync(written.path, 'utf8')) as Record<string, unknown>;
    expect(onDisk.contactId).toBe(kept);
    expect(written.bytes).toBe(fs.statSync(written.path).size);
    const audit = db
      .prepare(`SELECT entity_id, details FROM audit_log WHERE action = 'person.exported'`)
      .get() as {
      entity_id: number;
      details: string;
    };
    expect(audit.entity_id).toBe(kept);
    expect(JSON.parse(audit.details)).toEqual({ bytes: written.bytes });
  });

  it('exports every audit entry an erasure redacts: about her records, listing her id, or naming her', async () => {
    const { kept, merged } = await annLeeEverywhere(db, clock);
    const dev = db.prepare(`SELECT id FROM contacts WHERE full_name = 'Dev Patel'`).pluck().get() as number;
    decideLeads(db, [kept], 'rejected', 'Ann Lee said not interested', clock, 'cli');
    decideLeads(db, [dev], 'rejected', 'Ann says Dev signs the contracts', clock, 'cli');
    decideLeads(db, [dev], 'rejected', 'wrote to ann@acmesolar.com instead', clock, 'cli');
    decideLeads(db, [dev], 'approved', null, clock, 'cli');
    const audit = personDocument(db, merged, clock).audit as {
      action: string;
      details: { ids?: number[]; reason?: string };
    }[];
    const decisions = audit.filter((a) => a.action.startsWith('leads.'));
    expect(decisions.map((a) => [a.action, a.details.reason ?? null])).toEqual([
      ['leads.approved', null], // the fixture's approval, by her id
      ['leads.rejected', 'Ann Lee said not interested'],
      ['leads.rejected', 'wrote to ann@acmesolar.com instead'], // Dev's, but it names her address
    ]);
    // Every entry erasing her then redacts is in her export (by its details as they were).
    const before = db.prepare(`SELECT details FROM audit_log ORDER BY id`).pluck().all() as string[];
    erasePerson(db, kept, clock);
    const after = db.prepare(`SELECT details FROM audit_log ORDER BY id`).pluck().all() as string[];
    const redacted = before.filter((details, i) => after[i] !== details);
    expect(redacted).toHaveLength(4); // merged, edited, and the two rejections naming her
    const exported = audit.map((a) => JSON.stringify(a.details));
    for (const details of redacted) expect(exported).toContain(details);
  });

  it.each(WAYS)(
    '%s: removes them from every table, keeps everyone else, and audits only ids and counts',
    async (_way, erase) => {
      const { kept, merged } = await annLeeEverywhere(db, clock);
      const others = count(db, 'contacts', `full_name != 'Ann Lee'`);
      const otherEmails = count(db, 'contact_emails', `email != 'ann@acmesolar.com'`);
      const ledger = count(db, 'quota_ledger');

      const traces = ['ann lee', 'ann@acmesolar.com', 'ann-lee-4b1a2c', '"ann"', 'cont_ann_lee'];
      const before = JSON.stringify(dumpTables(db)).toLowerCase();
      for (const trace of traces) expect(before, trace).toContain(trace);

      const report = await erase(db, merged, clock, { suppress: true });
      expect(report).toMatchObject({
        people: 1,
        contacts: 2,
        emails: 1,
        scores: 1,
        approvals: 1,
        outreachActions: 1,
        outreachEvents: 2,
        merges: 1,
        matchCandidates: 1,
        // The file's row, what Close was last sent, the link to her Close record.
        exportItems: 3,
        inExports: 1,
        quotaRefsCleared: 1,
        suppressionsAdded: 2,
      });
      expect(report.sourceRowsRedacted).toBe(2);
      // Her verifier answer, her entry in the search, the pattern's example, Dev's evidence.
      expect(report.enrichment).toBe(4);

      // Nothing anywhere still says who she was: not her name, address or profile.
      const everything = JSON.stringify(
        dumpTables(db, { suppressions: `1` /* the do-not-contact list keeps her address, by request */ }),
      ).toLowerCase();
      for (const trace of traces) expect(everything, trace).not.toContain(trace);
      expect(
        listSuppressions(db)
          .map((s) => `${s.kind}:${s.value}`)
          .sort(),
      ).toEqual(['email:ann@acmesolar.com', 'linkedin:ann-lee-4b1a2c']);

      // Everyone else, and the companies, stay; the quota stays used.
      expect(count(db, 'contacts')).toBe(others);
      expect(count(db, 'contact_emails')).toBe(otherEmails);
      expect(count(db, 'companies', `name = 'Acme Solar'`)).toBeGreaterThan(0);
      expect(count(db, 'quota_ledger', `units = 1 AND outcome = 'used'`)).toBe(ledger);
      expect(count(db, 'contacts_fts', `contacts_fts MATCH 'patel'`)).toBe(1);
      // Enrichment keeps what is not hers: Dev in the paid search, the pattern, Dev's evidence.
      const search = JSON.parse(db.prepare(`SELECT result FROM hunter_searches`).pluck().get() as string) as {
        organization: string;
        emails: { value: string }[];
      };
      expect(search.organization).toBe('Acme Solar');
      expect(search.emails.map((e) => e.value)).toEqual(['dev@acmesolar.com']);
      expect(count(db, 'hunter_verifications')).toBe(0);
      expect(db.prepare(`SELECT template, example FROM email_patterns`).get()).toEqual({
        template: '{first}',
        example: null,
      });
      expect(
        JSON.parse(
          db
            .prepare(`SELECT evidence FROM contact_emails WHERE email = 'dev@acmesolar.com'`)
            .pluck()
            .get() as string,
        ),
      ).toEqual([
        'follows {first}, the pattern acmesolar.com uses (learned from the verified address [erased])',
        'acmesolar.com has mail servers',
      ]);
      // Her raw rows keep the company cells, for the company's provenance.
      const rows = db
        .prepare(`SELECT raw FROM source_rows WHERE raw LIKE '%Acme Solar%' AND contact_id IS NULL`)
        .pluck()
        .all() as string[];
      expect(rows.map((r) => JSON.parse(r) as string[])).toEqual([
        ['', '', '', '', 'Acme Solar', '', ''],
        ['', '', '', 'Acme Solar', '', ''],
      ]);

      // The erasure is audited with her ids (her record and the one merged into it) and counts,
      // nothing she was.
      const entry = db
        .prepare(`SELECT entity_id, details FROM audit_log WHERE action = 'person.erased'`)
        .get() as {
        entity_id: number;
        details: string;
      };
      expect(entry.entity_id).toBe(kept);
      const { records, ...details } = JSON.parse(entry.details) as Record<string, unknown>;
      expect(records).toEqual([kept, merged]);
      expect(Object.values(details).every((v) => typeof v === 'number')).toBe(true);
      expect(details.contacts).toBe(2);

      // The other job result keeps its other rows.
      expect(db.prepare(`SELECT result FROM jobs WHERE kind = 'import'`).pluck().get()).toContain(
        'Dev Patel',
      );
      // Undoing the imports still works and finds nothing of hers to bring back.
      const batches = db.prepare('SELECT id FROM import_batches ORDER BY id DESC').pluck().all() as number[];
      for (const batch of batches) undoImport(db, batch, clock);
      expect(count(db, 'contacts')).toBe(0);
    },
  );

  it.each(WAYS)(
    '%s: deletes the exports of their data the app wrote, and no one else’s',
    async (_way, erase) => {
      const { kept, merged } = await annLeeEverywhere(db, clock);
      const dev = db.prepare(`SELECT id FROM contacts WHERE full_name = 'Dev Patel'`).pluck().get() as number;
      const folder = personExportsFolder(fresh.file);
      const hers = exportPerson(db, kept, clock, { folder }).path;
      clock.advance(60_000);
      const again = exportPerson(db, merged, clock, { folder }).path;
      // One made of the merged record before the merge, and one a crash left half-written.
      const before = path.join(folder, `person-${merged}-2025-01-01T00-00-00-000Z.json`);
      fs.writeFileSync(before, fs.readFileSync(hers));
      const partial = path.join(folder, `person-${kept}-2025-06-10T09-30-00-000Z.json.partial`);
      fs.writeFileSync(partial, '{"contactId"');
      const his = exportPerson(db, dev, clock, { folder }).path;
      expect(fs.readFileSync(hers, 'utf8')).toContain('ann@acmesolar.com');

      const report = await erase(db, kept, clock, {});
      expect(report.personExports).toBe(4);
      for (const file of [hers, again, before, partial]) expect(fs.existsSync(file), file).toBe(false);
      expect(fs.readdirSync(folder)).toEqual([path.basename(his)]);
      const entry = db.prepare(`SELECT details FROM audit_log WHERE action = 'person.erased'`).pluck().get();
      expect(JSON.parse(entry as string)).toMatchObject({ personExports: 4 });
    },
  );

  it('a person export it cannot delete stops the erasure, which changes nothing', async () => {
    const { kept } = await annLeeEverywhere(db, clock);
    const folder = personExportsFolder(fresh.file);
    // A folder by an export's name cannot be removed as a file.
    fs.mkdirSync(path.join(folder, `person-${kept}-stuck.json`), { recursive: true });
    const before = dumpTables(db);
    expect(() => erasePerson(db, kept, clock)).toThrow(/Could not delete the person's export/);
    expect(dumpTables(db)).toEqual(before);
  });

  it('leaves none of their bytes in the database file or its WAL (freed pages and search index)', async () => {
    const { kept } = await annLeeEverywhere(db, clock);
    // Ann in a longer history, so her pages are not the only ones and a freed page stays free.
    importHistory(db, 3000);
    // A long message to her spills onto overflow pages, which a delete frees whole (secure_delete
    // FAST would leave those as they were; ON zeroes them).
    const at = clock.now().toISOString();
    db.prepare(
      `INSERT INTO outreach_actions (contact_id, kind, subject, body, status, created_at, updated_at) VALUES (?, 'email', 'Hello', ?, 'planned', ?, ?)`,
    ).run(kept, `To ann@acmesolar.com: ${'about your roofs. '.repeat(800)}`, at, at);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const traces = ['ann@acmesolar.com', 'ann-lee-4b1a2c', 'Chief Executive Officer & Founder'];
    const bytes = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0));
    const onDisk = () => {
      const text = Buffer.concat([bytes(fresh.file), bytes(`${fresh.file}-wal`)]);
      return traces.filter((trace) => text.includes(trace));
    };
    expect(onDisk()).toEqual(traces);
    const blocks = (word: string) =>
      db.prepare(`SELECT count(*) FROM contacts_fts_data WHERE instr(block, ?) > 0`).pluck().get(word);
    expect(blocks('founder')).toBeGreaterThan(0);

    erasePerson(db, kept, clock);
    // The index deletes securely for the erasure only: every other write stays as fast as before.
    expect(db.prepare(`SELECT v FROM contacts_fts_config WHERE k = 'secure-delete'`).pluck().get()).toBe(0);
    // While the app stays open: the erasure checkpointed, so the WAL holds no old page of hers.
    expect(bytes(`${fresh.file}-wal`).length).toBe(0);
    expect(onDisk()).toEqual([]);
    db.close();
    expect(onDisk()).toEqual([]);
    // The search index keeps words, not whole values: her title's last word (no one else's) was in
    // its blocks and is no longer, not even under a tombstone.
    expect(fs.readFileSync(fresh.file).includes('founder')).toBe(false);
  });

  it('is one transaction: a failure leaves every table as it was', async () => {
    const { kept } = await annLeeEverywhere(db, clock);
    const before = dumpTables(db);
    db.exec(`CREATE TRIGGER stop BEFORE DELETE ON contacts BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => erasePerson(db, kept, clock)).toThrow('disk full');
    db.exec('DROP TRIGGER stop');
    expect(dumpTables(db)).toEqual(before);
  });

  it('as a job, is one transaction too: a failure leaves every table but its own row as it was', async () => {
    const { kept } = await annLeeEverywhere(db, clock);
    const before = dumpTables(db);
    db.exec(`CREATE TRIGGER stop BEFORE DELETE ON contacts BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const { outcome, jobId } = await eraseAsJob(db, kept, clock);
    db.exec('DROP TRIGGER stop');
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('disk full') });
    db.prepare('DELETE FROM jobs WHERE id = ?').run(jobId);
    expect(dumpTables(db)).toEqual(before);
  });

  it('as a job, reports rows searched of a total, chunk by chunk, ending at the total', async () => {
    const { kept } = await annLeeEverywhere(db, clock);
    importHistory(db, 12_000);
    const total =
      count(db, 'source_rows') + count(db, 'audit_log', `details != '{}'`) + count(db, 'jobs') + 1; // + its own row
    const { outcome, progress } = await eraseAsJob(db, kept, clock);
    expect(outcome.status).toBe('done');
    expect(progress.every(([, t]) => t === total)).toBe(true);
    const done = progress.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(total);
    // The raw rows are searched in chunks: the bar moves several times on the way, not only at the end.
    expect(new Set(done.filter((d) => d > 0 && d < total)).size).toBeGreaterThanOrEqual(3);
    // Every row of the history that held her address lost it.
    expect(count(db, 'source_rows', `raw LIKE '%ann@acmesolar.com%'`)).toBe(0);
  });

  it('as a job, cancelled mid-search, leaves every row as it was', async () => {
    const { kept } = await annLeeEverywhere(db, clock);
    importHistory(db, 12_000);
    const rawRows = () => db.prepare('SELECT id, raw, contact_id FROM source_rows ORDER BY id').all();
    const contacts = () => db.prepare('SELECT * FROM contacts ORDER BY id').all();
    const audit = () => db.prepare('SELECT * FROM audit_log ORDER BY id').all();
    const before = { raw: rawRows(), contacts: contacts(), audit: audit(), all: dumpTables(db) };
    expect(count(db, 'source_rows', `raw LIKE '%ann@acmesolar.com%'`)).toBeGreaterThan(10);

    let midway: { suppressions: number; blanked: number } | null = null;
    const { outcome, progress, jobId } = await eraseAsJob(db, kept, clock, {
      suppress: true,
      cancelWhen: (done, total) => {
        if (done < 5000 || done >= total! / 2) return false;
        // Inside the open transaction, the erasure has already written: her do-not-contact
        // entries and some of the history's rows that named her.
        midway = {
          suppressions: count(db, 'suppressions'),
          blanked:
            before.raw.length -
            count(db, 'source_rows', `raw LIKE '%ann@acmesolar.com%' OR contact_id IS NOT NULL`),
        };
        return true;
      },
    });
    expect(outcome.status).toBe('cancelled');
    expect(midway).not.toBeNull();
    expect(midway!.suppressions).toBe(2);
    // It stopped at the next chunk, long before the end.
    const last = progress.at(-1)!;
    expect(last[0]).toBeLessThan(last[1]!);

    expect(count(db, 'suppressions')).toBe(0);
    expect(rawRows()).toEqual(before.raw);
    expect(contacts()).toEqual(before.contacts);
    expect(audit()).toEqual(before.audit);
    // And everything else: only the job's own row (which the job manager marks cancelled) is new.
    db.prepare('DELETE FROM jobs WHERE id = ?').run(jobId);
    expect(dumpTables(db)).toEqual(before.all);
  });

  it('refuses an unknown contact', () => {
    expect(() => erasePerson(db, 999, clock)).toThrow(/no contact 999/);
  });

  it('covers every table that refers to a person', () => {
    const refersToPeople = tableNames(db).filter((table) => {
      const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      const keys = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string }[];
      return (
        table === 'contacts' ||
        table.startsWith('contacts_fts') ||
        keys.some((k) => k.table === 'contacts') ||
        columns.includes('contact_id') ||
        columns.includes('entity_id') ||
        columns.includes('kept_id') ||
        columns.includes('left_id') ||
        (columns.includes('ref_id') && columns.includes('ref_type'))
      );
    });
    expect(refersToPeople.filter((t) => !(t in ERASURE_COVERS))).toEqual([]);
  });

  it('leaves none of their addresses, profile or name in any text column of any table', async () => {
    // By every table of the schema, FTS shadow tables included, not only those that point at a
    // contact: a table keyed by address (Hunter's answers) or a free-text column slips past a list.
    const { merged } = await annLeeEverywhere(db, clock);
    const traces = ['ann@acmesolar.com', 'ann-lee-4b1a2c', 'ann lee'];
    for (const trace of traces) expect(textHits(db, trace), trace).not.toEqual([]);
    erasePerson(db, merged, clock, { suppress: true });
    const left = traces.flatMap((trace) =>
      textHits(db, trace).filter((hit) => !hit.startsWith('suppressions.')),
    );
    expect(left).toEqual([]);
    // Her first name and surname apart, as Hunter's answer held them.
    expect(textHits(db, '"firstname":"ann","lastname":"lee"')).toEqual([]);
  });
});
