import path from 'node:path';
import { AppFailure } from '@shared/contract/result';
import {
  describeScope,
  rowLimitProblem,
  type ExportPreview,
  type ExportReport,
  type ExportRequest,
  type ExportScope,
} from '@shared/domain/export';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { FORMATS, type Cell } from './formats';
import { activeColumns, type ActiveColumn } from './columns';
import {
  compareFileOrder,
  exportLeads,
  fileOrderKey,
  ScopeError,
  type FileOrderKey,
  type LeadStream,
} from './exportLeads';
import { lastSentHashes, recordExport } from './exportHistory';
import { textHash } from './rowHash';
import { csvLine, CsvFileWriter } from './csvFile';

export interface ExportRunContext {
  db: Db;
  clock: Clock;
  progress(done: number, total?: number | null): void;
  throwIfCancelled(): void;
  /** Marks the job done inside the export's own transaction (see JobContext.markDone). */
  markDone?(result: unknown): void;
}

interface PlannedRow extends FileOrderKey {
  hash: string;
  /** The target already has this record with this fingerprint (from an earlier export). */
  sentBefore: boolean;
  /** The record as written (see `csvLine`): one string per row rather than thirty cells to keep. */
  line: string;
  /** Kept only for a preview. */
  cells?: Cell[];
}

interface Plan {
  columns: ActiveColumn[];
  /** In file order. */
  rows: PlannedRow[];
  unchanged: number;
  suppressed: number;
}

function scopeName(db: Db, scope: ExportScope): string {
  if (scope.kind !== 'filter') return describeScope(scope);
  const name = db.prepare('SELECT name FROM saved_filters WHERE id = ?').pluck().get(scope.filterId) as
    string | undefined;
  return describeScope(scope, name);
}

/**
 * What an export would write, row by row and in file order: the scope's leads (suppressed people
 * already left out), each as the target's cells with its fingerprint, less those unchanged since
 * the last export to this target when asked. Only the cells are kept, not the leads they came from.
 */
function plan(
  db: Db,
  request: Pick<ExportRequest, 'target' | 'scope' | 'sinceLast'>,
  keepCells = false,
): Plan {
  const columns = activeColumns(db, request.target);
  let stream: LeadStream;
  try {
    stream = exportLeads(db, request.scope, {
      reasons: columns.some((c) => c.needsReasons),
      leadNames: columns.some((c) => c.needsLeadName),
    });
  } catch (error) {
    if (error instanceof ScopeError) throw new AppFailure('not_found', error.message);
    throw error;
  }
  // Read for every export, not only "since the last": a record the target already has, unchanged,
  // need not be marked sent again (see recordExport).
  const sent = lastSentHashes(db, request.target);
  let unchanged = 0;
  const rows: PlannedRow[] = [];
  for (const lead of stream.leads) {
    const cells = columns.map((c) => c.value(lead));
    const line = csvLine(cells);
    const hash = textHash(line);
    const sentBefore = sent.get(lead.contactId) === hash;
    if (sentBefore && request.sinceLast) {
      unchanged++;
      continue;
    }
    rows.push({
      key: fileOrderKey(lead),
      companyId: lead.companyId,
      contactId: lead.contactId,
      hash,
      sentBefore,
      line,
      cells: keepCells ? cells : undefined,
    });
  }
  rows.sort(compareFileOrder);
  return { columns, rows, unchanged, suppressed: stream.suppressed() };
}

/** The first rows of an export and how many it would hold, without writing anything. */
export function previewExport(
  db: Db,
  request: Pick<ExportRequest, 'target' | 'scope' | 'sinceLast'>,
  limit = 20,
): ExportPreview {
  const planned = plan(db, request, true);
  return {
    headers: planned.columns.map((c) => c.header),
    rows: planned.rows.slice(0, limit).map((r) => r.cells!),
    total: planned.rows.length,
    unchanged: planned.unchanged,
    suppressed: planned.suppressed,
  };
}

const CHUNK = 2000;

/**
 * Writes an export file and records it in the history, or neither. The file is written under a
 * temporary name and moved into place inside the transaction that records it: a cancel, a crash
 * or a full disk leaves no half-written file and no history entry for a file that is not there.
 * Nothing new or changed (with `sinceLast`): no file and no entry.
 */
export function runExport(ctx: ExportRunContext, request: ExportRequest & { path: string }): ExportReport {
  const started = performance.now();
  const { db, clock } = ctx;
  const format = FORMATS[request.target];
  const filePath = path.resolve(request.path);
  const planned = plan(db, request);
  const tooMany = rowLimitProblem(format, planned.rows.length);
  if (tooMany) throw new AppFailure('invalid_input', tooMany);
  const items: { contactId: number; hash: string }[] = [];
  const newlySent: { contactId: number; hash: string }[] = [];
  let writer: CsvFileWriter | null = null;
  let buffer: string[] = [];
  const report = (written: boolean, extra: Partial<ExportReport> = {}): ExportReport => ({
    exportId: null,
    target: request.target,
    path: written ? filePath : null,
    written,
    rows: items.length,
    unchanged: planned.unchanged,
    suppressed: planned.suppressed,
    bytes: 0,
    sha256: null,
    seconds: (performance.now() - started) / 1000,
    ...extra,
  });
  try {
    for (const row of planned.rows) {
      writer ??= new CsvFileWriter(
        filePath,
        planned.columns.map((c) => c.header),
        { bom: request.bom },
      );
      const item = { contactId: row.contactId, hash: row.hash };
      items.push(item);
      if (!row.sentBefore) newlySent.push(item);
      buffer.push(row.line);
      if (buffer.length === CHUNK) {
        ctx.throwIfCancelled();
        writer.appendLines(buffer);
        buffer = [];
        ctx.progress(items.length);
      }
    }
    if (!writer) {
      const empty = report(false);
      ctx.markDone?.(empty);
      return empty;
    }
    writer.appendLines(buffer);
    ctx.throwIfCancelled();
    const file = writer.finish();
    const done = report(true, { bytes: file.bytes, sha256: file.sha256 });
    const finalWriter = writer;
    db.transaction(() => {
      done.exportId = recordExport(
        db,
        {
          target: request.target,
          scope: scopeName(db, request.scope),
          filePath,
          sha256: file.sha256,
          rows: items.length,
          createdAt: clock.now().toISOString(),
          details: {
            scope: request.scope,
            sinceLast: request.sinceLast,
            bom: request.bom,
            bytes: file.bytes,
            unchanged: done.unchanged,
            suppressed: done.suppressed,
          },
        },
        items,
        newlySent,
      );
      recordAudit(
        db,
        {
          action: 'export.file',
          entityType: 'export',
          entityId: done.exportId,
          details: { target: request.target, rows: items.length, file: path.basename(filePath) },
        },
        clock,
      );
      done.seconds = (performance.now() - started) / 1000;
      ctx.progress(items.length, items.length);
      ctx.markDone?.(done);
      // Last: if the move fails the history above rolls back with it.
      finalWriter.commit();
    })();
    return done;
  } catch (error) {
    writer?.discard();
    if (
      error instanceof Error &&
      'code' in error &&
      typeof error.code === 'string' &&
      /^E[A-Z]+$/.test(error.code)
    )
      throw new AppFailure('not_allowed', `The export could not be written to ${filePath}: ${error.message}`);
    throw error;
  }
}
