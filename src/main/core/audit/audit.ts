import type { Db } from '../db/database';
import { statement } from '../db/statementCache';
import type { Clock } from '../clock';
import { systemClock } from '../clock';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: number;
  /** What happened, as data. Never a secret, never data that was erased. */
  details?: Record<string, unknown>;
  actor?: 'user' | 'system' | 'cli';
}

export function recordAudit(db: Db, entry: AuditEntry, clock: Clock = systemClock): void {
  statement(
    db,
    'INSERT INTO audit_log (at, actor, action, entity_type, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    clock.now().toISOString(),
    entry.actor ?? 'user',
    entry.action,
    entry.entityType ?? null,
    entry.entityId ?? null,
    JSON.stringify(entry.details ?? {}),
  );
}
