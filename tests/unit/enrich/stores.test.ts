import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { FakeDns } from '../../fakes/fakeDns';
import { MxLookup } from '../../../src/main/core/enrich/mx';
import { MxCacheTable } from '../../../src/main/core/enrich/store/mxCacheTable';
import { PatternTable } from '../../../src/main/core/enrich/store/patternTable';
import { SearchCacheTable } from '../../../src/main/core/enrich/store/searchCacheTable';
import { OnceBudget } from '../../../src/main/core/enrich/store/onceBudget';
import { LedgerCreditBudget } from '../../../src/main/core/quotas/hunterCredits';
import type { DomainSearchResult } from '../../../src/main/core/enrich/hunterTypes';
import type { CreditRef } from '../../../src/main/core/enrich/spend';
import { openDatabase } from '../../../src/main/core/db/database';
import type { Clock } from '../../../src/main/core/clock';

/** The engine's stores on the tables of migration 12, and the once-per-key budget on the ledger. */
describe('enrichment stores on SQLite', () => {
  let t: ReturnType<typeof freshDb>;
  let now = new Date('2026-11-20T10:00:00.000Z');
  const clock: Clock = { now: () => now };
  beforeEach(() => {
    t = freshDb();
    now = new Date('2026-11-20T10:00:00.000Z');
  });
  afterEach(() => t.cleanup());

  it('keep a learned pattern and the month’s search across connections; the first search answer stays', () => {
    new PatternTable(t.db).set('acme.com', {
      template: '{first}.{last}',
      source: 'verified_address',
      example: 'ann.lee@acme.com',
      confirmations: 2,
      learnedAt: now.toISOString(),
    });
    const result: DomainSearchResult = {
      domain: 'acme.com',
      organization: 'Acme',
      pattern: '{first}.{last}',
      acceptAll: false,
      webmail: false,
      disposable: false,
      emails: [],
      results: 0,
    } as unknown as DomainSearchResult;
    const cache = new SearchCacheTable(t.db, clock);
    cache.set('acme.com', '2026-11', result);
    cache.set('acme.com', '2026-11', { ...result, organization: 'Other' });
    t.db.close();
    const db = openDatabase(t.file);
    try {
      expect(new PatternTable(db).get('acme.com')).toMatchObject({
        template: '{first}.{last}',
        confirmations: 2,
      });
      expect(new PatternTable(db).get('other.com')).toBeUndefined();
      const again = new SearchCacheTable(db, clock);
      expect(again.get('acme.com', '2026-11')?.organization).toBe('Acme');
      expect(again.get('acme.com', '2026-12')).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('answer MX from the table for 24 hours, then ask DNS again', async () => {
    const dns = await FakeDns.start({ 'acme.com': { mx: [{ priority: 10, exchange: 'mx.acme.com' }] } });
    try {
      const lookup = () => new MxLookup({ servers: [dns.server], cache: new MxCacheTable(t.db), clock });
      expect(await lookup().lookup('acme.com')).toMatchObject({ status: 'present', hosts: ['mx.acme.com'] });
      expect(dns.queries).toHaveLength(1);
      now = new Date(now.getTime() + 23 * 3600_000);
      expect((await lookup().lookup('acme.com')).status).toBe('present');
      expect(dns.queries).toHaveLength(1);
      now = new Date(now.getTime() + 2 * 3600_000);
      dns.set('acme.com', null);
      expect((await lookup().lookup('acme.com')).status).toBe('nxdomain');
      expect(dns.queries.length).toBeGreaterThan(1);
      expect(t.db.prepare(`SELECT status FROM mx_cache WHERE domain = 'acme.com'`).pluck().get()).toBe(
        'nxdomain',
      );
    } finally {
      await dns.close();
    }
  });

  it('book a domain search once a month: a second run waits for the answer; a stopped one releases it', async () => {
    const cache = new SearchCacheTable(t.db, clock);
    const ref: CreditRef = {
      action: 'domain_search',
      domain: 'acme.com',
      month: '2026-11',
      key: 'domain_search:acme.com:2026-11',
    };
    const first = new OnceBudget(t.db, new LedgerCreditBudget(t.db, { clock }), {
      searchCache: cache,
      clock,
    });
    expect(await first.tryReserve('search', 1, ref)).toBe(true);
    // Another run (another connection) wants the same domain: it waits, and the answer arrives.
    const other = openDatabase(t.file);
    try {
      const second = new OnceBudget(other, new LedgerCreditBudget(other, { clock }), {
        searchCache: new SearchCacheTable(other, clock),
        clock,
        pollMs: 20,
      });
      const waiting = second.tryReserve('search', 1, ref);
      setTimeout(() => cache.set('acme.com', '2026-11', { domain: 'acme.com', emails: [] } as never), 100);
      expect(await waiting).toBe(false);
      const used = `SELECT count(*) FROM quota_ledger WHERE quota = 'hunter.search' AND outcome = 'used'`;
      expect(other.prepare(used).pluck().get()).toBe(1);

      // A run stopped mid-call: its booking stays (Hunter may have charged it) but is released.
      const gmbh: CreditRef = { ...ref, domain: 'gmbh.de', key: 'domain_search:gmbh.de:2026-11' };
      expect(await first.tryReserve('search', 1, gmbh)).toBe(true);
      first.releaseUnanswered();
      expect(await second.tryReserve('search', 1, gmbh)).toBe(true);
      expect(other.prepare(used).pluck().get()).toBe(3);
      // A crashed run's booking is taken over once its lease is past.
      const crashed: CreditRef = { ...ref, domain: 'gone.com', key: 'domain_search:gone.com:2026-11' };
      expect(await first.tryReserve('search', 1, crashed)).toBe(true);
      const impatient = new OnceBudget(other, new LedgerCreditBudget(other, { clock }), {
        searchCache: new SearchCacheTable(other, clock),
        clock,
        waitMs: 0,
      });
      expect(await impatient.tryReserve('search', 1, crashed)).toBe(false);
      now = new Date(now.getTime() + 3 * 60_000);
      expect(await impatient.tryReserve('search', 1, crashed)).toBe(true);
    } finally {
      other.close();
    }
  });
});
