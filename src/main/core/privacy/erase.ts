import type { ErasureCounts, ErasureReport } from '@shared/domain/privacy';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { addSuppressions } from '../suppression/suppressions';
import { hasIdentifiers, identifiersOf, mentions, personRecords, recordsOfPeople } from './people';
import { redactSourceRows } from './sourceRows';
import { scrubJson } from './scrub';
import { eraseEnrichment } from './enrichment';
import { deletePersonExports } from './exportFiles';

export interface EraseOptions {
  /** Put the person's addresses and profile on the do-not-contact list, so no import brings them back. */
  suppress?: boolean;
  actor?: 'user' | 'cli' | 'system';
  /** Why: a seller's erasure, or the retention rule. Recorded in the audit entry. */
  reason?: 'request' | 'retention';
  /** Run as a job: how far the search is, and a chance to stop (see EraseSteps). */
  steps?: EraseSteps;
}

/**
 * What a job hooks into an erasure. The search through every raw row, audit entry and job result
 * is the long part; it reports rows searched of rows to search and asks whether to stop between
 * chunks. A throw from `throwIfCancelled` rolls the whole erasure back.
 */
export interface EraseSteps {
  progress(done: number, total: number): void;
  throwIfCancelled(): void;
  /** Called inside the transaction once all is erased, so a job's "done" commits with the erasure. */
  finished?(report: ErasureReport): void;
}

/**
 * Rows searched of rows to search, across the three searches (raw rows, audit entries, job
 * results). Each search ends by reaching its own share, so a search skipped (a person with no
 * address to look for) still moves the bar, and the figures never pass the total.
 */
class SearchProgress {
  private done = 0;
  constructor(
    private readonly steps: EraseSteps | undefined,
    readonly total: number,
  ) {}

  /** A chunk of `rows` was searched: report it and stop here if Cancel was pressed. */
  advance(rows: number): void {
    this.done = Math.min(this.total, this.done + rows);
    this.steps?.progress(this.done, this.total);
    this.steps?.throwIfCancelled();
  }

  /** Runs one search of `share` rows; whatever it did not report is counted as searched at its end. */
  phase<T>(share: number, search: (advance: (rows: number) => void) => T): T {
    const end = Math.min(this.total, this.done + share);
    const result = search((rows) => this.advance(Math.min(rows, end - this.done)));
    this.advance(end - this.done);
    return result;
  }
}

/** The rows an erasure searches, counted before it starts, for a progress total. */
function rowsToSearch(db: Db): { sourceRows: number; audit: number; jobs: number } {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    sourceRows: count('SELECT count(*) FROM source_rows'),
    audit: count(`SELECT count(*) FROM audit_log WHERE details != '{}'`),
    jobs: count('SELECT count(*) FROM jobs'),
  };
}

/**
 * Every table that holds a contact id, and how erasure treats it. The test in
 * tests/unit/privacy/erase.test.ts reads the schema and fails when a table refers to contacts and is
 * not listed here: a new feature that stores something about a person must say how it is erased.
 */
export const ERASURE_COVERS: Record<string, string> = {
  contacts: 'deleted, with every record merged into the person',
  contact_emails:
    "deleted; a colleague's evidence that names them (a pattern learned from their address) keeps its sentence without it",
  hunter_verifications: 'deleted where the verified address is theirs (keyed by address; see enrichment.ts)',
  hunter_searches: 'their entry leaves the cached domain search; everyone else in it stays',
  email_patterns: 'a pattern learned from their address keeps the pattern and loses the example',
  scores: 'deleted',
  approvals: 'deleted',
  outreach_actions: 'deleted, with their outreach_events',
  source_rows: 'person cells blanked, contact_id cleared (see sourceRows.ts)',
  export_items: 'deleted (the export files already written are outside the app)',
  export_sent: 'deleted (what each CRM was last sent about the person)',
  crm_links: "deleted (the link to the person's CRM record; the CRM's copy is erased there)",
  quota_ledger: "kept (quotas must stay counted) without the reference to the person's actions",
  field_alternatives: 'deleted',
  match_candidates: 'deleted',
  merges: "deleted (their snapshots hold the person's data; such a merge can no longer be undone)",
  import_changes: 'deleted (an import undone later cannot bring the person back)',
  audit_log:
    "details redacted where they concern or mention the person; the erasure's own entry keeps counts",
  contacts_fts: 'deleted',
};

const idsParam = (ids: readonly number[]) => JSON.stringify(ids);
const IN = (column: string) => `${column} IN (SELECT value FROM json_each(@ids))`;

/** Erases one person (the contact with every record merged into it). */
export function erasePerson(
  db: Db,
  contactId: number,
  clock: Clock,
  options: EraseOptions = {},
): ErasureReport {
  // Immediate: a job's erasure takes the write lock before it reads, so no other writer can slip
  // in between its reads and its writes and make it fail half-way.
  const report = db
    .transaction(() => {
      const records = personRecords(db, contactId);
      const report = eraseRecords(db, [records[0]!], records, clock, options);
      options.steps?.finished?.(report);
      return report;
    })
    .immediate();
  checkpointErased(db);
  return report;
}

/** Erases standing contacts with everything merged into them (the retention rule's bulk erasure). */
export function erasePeople(
  db: Db,
  roots: readonly number[],
  clock: Clock,
  options: EraseOptions = {},
): ErasureReport {
  const report = db.transaction(() => eraseRecords(db, roots, recordsOfPeople(db, roots), clock, options))();
  checkpointErased(db);
  return report;
}

/**
 * Once an erasure has committed, its pages go into the database file and the WAL is emptied: the
 * WAL's older frames still hold the pages as they were before, the person in them, until they are
 * written over. Best effort, by design: a reader on another connection still using those frames
 * keeps them (SQLite waits the busy timeout, then leaves them), and the next checkpoint, or closing
 * the app, clears them. Inside a caller's transaction (a restore) it is the caller's to do.
 */
function checkpointErased(db: Db): void {
  if (db.memory || db.readonly || db.inTransaction) return;
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Removes everything held on these people in one transaction: their records and everything that
 * hangs off them, their cells in the raw import rows, and their traces in merge snapshots, import
 * undo data, job results and audit details. One audit entry per person records the erasure with
 * the contact id, the ids of its records and counts only.
 */
function eraseRecords(
  db: Db,
  roots: readonly number[],
  records: readonly number[],
  clock: Clock,
  options: EraseOptions,
): ErasureReport {
  const ids = idsParam(records);
  const params = { ids };
  const run = (sql: string) => db.prepare(sql).run(params).changes;
  const count = (sql: string) => db.prepare(sql).pluck().get(params) as number;
  const found = identifiersOf(db, records);
  // Each person's record ids for their own audit entry, read before the records go.
  const recordsOf =
    roots.length > 1 && options.reason !== 'retention'
      ? new Map(roots.map((root) => [root, recordsOfPeople(db, [root])]))
      : null;
  const report: ErasureReport = {
    people: roots.length,
    contacts: 0,
    emails: 0,
    scores: 0,
    approvals: 0,
    outreachActions: 0,
    outreachEvents: 0,
    sourceRowsRedacted: 0,
    alternatives: 0,
    matchCandidates: 0,
    merges: 0,
    importChanges: 0,
    exportItems: 0,
    auditEntriesRedacted: 0,
    jobsRedacted: 0,
    quotaRefsCleared: 0,
    suppressionsAdded: 0,
    enrichment: 0,
    personExports: 0,
    inExports: count(
      `SELECT count(DISTINCT export_id) FROM export_items WHERE entity_type = 'contact' AND ${IN('entity_id')}`,
    ),
  };
  if (records.length === 0) return report;
  const rows = rowsToSearch(db);
  const search = new SearchProgress(options.steps, rows.sourceRows + rows.audit + rows.jobs);
  search.advance(0);

  if (options.suppress) {
    const entries = [
      ...[...found.emails].map((value) => ({ kind: 'email' as const, value, reason: 'erased on request' })),
      ...[...found.linkedinKeys].map((value) => ({
        kind: 'linkedin' as const,
        value: `https://www.linkedin.com/in/${value}`,
        reason: 'erased on request',
      })),
    ];
    if (entries.length > 0) report.suppressionsAdded = addSuppressions(db, entries, clock).added;
  }

  report.sourceRowsRedacted = search.phase(rows.sourceRows, (advance) =>
    redactSourceRows(db, records, found, advance),
  );

  // Outreach: the events, the actions; the ledger keeps its units (a quota stays used) but forgets
  // which action used them.
  const actions = db
    .prepare(`SELECT id FROM outreach_actions WHERE ${IN('contact_id')}`)
    .pluck()
    .all(params) as number[];
  const actionParams = { ids: idsParam(actions) };
  report.outreachEvents = db
    .prepare(`DELETE FROM outreach_events WHERE ${IN('action_id')}`)
    .run(actionParams).changes;
  report.quotaRefsCleared =
    db
      .prepare(
        `UPDATE quota_ledger SET ref_type = NULL, ref_id = NULL, note = NULL
         WHERE ref_id IN (SELECT value FROM json_each(@ids)) AND ref_type IN ('outreach_action', 'outreach', 'action')`,
      )
      .run(actionParams).changes +
    run(
      `UPDATE quota_ledger SET ref_type = NULL, ref_id = NULL, note = NULL WHERE ${IN('ref_id')} AND ref_type = 'contact'`,
    );
  db.prepare(
    `UPDATE outreach_actions SET parent_id = NULL WHERE parent_id IN (SELECT value FROM json_each(@ids))`,
  ).run(actionParams);
  report.outreachActions = run(`DELETE FROM outreach_actions WHERE ${IN('contact_id')}`);

  report.approvals = run(`DELETE FROM approvals WHERE ${IN('contact_id')}`);
  report.scores = run(`DELETE FROM scores WHERE ${IN('contact_id')}`);
  const emailIds = db
    .prepare(`SELECT id FROM contact_emails WHERE ${IN('contact_id')}`)
    .pluck()
    .all(params) as number[];
  report.emails = run(`DELETE FROM contact_emails WHERE ${IN('contact_id')}`);
  report.enrichment = eraseEnrichment(db, found);

  // The merge graph: the person's merges hold snapshots of their records, so they go, with the
  // values they set aside; so do the review pairs they were part of.
  const merges = db
    .prepare(`SELECT id FROM merges WHERE kind = 'contact' AND (${IN('kept_id')} OR ${IN('merged_id')})`)
    .pluck()
    .all(params) as number[];
  const mergeParams = { ids: idsParam(merges) };
  report.alternatives =
    db
      .prepare(`DELETE FROM field_alternatives WHERE merge_id IN (SELECT value FROM json_each(@ids))`)
      .run(mergeParams).changes +
    run(`DELETE FROM field_alternatives WHERE entity_type = 'contact' AND ${IN('entity_id')}`);
  report.merges = db
    .prepare(`DELETE FROM merges WHERE id IN (SELECT value FROM json_each(@ids))`)
    .run(mergeParams).changes;
  report.matchCandidates = run(
    `DELETE FROM match_candidates WHERE kind = 'contact' AND (${IN('left_id')} OR ${IN('right_id')})`,
  );

  // Import undo data: "before" snapshots of their records, and the rows that added their emails.
  report.importChanges =
    run(`DELETE FROM import_changes WHERE entity_type = 'contact' AND ${IN('entity_id')}`) +
    db
      .prepare(
        `DELETE FROM import_changes WHERE entity_type = 'contact_email' AND entity_id IN (SELECT value FROM json_each(@ids))`,
      )
      .run({ ids: idsParam(emailIds) }).changes;
  // What the exports remember of them: the rows of past files, what each CRM was last sent, and
  // the links to their CRM records (the CRM's own copy is the seller's to erase there).
  report.exportItems =
    run(`DELETE FROM export_items WHERE entity_type = 'contact' AND ${IN('entity_id')}`) +
    run(`DELETE FROM export_sent WHERE ${IN('contact_id')}`) +
    run(`DELETE FROM crm_links WHERE entity_type = 'contact' AND ${IN('entity_id')}`);

  // FTS5 only marks a deleted row unless 'secure-delete' is on, and the person's words would stay
  // in the index's blocks until a later merge rewrites them. It is switched on for this delete
  // only (the option lives in the index's config table, so it is part of this transaction): kept
  // on, it made every import that updates records a quarter slower.
  const secureFts = (on: 0 | 1) =>
    db.exec(`INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('secure-delete', ${on})`);
  secureFts(1);
  run(`DELETE FROM contacts_fts WHERE ${IN('rowid')}`);
  secureFts(0);
  // Records merged into others first would break no key: one statement removes them all, and
  // SQLite checks foreign keys at its end.
  report.contacts = run(`DELETE FROM contacts WHERE ${IN('id')}`);

  report.auditEntriesRedacted = search.phase(rows.audit, (advance) =>
    redactAudit(db, records, found, advance),
  );
  report.jobsRedacted = search.phase(rows.jobs, (advance) => redactJobs(db, found, advance));
  // Last, past the final chance to cancel: the files cannot come back if the erasure rolled back.
  report.personExports = deletePersonExports(db, records);

  const counts: Partial<ErasureCounts> = { ...report };
  delete counts.people;
  if (options.reason === 'retention') {
    // One entry for a purge: the ids (so a restore can purge them again: `records` holds every
    // record erased, merged ones too) and the counts.
    recordAudit(
      db,
      {
        action: 'privacy.retention_purged',
        actor: options.actor ?? 'system',
        details: { people: roots.length, ids: roots, records, ...counts },
      },
      clock,
    );
  } else {
    for (const root of roots) {
      recordAudit(
        db,
        {
          action: 'person.erased',
          entityType: 'contact',
          entityId: root,
          actor: options.actor ?? 'user',
          // `records`: every record id of the person (merged ones too), so a restore from a
          // backup taken before a merge erases each again. Ids only, nothing the person was.
          details: roots.length === 1 ? { ...counts, records } : { records: recordsOf!.get(root) },
        },
        clock,
      );
    }
  }
  return report;
}

/**
 * Audit entries about the person's records lose their details (an edit's before and after held
 * their name and email); entries elsewhere that mention them lose those strings. What happened,
 * when and by whom stays.
 */
function redactAudit(
  db: Db,
  records: readonly number[],
  found: ReturnType<typeof identifiersOf>,
  onChunk: (rows: number) => void,
): number {
  let changed = db
    .prepare(
      `UPDATE audit_log SET details = '{"redacted":"person erased"}'
       WHERE entity_type = 'contact' AND entity_id IN (SELECT value FROM json_each(?)) AND action != 'person.erased'`,
    )
    .run(idsParam(records)).changes;
  if (!hasIdentifiers(found)) return changed;
  const update = db.prepare('UPDATE audit_log SET details = ? WHERE id = ?');
  for (const rows of chunks<{ id: number; details: string }>(
    db,
    `SELECT id, details FROM audit_log WHERE details != '{}' AND id > ? ORDER BY id LIMIT ${CHUNK}`,
  )) {
    for (const row of rows) {
      if (!mentions(row.details, found)) continue;
      update.run(scrubJson(row.details, found), row.id);
      changed++;
    }
    onChunk(rows.length);
  }
  return changed;
}

/** Job results keep what an import showed (its first rows, problem samples): scrubbed the same way. */
function redactJobs(
  db: Db,
  found: ReturnType<typeof identifiersOf>,
  onChunk: (rows: number) => void,
): number {
  if (!hasIdentifiers(found)) return 0;
  const update = db.prepare('UPDATE jobs SET params = ?, result = ? WHERE id = ?');
  let changed = 0;
  for (const rows of chunks<{ id: number; params: string; result: string | null }>(
    db,
    `SELECT id, params, result FROM jobs WHERE id > ? ORDER BY id LIMIT ${CHUNK}`,
  )) {
    for (const row of rows) {
      const params = mentions(row.params, found) ? scrubJson(row.params, found) : row.params;
      const result =
        row.result !== null && mentions(row.result, found) ? scrubJson(row.result, found) : row.result;
      if (params === row.params && result === row.result) continue;
      update.run(params, result, row.id);
      changed++;
    }
    onChunk(rows.length);
  }
  return changed;
}

const CHUNK = 5000;

/**
 * A table read in chunks by id, each chunk read whole before the caller writes (a connection
 * cannot write while it iterates), so a long search can report progress and stop between chunks.
 */
function* chunks<R extends { id: number }>(db: Db, sql: string): Generator<R[]> {
  const next = db.prepare(sql);
  let after = 0;
  for (;;) {
    const rows = next.all(after) as R[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    yield rows;
  }
}
