import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/database';
import { MERGE_GROUPS } from '../../resolution/mergeFields';
import { trustOf } from '../../resolution/trust';

/** A value the seller typed: no file outranks it (a re-import records its value beside it). */
const MANUAL_TRUST = 6;

export interface Alternative {
  field: string;
  value: string;
  sourceRowId: number | null;
}

type Row = Record<string, unknown> & { id: number; field_sources: string; created_batch_id: number | null };

const blank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * The merge's rule for a field two sources disagree on (see chooseFields: a value over none, then
 * the more trusted source, then the newer), applied when an import meets a stored record. The
 * import is always the newer, so it takes a field unless the stored value came from a more
 * trusted source: a bought list does not overwrite the CRM's title. Either way the value not kept
 * becomes a field alternative with its source, as a merge keeps it. Fields move in the merge's
 * groups (a name with its key, a phone with its digits). Trust is the field's own source (the
 * row that last set it, a merge, the seller's edit), else the source of the import that created
 * the record.
 */
export class FieldPrecedence {
  private readonly kindOfRow: Statement;
  private readonly kindOfBatch: Statement;
  private readonly firstCompanyRow: Statement;
  private readonly firstContactRow: Statement;
  private readonly batchKinds = new Map<number, string | null>();

  constructor(
    db: Db,
    private readonly batchId: number,
    private readonly importTrust: number,
  ) {
    this.kindOfRow = db
      .prepare(
        'SELECT b.source_kind FROM source_rows s JOIN import_batches b ON b.id = s.batch_id WHERE s.id = ?',
      )
      .pluck();
    this.kindOfBatch = db.prepare('SELECT source_kind FROM import_batches WHERE id = ?').pluck();
    this.firstCompanyRow = db.prepare('SELECT min(id) FROM source_rows WHERE company_id = ?').pluck();
    this.firstContactRow = db.prepare('SELECT min(id) FROM source_rows WHERE contact_id = ?').pluck();
  }

  /**
   * Splits the row's `values` for an existing record into what it may write and the alternatives to
   * record. `values` is changed in place: a group the stored value keeps is taken out of it.
   */
  decide(
    entity: 'company' | 'contact',
    existing: Row,
    values: Record<string, unknown>,
    sourceRowId: number,
  ): Alternative[] {
    const alternatives: Alternative[] = [];
    let sources: Record<string, unknown> | null = null;
    for (const group of MERGE_GROUPS[entity]) {
      const lead = group[0]!;
      if (!(lead in values)) continue;
      const stored = existing[lead];
      const incoming = values[lead];
      if (blank(stored) || blank(incoming) || stored === incoming) continue;
      sources ??= JSON.parse(existing.field_sources) as Record<string, unknown>;
      const traced = sources[lead];
      if (this.trustOfStored(existing, traced) > this.importTrust) {
        for (const column of group) delete values[column];
        alternatives.push({ field: lead, value: String(incoming), sourceRowId });
      } else {
        const from = Array.isArray(traced) ? (traced[0] as number) : this.firstRow(entity, existing.id);
        alternatives.push({ field: lead, value: String(stored), sourceRowId: from });
      }
    }
    return alternatives;
  }

  private trustOfStored(existing: Row, traced: unknown): number {
    if (Array.isArray(traced)) {
      // A row of this import is not stored yet: the value came from this import.
      const kind = this.kindOfRow.get(traced[0]) as string | undefined;
      return kind === undefined ? this.importTrust : trustOf(kind);
    }
    if (traced && typeof traced === 'object') {
      if ('manual' in traced) return MANUAL_TRUST;
      if ('linkedin' in traced) return trustOf('linkedin');
    }
    const batch = existing.created_batch_id;
    if (batch === null) return trustOf(existing.discovery_source === 'import' ? 'other' : 'linkedin');
    if (batch === this.batchId) return this.importTrust;
    if (!this.batchKinds.has(batch))
      this.batchKinds.set(batch, (this.kindOfBatch.get(batch) as string | undefined) ?? null);
    return trustOf(this.batchKinds.get(batch));
  }

  private firstRow(entity: 'company' | 'contact', id: number): number | null {
    const first = entity === 'company' ? this.firstCompanyRow : this.firstContactRow;
    return (first.get(id) as number | null) ?? null;
  }
}
