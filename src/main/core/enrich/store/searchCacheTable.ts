import type { Clock } from '../../clock';
import { systemClock } from '../../clock';
import type { Db } from '../../db/database';
import { statement } from '../../db/statementCache';
import type { DomainSearchResult } from '../hunterTypes';
import type { DomainSearchCache } from '../spend';

/**
 * Paid domain searches on `hunter_searches`, one per domain per month. The first answer stays:
 * a second run that somehow paid too does not replace what the first one stored.
 */
export class SearchCacheTable implements DomainSearchCache {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
  ) {}

  get(domain: string, month: string): DomainSearchResult | undefined {
    const result = statement(this.db, 'SELECT result FROM hunter_searches WHERE domain = ? AND month = ?')
      .pluck()
      .get(domain, month) as string | undefined;
    return result === undefined ? undefined : (JSON.parse(result) as DomainSearchResult);
  }

  set(domain: string, month: string, result: DomainSearchResult): void {
    statement(
      this.db,
      `INSERT INTO hunter_searches (domain, month, result, searched_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (domain, month) DO NOTHING`,
    ).run(domain, month, JSON.stringify(result), this.clock.now().toISOString());
  }
}
