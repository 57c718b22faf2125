import { AUDIT_KINDS, auditKindOf, type AuditKind, type AuditPage } from '@shared/domain/audit';
import type { Db } from '../db/database';
import { sellerTimeZone } from '../quotas/config';
import { addDays, parseCivil, startOfDay } from '../safety/zonedTime';

export interface AuditQuery {
  kinds?: AuditKind[];
  /** Days of the seller's calendar, "YYYY-MM-DD", inclusive. */
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}

/** Where the seller's day begins, as the log's ISO times are written; a clear error for "2025-02-30". */
function dayStart(text: string, days: number, timeZone: string): string {
  const date = parseCivil(text);
  if (!date) throw new RangeError(`"${text}" is not a day of the calendar (YYYY-MM-DD).`);
  return startOfDay(addDays(date, days), timeZone).toISOString();
}

/** A kind as SQL: the action starts with one of its prefixes ("other": with none of all of them). */
function kindSql(kind: AuditKind, params: unknown[]): string {
  const prefixes =
    kind === 'other'
      ? AUDIT_KINDS.flatMap((k) => [...k.prefixes])
      : [...AUDIT_KINDS.find((k) => k.id === kind)!.prefixes];
  const any = prefixes
    .map((p) => {
      params.push(p.length, p);
      return 'substr(action, 1, ?) = ?';
    })
    .join(' OR ');
  return kind === 'other' ? `NOT (${any})` : `(${any})`;
}

/**
 * The audit log, newest first, filtered by kinds and by days of the seller's calendar (their
 * outreach time zone, midnight to midnight, however long DST makes the day); with counts per kind
 * in the range.
 */
export function listAudit(db: Db, query: AuditQuery = {}, timeZone = sellerTimeZone(db)): AuditPage {
  const range: string[] = [];
  const rangeParams: unknown[] = [];
  if (query.from) {
    range.push('at >= ?');
    rangeParams.push(dayStart(query.from, 0, timeZone));
  }
  if (query.to) {
    range.push('at < ?');
    rangeParams.push(dayStart(query.to, 1, timeZone));
  }
  const kindParams: unknown[] = [];
  const kinds = query.kinds?.length
    ? `(${query.kinds.map((k) => kindSql(k, kindParams)).join(' OR ')})`
    : null;
  const where = [...range, ...(kinds ? [kinds] : [])].join(' AND ') || '1';
  const params = [...rangeParams, ...kindParams];
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, entity_type, entity_id, details FROM audit_log WHERE ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as {
    id: number;
    at: string;
    actor: string;
    action: string;
    entity_type: string | null;
    entity_id: number | null;
    details: string;
  }[];
  const total = db
    .prepare(`SELECT count(*) FROM audit_log WHERE ${where}`)
    .pluck()
    .get(...params) as number;
  const counts: Partial<Record<AuditKind, number>> = {};
  for (const { action, n } of db
    .prepare(
      `SELECT action, count(*) AS n FROM audit_log WHERE ${range.join(' AND ') || '1'} GROUP BY action`,
    )
    .all(...rangeParams) as { action: string; n: number }[]) {
    const kind = auditKindOf(action);
    counts[kind] = (counts[kind] ?? 0) + n;
  }
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      kind: auditKindOf(r.action),
      entityType: r.entity_type,
      entityId: r.entity_id,
      details: parseDetails(r.details),
    })),
    total,
    offset,
    kinds: counts,
    timeZone,
  };
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { text };
  }
}
