import type { EntityKind } from '@shared/domain/resolution';
import type { FieldProvenance } from '@shared/domain/records';
import type { ColumnMapping } from '@shared/domain/import/types';
import type { Db } from '../db/database';
import { sellerTimeZone } from '../quotas/config';
import { dayOfIso } from '../safety/zonedTime';

/** The fields the detail drawer traces, and the import field each one is filled from. */
const TRACED: Record<EntityKind, Record<string, string[]>> = {
  company: {
    name: ['company_name'],
    domain: ['domain', 'website', 'email'],
    website: ['website'],
    phone: ['phone'],
    address: ['address'],
    city: ['city'],
    state: ['state'],
    zip: ['zip'],
    industry: ['industry'],
    employee_count: ['employee_count'],
    license_number: ['license_number'],
    license_type: ['license_type'],
    license_status: ['license_status'],
    license_expires: ['license_expiration'],
    classifications: ['classifications'],
    icp_score: ['icp_score'],
    icp_tier: ['icp_tier'],
    notes: ['notes'],
  },
  contact: {
    full_name: ['full_name', 'first_name', 'last_name'],
    first_name: ['first_name', 'full_name'],
    last_name: ['last_name', 'full_name'],
    title: ['title'],
    email: ['email'],
    linkedin_url: ['linkedin_url'],
    phone: ['contact_phone'],
    connected_on: ['connected_on'],
  },
};

interface SourceRow {
  id: number;
  batch_id: number;
  row_number: number;
  file_name: string;
  headers: string;
  mapping: string;
}

const SOURCE_SQL = `SELECT s.id, s.batch_id, s.row_number, b.file_name, b.headers, b.mapping FROM source_rows s
  JOIN import_batches b ON b.id = s.batch_id`;

/**
 * Where each stored value of a record came from: the import, the file's row and the column. A
 * value an import changed later is traced to that row; a value a merge brought in, to the merged
 * record; one the seller typed, to them. Other values seen for the field (kept by merges) are
 * listed with their source.
 */
export function provenanceOf(db: Db, kind: EntityKind, id: number): FieldProvenance[] {
  const table = kind === 'company' ? 'companies' : 'contacts';
  const link = kind === 'company' ? 'company_id' : 'contact_id';
  const record = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;
  if (!record) return [];
  // "Typed by you on …" is a day of the seller's calendar, like every other day the app shows.
  const timeZone = sellerTimeZone(db);
  const sources = JSON.parse(String(record.field_sources ?? '{}')) as Record<string, unknown>;
  const creating = db
    .prepare(`${SOURCE_SQL} WHERE s.${link} = ? AND s.batch_id IS ? ORDER BY s.id LIMIT 1`)
    .get(id, record.created_batch_id) as SourceRow | undefined;
  const rowById = db.prepare(`${SOURCE_SQL} WHERE s.id = ?`);
  const alternatives = db.prepare(
    `SELECT a.value, b.file_name, s.row_number FROM field_alternatives a
     LEFT JOIN source_rows s ON s.id = a.source_row_id LEFT JOIN import_batches b ON b.id = s.batch_id
     WHERE a.entity_type = ? AND a.entity_id = ? AND a.field = ? ORDER BY a.id`,
  );

  const columnIn = (row: SourceRow, fields: string[], explicit?: number): string | null => {
    const headers = JSON.parse(row.headers) as string[];
    if (explicit !== undefined && explicit >= 0) return headers[explicit] ?? null;
    const mapping = JSON.parse(row.mapping) as ColumnMapping[];
    const hit = mapping.find((m) => m.field !== null && fields.includes(m.field));
    return hit ? hit.header : null;
  };

  return Object.entries(TRACED[kind]).map(([field, importFields]) => {
    const value = (record[field] ?? null) as string | number | null;
    const traced = sources[field];
    let source: FieldProvenance['source'] = null;
    if (value !== null) {
      if (Array.isArray(traced)) {
        const row = rowById.get(traced[0]) as SourceRow | undefined;
        if (row)
          source = {
            batchId: row.batch_id,
            fileName: row.file_name,
            row: row.row_number,
            column: columnIn(row, importFields, traced[1] as number),
          };
      } else if (traced && typeof traced === 'object' && 'record' in traced) {
        source = {
          kind: 'merge',
          note: `from ${kind} ${String((traced as { record: number }).record)}, merged into this one`,
        };
      } else if (traced && typeof traced === 'object' && 'manual' in traced) {
        source = {
          kind: 'manual',
          note: `typed by you on ${dayOfIso(String((traced as { manual: string }).manual), timeZone)}`,
        };
      } else if (traced && typeof traced === 'object' && 'linkedin' in traced) {
        source = {
          kind: 'derived',
          note: `read from their LinkedIn profile on ${dayOfIso(String((traced as { linkedin: string }).linkedin), timeZone)}`,
        };
      } else if (traced && typeof traced === 'object' && 'enriched' in traced) {
        const { enriched, method } = traced as { enriched: string; method?: string };
        source = {
          kind: 'derived',
          note: `found by email enrichment on ${dayOfIso(String(enriched), timeZone)}${
            method === 'domain_search' || method === 'email_finder'
              ? ' (Hunter)'
              : method === 'pattern'
                ? ' (the domain’s pattern)'
                : ''
          }`,
        };
      } else if (creating) {
        source = {
          batchId: creating.batch_id,
          fileName: creating.file_name,
          row: creating.row_number,
          column: columnIn(creating, importFields),
        };
      } else source = { kind: 'derived', note: 'found by Prospect Desk' };
    }
    const alts = (
      alternatives.all(kind, id, field) as {
        value: string;
        file_name: string | null;
        row_number: number | null;
      }[]
    ).map((a) => ({
      value: a.value,
      from: a.file_name ? `${a.file_name} row ${a.row_number}` : null,
    }));
    return { field, value, source, alternatives: alts };
  });
}
