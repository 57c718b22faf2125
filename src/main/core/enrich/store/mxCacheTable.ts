import type { Db } from '../../db/database';
import { statement } from '../../db/statementCache';
import type { MxCache, MxRecord } from '../mx';

/** MX answers on `mx_cache`; MxLookup decides freshness (24 hours from `checked_at`). */
export class MxCacheTable implements MxCache {
  constructor(private readonly db: Db) {}

  get(domain: string): MxRecord | undefined {
    const row = statement(this.db, 'SELECT status, hosts, checked_at FROM mx_cache WHERE domain = ?').get(
      domain,
    ) as { status: MxRecord['status']; hosts: string; checked_at: string } | undefined;
    if (!row) return undefined;
    return {
      domain,
      status: row.status,
      hosts: JSON.parse(row.hosts) as string[],
      checkedAt: row.checked_at,
    };
  }

  set(domain: string, record: MxRecord): void {
    statement(
      this.db,
      `INSERT INTO mx_cache (domain, status, hosts, checked_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (domain) DO UPDATE SET status = excluded.status, hosts = excluded.hosts, checked_at = excluded.checked_at`,
    ).run(domain, record.status, JSON.stringify(record.hosts), record.checkedAt);
  }
}
