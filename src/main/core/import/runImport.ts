import path from 'node:path';
import type { FieldId } from '@shared/domain/import/fields';
import type {
  ImportOptions,
  ImportReport,
  PreviewRow,
  ProblemAction,
  ProblemKind,
} from '@shared/domain/import/types';
import { AppFailure } from '@shared/contract/result';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { openSheet } from './read/openSheet';
import { resolveMapping } from './mapping/resolveMapping';
import { saveProfile } from './mapping/savedProfiles';
import { RowMapper } from './commit/mapRow';
import { RecordStore, type FieldSources, type Outcome } from './commit/recordStore';
import { SqlKeys } from './commit/recordKeys';
import type { CompanyDraft, ContactDraft, MappedRow } from './commit/drafts';
import { fileSha256 } from './fileHash';
import { readSettings } from '../settings/settingsStore';
import { resolveStored } from '../resolution/resolveStored';
import { changedByBatch, pauseSearchSync, reindex } from '../search/searchSync';
import { rescore } from '../scoring/rescore';

export interface ImportRunContext {
  db: Db;
  clock: Clock;
  progress(done: number, total?: number | null): void;
  throwIfCancelled(): void;
  /** Marks the job done inside the import's transaction (so both commit or neither). */
  markDone?(result: unknown): void;
}

const PREVIEW_ROWS = 20;
const SAMPLES_PER_KIND = 5;

/** What decides whether two imports of the same file are the same import. */
function importSignature(options: ImportOptions, mapping: readonly { field: FieldId | null }[]): string {
  return JSON.stringify({
    sheet: options.sheet ?? null,
    noHeader: options.noHeader ?? false,
    headerRow: options.headerRow ?? null,
    mapping: mapping.map((m) => m.field),
    problems: options.problemActions ?? {},
  });
}

/**
 * Imports one file in one transaction: reads it as a stream, maps and cleans each row, finds or
 * creates its company and contact, and keeps every raw row with links to what it became. A crash
 * or a cancel leaves the database as it was; a dry run does the same work and rolls it back, so
 * its report is exactly what the import would do.
 */
export async function runImport(ctx: ImportRunContext, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const { db } = ctx;
  const now = ctx.clock.now().toISOString();
  const sheet = await openSheet(options);
  const resolved = resolveMapping(db, sheet, options);
  const signature = importSignature(options, resolved.mapping);
  const sha = await fileSha256(options.path);
  const report: ImportReport = {
    batchId: null,
    dryRun: options.dryRun ?? false,
    fileName: sheet.fileName,
    alreadyImported: null,
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    blankRows: 0,
    flagged: 0,
    companiesCreated: 0,
    contactsCreated: 0,
    merged: 0,
    sentToReview: 0,
    problems: {},
    problemSamples: {},
    previewRows: [],
    seconds: 0,
  };

  const previous = db
    .prepare(
      `SELECT id, created_at, rows_read FROM import_batches WHERE file_sha256 = ? AND options = ? AND status = 'committed' ORDER BY id DESC LIMIT 1`,
    )
    .get(sha, signature) as { id: number; created_at: string; rows_read: number } | undefined;
  if (previous) {
    sheet.close();
    // The very same file, read the very same way: importing it again would change nothing.
    return {
      ...report,
      alreadyImported: { batchId: previous.id, at: previous.created_at },
      rowsRead: previous.rows_read,
      unchanged: previous.rows_read,
      seconds: (performance.now() - started) / 1000,
    };
  }

  const actions: Partial<Record<ProblemKind, ProblemAction>> = options.problemActions ?? {};
  const mapper = new RowMapper(resolved.mapping);
  const headers = resolved.headers;
  const crmSource = resolved.profile?.crmSource ?? null;
  const contactExtra =
    resolved.sourceKind === 'linkedin_connections'
      ? { discovery_source: 'connection', connection_degree: 1 }
      : {};

  db.exec('BEGIN IMMEDIATE');
  try {
    const batchId = Number(
      db
        .prepare(
          `INSERT INTO import_batches (job_id, file_name, file_path, file_size, file_sha256, format, encoding, delimiter, sheet,
             header_row, headers, profile, source_kind, mapping, options, created_at)
           VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          sheet.fileName,
          path.resolve(options.path),
          sheet.fileSize,
          sha,
          sheet.format,
          sheet.encoding,
          sheet.delimiter,
          sheet.sheet,
          sheet.headerLine,
          JSON.stringify(headers),
          resolved.profile?.id ?? null,
          resolved.sourceKind,
          JSON.stringify(resolved.mapping),
          signature,
          now,
        ).lastInsertRowid,
    );
    report.batchId = batchId;
    pauseSearchSync(db);
    const store = new RecordStore(db, new SqlKeys(db), batchId, now, crmSource, resolved.sourceKind);
    let nextSourceRowId =
      (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM source_rows').pluck().get() as number) ?? 1;
    const insertSourceRow = db.prepare(
      `INSERT INTO source_rows (id, batch_id, row_number, raw, status, problems, company_id, contact_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    for await (const batch of sheet.rows)
      for (const { row, cells } of batch) {
        report.rowsRead++;
        if ((report.rowsRead & 255) === 0) {
          ctx.throwIfCancelled();
          const fraction = sheet.fraction();
          ctx.progress(report.rowsRead, fraction > 0.02 ? Math.round(report.rowsRead / fraction) : null);
        }
        const mapped = mapper.map(cells);
        if (mapped.empty) {
          report.skipped++;
          report.blankRows++;
          continue;
        }
        const kinds = [...new Set(mapped.problems.map((p) => p.kind))];
        for (const problem of mapped.problems) {
          report.problems[problem.kind] = (report.problems[problem.kind] ?? 0) + 1;
          const samples = (report.problemSamples[problem.kind] ??= []);
          if (samples.length < SAMPLES_PER_KIND) {
            samples.push({
              row,
              column: problem.column >= 0 ? (headers[problem.column] ?? '') : '',
              value: problem.value,
            });
          }
        }
        const skip = kinds.some((k) => actions[k] === 'skip');
        const sourceRowId = nextSourceRowId++;
        let companyId: number | null = null;
        let contactId: number | null = null;
        let outcome: Outcome | 'skip' = 'skip';
        if (!skip) {
          const result = writeRow(store, mapped, sourceRowId, contactExtra, report, batchId, row);
          companyId = result.companyId;
          contactId = result.contactId;
          outcome = result.outcome;
        }
        const status = skip ? 'skipped' : kinds.length > 0 ? 'flagged' : 'imported';
        if (status === 'flagged') report.flagged++;
        if (outcome === 'insert') report.inserted++;
        else if (outcome === 'update') report.updated++;
        else if (outcome === 'unchanged') report.unchanged++;
        else report.skipped++;
        insertSourceRow.run(
          sourceRowId,
          batchId,
          row,
          rawJson(cells),
          status,
          kinds.length ? JSON.stringify(kinds) : null,
          companyId,
          contactId,
        );
        if (report.previewRows.length < PREVIEW_ROWS)
          report.previewRows.push(previewOf(row, mapped, outcome, kinds));
      }
    if (report.rowsRead === 0) {
      // Refused here rather than when the file is opened: a workbook's first sheet may be a
      // "read me" of one line, and the seller must still be able to pick the sheet with the data.
      const names = headers.filter((h) => h.trim() !== '');
      throw new AppFailure(
        'unsupported_file',
        `${sheet.fileName}${sheet.sheet ? ` (sheet "${sheet.sheet}")` : ''} has column names (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}) but no rows below them: there is nothing to import. Check that it is the file you meant — an export of an empty list looks like this.`,
      );
    }
    // Match what this file brought against what was already here, before anything is committed:
    // sure matches merge (each merge undoable, and undone with the import), doubtful ones wait in
    // the review queue.
    const settings = readSettings(db, 'dedupe');
    if (options.matchExisting ?? settings.matchOnImport) {
      const resolved = resolveStored(
        { db, clock: ctx.clock, settings, throwIfCancelled: ctx.throwIfCancelled },
        { kind: 'batch', batchId },
      );
      report.merged = resolved.company.merged + resolved.contact.merged;
      report.sentToReview = resolved.company.sentToReview + resolved.contact.sentToReview;
    }
    reindex(db, { ...changedByBatch(db, batchId), createdByBatch: batchId });
    rescore(db, readSettings(db, 'scoring'), now);
    ctx.progress(report.rowsRead, report.rowsRead);
    report.seconds = (performance.now() - started) / 1000;
    db.prepare(
      `UPDATE import_batches SET rows_read = ?, inserted = ?, updated = ?, unchanged = ?, skipped = ?, flagged = ?, problems = ?, seconds = ? WHERE id = ?`,
    ).run(
      report.rowsRead,
      report.inserted,
      report.updated,
      report.unchanged,
      report.skipped,
      report.flagged,
      JSON.stringify(report.problems),
      report.seconds,
      batchId,
    );
    if (options.dryRun) {
      db.exec('ROLLBACK');
      report.batchId = null;
      return report;
    }
    if (sheet.headerLine !== null)
      saveProfile(db, `${sheet.fileName} layout`, headers, resolved.mapping, resolved.sourceKind, now);
    else if (!resolved.profile?.headerless || resolved.profile.id.startsWith('saved:'))
      // A file without a header, mapped by the seller: kept as a layout they can pick next time.
      saveProfile(
        db,
        `${sheet.fileName} layout (no header)`,
        headers,
        resolved.mapping,
        resolved.sourceKind,
        now,
        {
          headerless: true,
        },
      );
    recordAudit(
      db,
      {
        action: 'import.committed',
        entityType: 'import_batch',
        entityId: batchId,
        details: {
          file: sheet.fileName,
          rows: report.rowsRead,
          inserted: report.inserted,
          updated: report.updated,
        },
      },
      ctx.clock,
    );
    ctx.markDone?.(report);
    db.exec('COMMIT');
    return report;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    sheet.close();
  }
}

/** The row's cells as JSON, without the empty cells at its end (the header gives the width). */
function rawJson(cells: readonly string[]): string {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return JSON.stringify(end === cells.length ? cells : cells.slice(0, end));
}

function sourcesOf(sources: Partial<Record<string, number>>, sourceRowId: number): FieldSources {
  const out: FieldSources = {};
  for (const [field, column] of Object.entries(sources))
    if (column !== undefined) out[field] = [sourceRowId, column];
  return out;
}

function writeRow(
  store: RecordStore,
  mapped: MappedRow,
  sourceRowId: number,
  contactExtra: { discovery_source?: string; connection_degree?: number },
  report: ImportReport,
  batchId: number,
  row: number,
): { companyId: number | null; contactId: number | null; outcome: Outcome | 'skip' } {
  let companyId: number | null = null;
  let contactId: number | null = null;
  const outcomes: Outcome[] = [];
  if (mapped.company) {
    const company = store.upsertCompany(mapped.company, sourceRowId, () =>
      sourcesOf(mapped.companySources, sourceRowId),
    );
    companyId = company.id;
    outcomes.push(company.outcome);
    if (company.outcome === 'insert') report.companiesCreated++;
  }
  if (mapped.contact) {
    const { emails: _emails, ...contactSources } = mapped.contactSources;
    const contact = store.upsertContact(
      mapped.contact,
      companyId,
      sourceRowId,
      () => sourcesOf(contactSources, sourceRowId),
      contactExtra,
    );
    contactId = contact.id;
    if (contact.outcome === 'insert') report.contactsCreated++;
    const added = store.addEmails(
      contact.id,
      mapped.contact.emails,
      sourceRowId,
      JSON.stringify({ batch: batchId, row }),
      contact.outcome === 'insert',
    );
    outcomes.push(added > 0 && contact.outcome === 'unchanged' ? 'update' : contact.outcome);
  }
  const outcome: Outcome | 'skip' = outcomes.includes('insert')
    ? 'insert'
    : outcomes.includes('update')
      ? 'update'
      : outcomes.length
        ? 'unchanged'
        : 'skip';
  return { companyId, contactId, outcome };
}

const COMPANY_PREVIEW: [keyof CompanyDraft, FieldId][] = [
  ['name', 'company_name'],
  ['website', 'website'],
  ['domain', 'domain'],
  ['phone', 'phone'],
  ['address', 'address'],
  ['city', 'city'],
  ['state', 'state'],
  ['zip', 'zip'],
  ['license_number', 'license_number'],
  ['license_status', 'license_status'],
  ['license_expires', 'license_expiration'],
  ['icp_score', 'icp_score'],
  ['icp_tier', 'icp_tier'],
  ['industry', 'industry'],
];
const CONTACT_PREVIEW: [keyof ContactDraft, FieldId][] = [
  ['full_name', 'full_name'],
  ['first_name', 'first_name'],
  ['last_name', 'last_name'],
  ['title', 'title'],
  ['linkedin_url', 'linkedin_url'],
  ['phone', 'contact_phone'],
  ['connected_on', 'connected_on'],
];

function previewOf(
  row: number,
  mapped: MappedRow,
  outcome: Outcome | 'skip',
  problems: ProblemKind[],
): PreviewRow {
  const values: PreviewRow['values'] = {};
  for (const [key, field] of COMPANY_PREVIEW) {
    const value = mapped.company?.[key];
    if (value !== null && value !== undefined) values[field] = String(value);
  }
  for (const [key, field] of CONTACT_PREVIEW) {
    const value = mapped.contact?.[key];
    if (value !== null && value !== undefined) values[field] = String(value);
  }
  if (mapped.contact?.emails.length) values.email = mapped.contact.emails.join(', ');
  return { row, outcome, values, problems };
}
