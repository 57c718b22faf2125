import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { StillClock, useOutreachSettings } from '../../helpers/leads';
import { FakeHunter } from '../../fakes/fakeHunter';
import { HunterClient } from '../../../src/main/core/enrich/hunterClient';
import { LedgerCreditBudget, syncHunterFromApi } from '../../../src/main/core/quotas/hunterCredits';
import { quotaMeters } from '../../../src/main/core/quotas/quotaStatus';
import { readQuotaConfig } from '../../../src/main/core/quotas/config';
import type { CreditRef } from '../../../src/main/core/enrich/spend';

const LA = 'America/Los_Angeles';
const ref = (domain: string): CreditRef => ({
  action: 'domain_search',
  domain,
  month: '2026-03',
  key: `domain_search:${domain}:2026-03`,
});

describe('Hunter credits in the quota ledger', () => {
  let t: ReturnType<typeof freshDb>;
  let hunter: FakeHunter | null = null;
  let clock: StillClock;
  beforeEach(() => {
    t = freshDb();
    clock = new StillClock('2026-03-10T18:00:00Z');
    useOutreachSettings(t.db, clock, { timeZone: LA, limits: { hunter_search_month: 3 } });
  });
  afterEach(async () => {
    t.cleanup();
    await hunter?.close();
    hunter = null;
  });

  it('books the month’s budget, says no past it, and takes back a credit Hunter did not charge', () => {
    const budget = new LedgerCreditBudget(t.db, { clock });
    expect(budget.tryReserve('search', 2, ref('acme.com'))).toBe(true);
    expect(budget.tryReserve('search', 2, ref('bolt.com'))).toBe(false);
    expect(budget.tryReserve('search', 1, ref('bolt.com'))).toBe(true);
    expect(budget.remaining('search')).toBe(0);
    budget.refund('search', 2, ref('acme.com'));
    expect(budget.remaining('search')).toBe(2);
    expect(t.db.prepare(`SELECT note, units, outcome FROM quota_ledger ORDER BY id`).all()).toEqual([
      { note: 'domain_search:acme.com:2026-03', units: 2, outcome: 'refunded' },
      { note: 'domain_search:bolt.com:2026-03', units: 1, outcome: 'used' },
    ]);
    // April, in Los Angeles: a fresh month.
    clock.set('2026-04-01T07:00:00Z');
    expect(budget.remaining('search')).toBe(3);
  });

  it('syncs what Hunter says was used (credits spent elsewhere count too)', async () => {
    hunter = await FakeHunter.start({ plan: { searches: 25, verifications: 50 } });
    hunter.used.searches = 2;
    hunter.used.verifications = 7;
    const budget = new LedgerCreditBudget(t.db, { clock });
    expect(budget.tryReserve('search', 1, ref('acme.com'))).toBe(true);
    const account = await syncHunterFromApi(
      t.db,
      new HunterClient({ apiKey: 'test-key', baseUrl: hunter.url }),
      clock,
    );
    expect(account.searches).toMatchObject({ used: 2, available: 25 });
    // Hunter counts 2 searches this month (ours among them): the ledger takes its count.
    expect(budget.remaining('search')).toBe(1);
    expect(budget.remaining('verification')).toBe(43);
    clock.set('2026-03-10T19:00:00Z');
    expect(budget.tryReserve('search', 1, ref('bolt.com'))).toBe(true);
    expect(budget.tryReserve('search', 1, ref('cole.com'))).toBe(false);
    const meter = quotaMeters(t.db, clock.now(), readQuotaConfig(t.db)).find(
      (m) => m.id === 'hunter_search_month',
    )!;
    expect(meter).toMatchObject({
      used: 3,
      limit: 3,
      level: 'exhausted',
      syncedAt: '2026-03-10T18:00:00.000Z',
    });
  });
});
