import type { Db } from '../../db/database';

/** A record's id in a CRM (see migration 0009). */
export interface CrmLink {
  remoteId: string;
  remoteParentId: string | null;
  origin: 'created' | 'matched';
  dataHash: string | null;
}

/**
 * The links of one target. A link is written right after the CRM said yes, in its own statement
 * (no transaction spans a network call), so whatever a stopped sync did is known when it resumes.
 */
export class CrmLinks {
  constructor(
    private readonly db: Db,
    private readonly target: string,
  ) {}

  /**
   * The link of a record, or of one merged into it since it was synced (a merge keeps the oldest
   * record; the CRM still has the other's).
   */
  get(entityType: 'company' | 'contact', entityId: number): CrmLink | null {
    const table = entityType === 'company' ? 'companies' : 'contacts';
    const row = this.db
      .prepare(
        `SELECT remote_id, remote_parent_id, origin, data_hash FROM crm_links
         WHERE target = ? AND entity_type = ?
           AND entity_id IN (SELECT id FROM ${table} WHERE id = ? OR merged_into = ?)
         ORDER BY entity_id = ? DESC, synced_at DESC LIMIT 1`,
      )
      .get(this.target, entityType, entityId, entityId, entityId) as
      | {
          remote_id: string;
          remote_parent_id: string | null;
          origin: CrmLink['origin'];
          data_hash: string | null;
        }
      | undefined;
    return row
      ? {
          remoteId: row.remote_id,
          remoteParentId: row.remote_parent_id,
          origin: row.origin,
          dataHash: row.data_hash,
        }
      : null;
  }

  set(entityType: 'company' | 'contact', entityId: number, link: CrmLink, at: string): void {
    this.db
      .prepare(
        `INSERT INTO crm_links (target, entity_type, entity_id, remote_id, remote_parent_id, origin, data_hash, synced_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (target, entity_type, entity_id) DO UPDATE SET remote_id = excluded.remote_id,
           remote_parent_id = excluded.remote_parent_id, origin = excluded.origin, data_hash = excluded.data_hash,
           synced_at = excluded.synced_at`,
      )
      .run(
        this.target,
        entityType,
        entityId,
        link.remoteId,
        link.remoteParentId,
        link.origin,
        link.dataHash,
        at,
      );
  }
}
