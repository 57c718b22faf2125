import fs from 'node:fs';
import path from 'node:path';
import type { ExportedPerson } from '@shared/domain/privacy';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { suppressionValue } from '../suppression/suppressionValue';
import { identifiersOf, mentions, personRecords, type Identifiers } from './people';
import { enrichmentAbout } from './enrichment';

type Row = Record<string, unknown>;

/** Columns stored as JSON text, returned as the values they hold. */
const JSON_COLUMNS = new Set([
  'field_sources',
  'breakdown',
  'evidence',
  'reasons',
  'details',
  'snapshot',
  'before',
]);

function parsed(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'string' && JSON_COLUMNS.has(key)) {
      try {
        out[key] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // kept as text
      }
    }
    out[key] = value;
  }
  return out;
}

/**
 * Everything Prospect Desk holds on one person, as one JSON document (a subject access request):
 * their records, emails with how each was found, score, decisions, outreach with its history, the
 * raw rows they were imported from (as header → cell), values merges set aside, merges and review
 * pairs, import undo data, which exports included them, do-not-contact entries, what email
 * enrichment remembers of them (see enrichment.ts) and audit entries about them.
 */
export function personDocument(db: Db, contactId: number, clock: Clock): Row {
  const records = personRecords(db, contactId);
  const ids = JSON.stringify(records);
  const all = (sql: string, ...params: unknown[]) => (db.prepare(sql).all(...params) as Row[]).map(parsed);
  const IN = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;

  const contacts = all(`SELECT * FROM contacts WHERE ${IN('id')} ORDER BY id`, ids);
  const root = contacts.find((c) => c.id === records[0])!;
  const actions = all(`SELECT * FROM outreach_actions WHERE ${IN('contact_id')} ORDER BY id`, ids);
  const actionIds = JSON.stringify(actions.map((a) => a.id));
  const events = all(`SELECT * FROM outreach_events WHERE ${IN('action_id')} ORDER BY id`, actionIds);
  const found = identifiersOf(db, records);
  const suppressions = all(`SELECT kind, value, reason, created_at FROM suppressions ORDER BY id`).filter(
    (s) =>
      (s.kind === 'email' && found.emails.has(String(s.value))) ||
      (s.kind === 'linkedin' && found.linkedinKeys.has(String(s.value))) ||
      (s.kind === 'domain' && [...found.emails].some((e) => suppressionValue('domain', e) === s.value)),
  );

  const sourceRows = (
    db
      .prepare(
        `SELECT s.id, s.batch_id, s.row_number, s.raw, s.status, b.file_name, b.headers, b.created_at AS imported_at
         FROM source_rows s JOIN import_batches b ON b.id = s.batch_id WHERE ${IN('s.contact_id')} ORDER BY s.id`,
      )
      .all(ids) as Row[]
  ).map((r) => {
    const headers = JSON.parse(String(r.headers)) as string[];
    const cells = JSON.parse(String(r.raw)) as string[];
    return {
      file: r.file_name,
      importedAt: r.imported_at,
      batchId: r.batch_id,
      row: r.row_number,
      status: r.status,
      values: Object.fromEntries(
        cells.map((cell, i) => [headers[i] ?? `column ${i + 1}`, cell] as const).filter(([, v]) => v !== ''),
      ),
    };
  });

  return {
    format: 'prospect-desk.person/1',
    exportedAt: clock.now().toISOString(),
    contactId: records[0],
    lawfulBasis: root.lawful_basis,
    records: contacts,
    company:
      root.company_id === null
        ? null
        : (all('SELECT * FROM companies WHERE id = ?', root.company_id)[0] ?? null),
    emails: all(`SELECT * FROM contact_emails WHERE ${IN('contact_id')} ORDER BY id`, ids),
    scores: all(`SELECT * FROM scores WHERE ${IN('contact_id')}`, ids),
    approvals: all(`SELECT * FROM approvals WHERE ${IN('contact_id')} ORDER BY id`, ids),
    outreach: actions.map((a) => ({ ...a, events: events.filter((e) => e.action_id === a.id) })),
    quotaUse: all(
      `SELECT quota, at, units, outcome FROM quota_ledger
       WHERE (ref_type = 'contact' AND ${IN('ref_id')}) OR (ref_type IN ('outreach_action', 'outreach', 'action') AND ${IN('ref_id')})
       ORDER BY id`,
      ids,
      actionIds,
    ),
    sourceRows,
    setAsideValues: all(
      `SELECT field, value, source_row_id, merge_id, created_at FROM field_alternatives
       WHERE entity_type = 'contact' AND ${IN('entity_id')} ORDER BY id`,
      ids,
    ),
    merges: all(
      `SELECT * FROM merges WHERE kind = 'contact' AND (${IN('kept_id')} OR ${IN('merged_id')}) ORDER BY id`,
      ids,
      ids,
    ),
    reviewPairs: all(
      `SELECT * FROM match_candidates WHERE kind = 'contact' AND (${IN('left_id')} OR ${IN('right_id')}) ORDER BY id`,
      ids,
      ids,
    ),
    importChanges: all(
      `SELECT batch_id, action, before FROM import_changes WHERE entity_type = 'contact' AND ${IN('entity_id')} ORDER BY id`,
      ids,
    ),
    exports: all(
      `SELECT e.id, e.target, e.scope, e.file_path, e.created_at FROM exports e
       WHERE e.id IN (SELECT export_id FROM export_items WHERE entity_type = 'contact' AND ${IN('entity_id')}) ORDER BY e.id`,
      ids,
    ),
    suppressions,
    enrichment: enrichmentAbout(db, found, records),
    audit: auditAbout(db, records, found),
  };
}

/**
 * Every audit entry that concerns the person, which is every entry an erasure redacts: those about
 * one of their records, those whose `ids` list one (a bulk approval or rejection), and those whose
 * details mention them ("Jane Roe said not interested").
 */
function auditAbout(db: Db, records: readonly number[], found: Identifiers): Row[] {
  const ours = new Set(records);
  const rows = db
    .prepare(`SELECT at, actor, action, entity_type, entity_id, details FROM audit_log ORDER BY id`)
    .all() as { entity_type: string | null; entity_id: number | null; details: string }[];
  return rows
    .filter((row) => {
      if (row.entity_type === 'contact' && row.entity_id !== null && ours.has(row.entity_id)) return true;
      if (row.details === '{}') return false;
      let details: unknown;
      try {
        details = JSON.parse(row.details);
      } catch {
        return mentions(row.details, found);
      }
      const listed = (details as { ids?: unknown } | null)?.ids;
      if (Array.isArray(listed) && listed.some((id) => typeof id === 'number' && ours.has(id))) return true;
      return mentions(row.details, found);
    })
    .map(parsed);
}

/**
 * Writes the person's document to a JSON file (in `folder`, or at `out`) and records that it was
 * made — the audit entry names the contact id and the size, not the content.
 */
export function exportPerson(
  db: Db,
  contactId: number,
  clock: Clock,
  where: { folder: string } | { out: string },
): ExportedPerson {
  const document = personDocument(db, contactId, clock);
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  const file =
    'out' in where
      ? path.resolve(where.out)
      : path.join(where.folder, `person-${String(document.contactId)}-${stamp}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = `${JSON.stringify(document, null, 2)}\n`;
  // Written beside its name first: a half-written export never looks like a whole one.
  fs.writeFileSync(`${file}.partial`, text);
  fs.renameSync(`${file}.partial`, file);
  const bytes = Buffer.byteLength(text);
  recordAudit(
    db,
    {
      action: 'person.exported',
      entityType: 'contact',
      entityId: document.contactId as number,
      details: { bytes },
    },
    clock,
  );
  return { path: file, bytes };
}

/** Where the app writes people's exports: `person-exports/` beside the database. */
export const personExportsFolder = (dbPath: string) =>
  path.join(path.dirname(path.resolve(dbPath)), 'person-exports');
