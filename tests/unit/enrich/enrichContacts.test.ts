import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrichContacts } from '../../../src/main/core/enrich/enrichContacts';
import type {
  EnrichContactInput,
  EnrichDeps,
  EnrichOptions,
} from '../../../src/main/core/enrich/enrichTypes';
import { HunterClient } from '../../../src/main/core/enrich/hunterClient';
import { MxLookup } from '../../../src/main/core/enrich/mx';
import { InMemoryPatternStore } from '../../../src/main/core/enrich/patternStore';
import {
  InMemoryCreditBudget,
  InMemoryDomainSearchCache,
  type CreditBudget,
  type CreditKind,
  type CreditRef,
} from '../../../src/main/core/enrich/spend';
import { FakeDns, type DnsZone } from '../../fakes/fakeDns';
import { FakeHunter, type FakeCompany } from '../../fakes/fakeHunter';
import { FakeTime } from '../../fakes/fakeTime';

const mx = (domain: string) => ({ mx: [{ priority: 10, exchange: `mx.${domain}` }] });

const COMPANIES: FakeCompany[] = [
  {
    domain: 'acme.com',
    organization: 'Acme Roofing',
    pattern: '{first}.{last}',
    people: [
      {
        firstName: 'Jane',
        lastName: 'Doe',
        email: 'jane.doe@acme.com',
        position: 'CEO',
        seniority: 'executive',
        confidence: 97,
      },
      {
        firstName: 'Sam',
        lastName: 'Lee',
        email: 'sam.lee@acme.com',
        seniority: 'senior',
        confidence: 60,
        verification: null,
      },
    ],
  },
  {
    domain: 'globex.com',
    organization: 'Globex',
    pattern: '{f}{last}',
    people: [
      {
        firstName: 'Hank',
        lastName: 'Scorpio',
        email: 'hscorpio@globex.com',
        seniority: 'executive',
        confidence: 92,
      },
    ],
  },
  // Hunter knows the domain but nothing verified there, and no pattern.
  {
    domain: 'initech.com',
    organization: 'Initech',
    pattern: null,
    people: [
      {
        firstName: 'Bill',
        lastName: 'Lumbergh',
        email: 'bill@initech.com',
        seniority: 'executive',
        verification: null,
      },
    ],
    mailboxes: ['peter.gibbons@initech.com'],
  },
  { domain: 'catchall.com', organization: 'Catch All', pattern: null, acceptAll: true, people: [] },
  { domain: 'widgets.io', organization: 'Widgets', pattern: '{first}.{last}', people: [] },
];

const ZONE: DnsZone = {
  'acme.com': mx('acme.com'),
  'globex.com': mx('globex.com'),
  'initech.com': mx('initech.com'),
  'catchall.com': mx('catchall.com'),
  'widgets.io': mx('widgets.io'),
  'webonly.com': { a: ['192.0.2.9'] },
  'umbrellacorp.com': mx('umbrellacorp.com'),
};
for (let i = 0; i < 100; i++) ZONE[`company${i}.com`] = mx(`company${i}.com`);

let hunter: FakeHunter;
let dns: FakeDns;
beforeAll(async () => {
  [hunter, dns] = await Promise.all([
    FakeHunter.start({ companies: COMPANIES, rateLimits: false }),
    FakeDns.start(ZONE),
  ]);
});
afterAll(async () => {
  await Promise.all([hunter.close(), dns.close()]);
});

interface World {
  deps: EnrichDeps;
  budget: InMemoryCreditBudget;
  cache: InMemoryDomainSearchCache;
  patterns: InMemoryPatternStore;
  time: FakeTime;
  searchesBefore: number;
}

function world(
  overrides: Partial<EnrichDeps> & { searches?: number; verifications?: number; apiKey?: string } = {},
): World {
  const time = new FakeTime(Date.parse('2025-06-15T12:00:00Z'));
  const budget = new InMemoryCreditBudget({
    search: overrides.searches ?? 500,
    verification: overrides.verifications ?? 100,
  });
  const cache = new InMemoryDomainSearchCache();
  const patterns = new InMemoryPatternStore();
  const deps: EnrichDeps = {
    hunter: new HunterClient({ apiKey: overrides.apiKey ?? 'test-key', baseUrl: hunter.url }),
    mx: new MxLookup({ servers: [dns.server], clock: time, timeoutMs: 500, tries: 1 }),
    budget,
    searchCache: cache,
    patterns,
    clock: time,
    ...overrides,
  };
  return { deps, budget, cache, patterns, time, searchesBefore: hunter.count('domain-search') };
}

const run = (w: World, contacts: EnrichContactInput[], options: EnrichOptions = {}) =>
  enrichContacts(contacts, w.deps, options);
const searchesSince = (w: World) => hunter.count('domain-search') - w.searchesBefore;
const searchedDomains = (w: World) =>
  hunter.requests
    .filter((r) => r.endpoint === 'domain-search')
    .slice(w.searchesBefore)
    .map((r) => r.params.domain);

describe('enriching contacts', () => {
  it('searches each domain once, takes what Hunter found, and guesses the rest with the domain pattern', async () => {
    const w = world();
    const { results, summary } = await run(w, [
      { id: 1, firstName: 'Jane', lastName: 'Doe', company: 'Acme Roofing', website: 'https://acme.com' },
      { id: 2, firstName: 'Kim', lastName: 'Park', website: 'www.acme.com/team' },
      {
        id: 3,
        fullName: 'Hank Scorpio',
        emails: [{ address: 'hank.home@gmail.com' }],
        website: 'globex.com',
      },
      { id: 4, fullName: 'Homer Simpson', website: 'http://globex.com' },
    ]);
    expect(searchesSince(w)).toBe(2);
    expect(summary).toMatchObject({
      contacts: 4,
      withEmail: 4,
      domains: 2,
      domainSearches: 2,
      cachedSearches: 0,
    });

    const [jane, kim, hank, homer] = results;
    expect(jane!.emails[0]).toMatchObject({
      email: 'jane.doe@acme.com',
      source: 'hunter',
      method: 'domain_search',
      pattern: '{first}.{last}',
      patternName: 'first.last',
      hunterConfidence: 97,
      verification: { status: 'valid' },
      mx: 'present',
      confidence: 97,
      status: 'verified',
    });
    expect(jane!.emails[0]!.evidence[0]).toMatch(
      /Hunter's domain search for acme.com \(CEO\), confidence 97/,
    );
    // Kim is not in Hunter: guessed with the pattern Hunter's verified addresses taught.
    expect(kim!.emails).toHaveLength(1);
    expect(kim!.emails[0]).toMatchObject({
      email: 'kim.park@acme.com',
      source: 'pattern',
      confidence: 95,
      status: 'verified',
    });
    expect(kim!.emails[0]!.evidence.join(' | ')).toMatch(
      /learned from the verified address jane.doe@acme.com/,
    );
    expect(hank!.emails.map((e) => e.email)).toEqual(['hscorpio@globex.com']);
    expect(hank!.domainSource).toBe('website');
    expect(homer!.emails[0]).toMatchObject({
      email: 'hsimpson@globex.com',
      patternName: 'flast',
      confidence: 95,
    });
  });

  it('keeps one entry per address, merging what the import and Hunter say about it', async () => {
    const w = world();
    const { results } = await run(w, [
      { id: 1, firstName: 'Jane', lastName: 'Doe', emails: [{ address: 'Jane.Doe@acme.com' }] },
      { id: 2, firstName: 'Sam', lastName: 'Lee', emails: [{ address: 'sam.lee@acme.com' }] },
      // Without Kim, everyone at acme.com would have an address already, and no credit would be spent.
      { id: 3, firstName: 'Kim', lastName: 'Park', domain: 'acme.com' },
    ]);
    expect(searchesSince(w)).toBe(1);
    // Jane's imported address is the one Hunter lists, verified, at 97: one entry, Hunter's.
    expect(results[0]!.emails).toHaveLength(1);
    expect(results[0]!.emails[0]).toMatchObject({
      email: 'jane.doe@acme.com',
      source: 'hunter',
      confidence: 97,
    });
    expect(results[0]!.emails[0]!.evidence).toContain('came with the imported row');
    // Sam's: Hunter is less sure (60, unverified) than an imported address at a domain with mail (85).
    expect(results[1]!.emails).toHaveLength(1);
    expect(results[1]!.emails[0]).toMatchObject({ source: 'import', confidence: 85, hunterConfidence: 60 });
  });

  it('spends nothing on a domain where everyone already has a work address', async () => {
    const w = world();
    const { results } = await run(w, [
      { id: 1, firstName: 'Jane', lastName: 'Doe', emails: [{ address: 'jane.doe@acme.com' }] },
      { id: 2, firstName: 'Sam', lastName: 'Lee', emails: [{ address: 'sam.lee@acme.com' }] },
    ]);
    expect(searchesSince(w)).toBe(0);
    expect(w.budget.reservations).toEqual([]);
    expect(results.map((r) => r.emails[0]!.source)).toEqual(['import', 'import']);
  });

  it('never pays twice for a domain in a month, and asks again the next month', async () => {
    const w = world();
    const contacts = [{ id: 1, fullName: 'Peter Gibbons', website: 'initech.com' }];
    const first = await run(w, contacts);
    expect(first.summary.domainSearches).toBe(1);
    // Hunter knew nobody verified at initech.com, so nothing was learned: the three best guesses,
    // in the patterns' order, none called verified since nothing checked them.
    expect(first.results[0]!.emails.map((e) => [e.email, e.confidence, e.status])).toEqual([
      ['peter.gibbons@initech.com', 79, 'unknown'],
      ['petergibbons@initech.com', 74, 'unknown'],
      ['peter_gibbons@initech.com', 69, 'unknown'],
    ]);
    const second = await run(w, contacts);
    expect(second.summary).toMatchObject({ domainSearches: 0, cachedSearches: 1 });
    expect(second.results[0]!.emails).toEqual(first.results[0]!.emails);
    expect(searchesSince(w)).toBe(1);
    w.time.set(new Date(2025, 6, 1, 0, 0, 1)); // local midnight, July 1st
    const nextMonth = await run(w, contacts);
    expect(nextMonth.summary.domainSearches).toBe(1);
    expect(searchesSince(w)).toBe(2);
    expect(w.budget.reservations.map((r) => r.ref.key)).toEqual([
      'domain_search:initech.com:2025-06',
      'domain_search:initech.com:2025-07',
    ]);
  });

  it('lets one verified address teach the pattern to everyone else at the domain, without a search', async () => {
    const w = world();
    const { results, summary } = await run(w, [
      {
        id: 'a',
        firstName: 'John',
        lastName: 'Smith',
        emails: [{ address: 'JSmith@Umbrellacorp.com', verified: true }],
      },
      {
        id: 'b',
        firstName: 'Ada',
        lastName: 'Wong',
        company: 'Umbrella',
        domain: 'umbrellacorp.com',
        score: 99,
      },
    ]);
    expect(searchesSince(w)).toBe(0);
    expect(summary.patternsLearned).toBe(1);
    expect(results[0]!.emails[0]).toMatchObject({
      email: 'jsmith@umbrellacorp.com',
      source: 'import',
      status: 'verified',
    });
    expect(results[1]!.emails).toHaveLength(1);
    expect(results[1]!.emails[0]).toMatchObject({
      email: 'awong@umbrellacorp.com',
      pattern: '{f}{last}',
      confidence: 95,
    });
    expect(w.patterns.entries.get('umbrellacorp.com')).toMatchObject({
      template: '{f}{last}',
      source: 'verified_address',
      example: 'jsmith@umbrellacorp.com',
    });

    // Without that address, Ada's best guess would have been first.last.
    const alone = await run(world({ hunter: null }), [
      { id: 'b', firstName: 'Ada', lastName: 'Wong', domain: 'umbrellacorp.com' },
    ]);
    expect(alone.results[0]!.emails[0]!.email).toBe('ada.wong@umbrellacorp.com');

    // The next run (another day, same store) still uses it.
    const later = await run({ ...w, deps: { ...w.deps, hunter: null } }, [
      { id: 'c', firstName: 'Leon', lastName: 'Kennedy', domain: 'umbrellacorp.com' },
    ]);
    expect(later.results[0]!.emails.map((e) => e.email)).toEqual(['lkennedy@umbrellacorp.com']);
  });

  it('verifies the best guess when asked, and a valid one teaches the domain', async () => {
    const w = world({ verifications: 5 });
    const { results, summary } = await run(
      w,
      [
        { id: 1, firstName: 'Peter', lastName: 'Gibbons', domain: 'initech.com', score: 90 },
        { id: 2, firstName: 'Michael', lastName: 'Bolton', domain: 'initech.com', score: 50 },
      ],
      { verifyGuessesPerDomain: 2 },
    );
    expect(summary.verifierCalls).toBe(1);
    expect(w.budget.spent('verification')).toBe(1);
    expect(results[0]!.emails).toHaveLength(1);
    expect(results[0]!.emails[0]).toMatchObject({
      email: 'peter.gibbons@initech.com',
      verification: { status: 'valid', score: 96 },
      status: 'verified',
    });
    expect(results[1]!.emails.map((e) => e.email)).toEqual(['michael.bolton@initech.com']);
    expect(results[1]!.emails[0]!.evidence[0]).toMatch(
      /learned from the verified address peter.gibbons@initech.com/,
    );
  });

  it('marks guesses at a catch-all domain and does not waste verifications there', async () => {
    const w = world();
    const { results, summary } = await run(
      w,
      [{ id: 1, firstName: 'Ann', lastName: 'Lee', website: 'catchall.com' }],
      {
        verifyGuessesPerDomain: 2,
      },
    );
    expect(summary.verifierCalls).toBe(0);
    expect(results[0]!.emails.every((e) => e.catchAll)).toBe(true);
    expect(results[0]!.emails[0]!.evidence.join(' ')).toMatch(/catch-all/);
  });

  it('asks the email finder for people the search did not list, when allowed', async () => {
    const w = world();
    const { results, summary } = await run(
      w,
      [{ id: 1, firstName: 'Kim', lastName: 'Park', website: 'widgets.io' }],
      {
        useEmailFinder: true,
      },
    );
    // widgets.io has a Hunter pattern but no verified address: the finder is asked, and answers from
    // the pattern with a low score, which stays below the verified line.
    expect(summary.finderCalls).toBe(1);
    expect(w.budget.spent('search')).toBe(2);
    expect(results[0]!.emails[0]).toMatchObject({
      email: 'kim.park@widgets.io',
      method: 'email_finder',
      hunterConfidence: 45,
    });
  });

  it('tells "asked already this month" apart from "no credit left" when the finder is refused', async () => {
    // A budget with credit to spare that has sold the finder's question about Kim once this month.
    const finder = (ref: CreditRef) => ref.action === 'email_finder';
    const inner = new InMemoryCreditBudget({ search: 500, verification: 100 });
    const oncePerQuestion: CreditBudget = {
      tryReserve: (kind, units, ref) => !finder(ref) && inner.tryReserve(kind, units, ref),
      spentBefore: (_kind, ref) => finder(ref),
    };
    const kim = [{ id: 1, firstName: 'Kim', lastName: 'Park', website: 'widgets.io' }];
    const asked = await run(world({ budget: oncePerQuestion }), kim, { useEmailFinder: true });
    expect(asked.summary).toMatchObject({ finderCalls: 0, creditsRefused: 0 });
    expect(asked.results[0]!.notes.join(' ')).toMatch(
      /the same question was paid for already this month; the email finder was not asked/,
    );
    expect(asked.results[0]!.notes.join(' ')).not.toMatch(/credit left/);

    // The same refusal from a budget that is simply used up is one.
    const usedUp: CreditBudget = {
      tryReserve: (kind, units, ref) => !finder(ref) && inner.tryReserve(kind, units, ref),
    };
    const refused = await run(world({ budget: usedUp }), kim, { useEmailFinder: true });
    expect(refused.summary).toMatchObject({ finderCalls: 0, creditsRefused: 1 });
    expect(refused.results[0]!.notes.join(' ')).toMatch(
      /no search credit left in this month's Hunter budget/,
    );
  });

  it('explains contacts it cannot help, and spends nothing on a domain without mail', async () => {
    const w = world();
    const { results } = await run(w, [
      { id: 1, firstName: 'Al', lastName: 'Bundy', emails: [{ address: 'al@comcast.net' }] },
      { id: 2, fullName: 'Cher', website: 'acme.com' },
      { id: 3, firstName: 'Peg', lastName: 'Bundy', website: 'webonly.com' },
      { id: 4, firstName: 'Bud', lastName: 'Bundy', company: 'Nowhere Special Holdings LLC' },
    ]);
    expect(results[0]).toMatchObject({ domain: null, emails: [] });
    expect(results[0]!.notes.join(' ')).toMatch(/comcast.net is a free-mail provider/);
    expect(results[1]!.emails).toEqual([]);
    expect(results[1]!.notes.join(' ')).toMatch(/no usable first and last name/);
    expect(results[2]!.notes.join(' ')).toMatch(/webonly.com takes no mail, so no Hunter credit was spent/);
    expect(results[2]!.emails[0]).toMatchObject({
      email: 'peg.bundy@webonly.com',
      mx: 'absent',
      status: 'risky',
    });
    expect(results[3]!.notes.join(' ')).toMatch(/none has an MX record/);
    expect(searchedDomains(w)).toEqual([]);
    expect(w.budget.reservations).toEqual([]);
  });

  it('accepts a domain guessed from the company name only when it has mail', async () => {
    const w = world();
    const { results } = await run(w, [
      { id: 1, firstName: 'Hank', lastName: 'Scorpio', company: 'The Globex Corporation' },
      { id: 2, firstName: 'Ada', lastName: 'Wong', company: 'Umbrella Corp.' },
    ]);
    expect(results[0]).toMatchObject({ domain: 'globex.com', domainSource: 'guessed' });
    expect(results[0]!.notes[0]).toMatch(/globex.com guessed from the company name "The Globex Corporation"/);
    expect(results[0]!.emails[0]!.email).toBe('hscorpio@globex.com');
    // umbrella.com and the rest do not exist here; umbrellacorp.com does, but is not a guess for it.
    expect(results[1]).toMatchObject({ domain: null, emails: [] });
    expect(results[1]!.notes[0]).toMatch(/guessed umbrella.com, umbrella.net, umbrella.co, umbrella.us/);
  });
});

describe('spending Hunter credits', () => {
  const tenDomains = (scoreOf: (i: number) => number) =>
    Array.from({ length: 10 }, (_, i) => ({
      id: i,
      firstName: 'Pat',
      lastName: `Person${i}`,
      domain: `company${i}.com`,
      score: scoreOf(i),
    }));

  it('goes to the highest-scoring domains first and stops at the budget', async () => {
    const w = world({ searches: 3 });
    const scores = [12, 95, 40, 88, 5, 70, 99, 13, 60, 30];
    const { results, summary } = await run(
      w,
      tenDomains((i) => scores[i]!),
      { concurrency: 4 },
    );
    expect(searchedDomains(w).sort()).toEqual(['company1.com', 'company3.com', 'company6.com']);
    expect(summary).toMatchObject({ domainSearches: 3, creditsRefused: 7 });
    expect(w.budget.remaining('search')).toBe(0);
    expect(results[4]!.notes.join(' ')).toMatch(/no search credit left in this month's Hunter budget/);
    expect(results[4]!.emails[0]!.source).toBe('pattern');
  });

  it('never exceeds the budget, even with many runs at once against a slow ledger', async () => {
    const N = 25;
    const inner = new InMemoryCreditBudget({ search: N, verification: 0 });
    // A ledger that answers after a random delay, as a database on another thread would.
    const slow: CreditBudget = {
      tryReserve: async (kind: CreditKind, units: number, ref: CreditRef) => {
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        return inner.tryReserve(kind, units, ref);
      },
      refund: async (kind: CreditKind, units: number, ref: CreditRef) => {
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        inner.refund(kind, units, ref);
      },
    };
    const before = hunter.charged('searches');
    const cache = new InMemoryDomainSearchCache();
    // Eight runs, overlapping: each wants 30 of the 100 domains.
    const runs = Array.from({ length: 8 }, (_, r) => {
      const w = world({ budget: slow, searchCache: cache });
      const contacts = Array.from({ length: 30 }, (_, i) => ({
        id: `${r}-${i}`,
        firstName: 'Pat',
        lastName: `Person${i}`,
        domain: `company${(r * 10 + i) % 100}.com`,
        score: i,
      }));
      return run(w, contacts, { concurrency: 8 });
    });
    const outcomes = await Promise.all(runs);
    const paid = hunter.charged('searches') - before;
    expect(paid).toBe(N);
    expect(inner.spent('search')).toBe(N);
    expect(outcomes.reduce((n, o) => n + o.summary.domainSearches, 0)).toBe(N);
    // No domain was searched twice, however the runs overlapped.
    const keys = inner.reservations.map((r) => r.ref.key);
    expect(new Set(keys).size).toBe(keys.length);
    // Every contact still got an address.
    expect(
      outcomes.every((o) => o.results.length === 30 && o.results.every((r) => r.emails.length > 0)),
    ).toBe(true);
  });

  it('never searches a domain twice, even when runs at once want the same domains', async () => {
    const cache = new InMemoryDomainSearchCache();
    const budget = new InMemoryCreditBudget({ search: 500, verification: 0 });
    const before = hunter.count('domain-search');
    const contacts = (r: number) =>
      Array.from({ length: 20 }, (_, i) => ({
        id: `${r}-${i}`,
        firstName: 'Pat',
        lastName: `P${i}`,
        domain: `company${80 + i}.com`,
      }));
    // Two start together; two more start when the first searches are already cached.
    const together = await Promise.all(
      [0, 1].map((r) => run(world({ budget, searchCache: cache }), contacts(r))),
    );
    const after = await Promise.all(
      [2, 3].map((r) => run(world({ budget, searchCache: cache }), contacts(r))),
    );
    expect(hunter.count('domain-search') - before).toBe(20);
    expect(budget.spent('search')).toBe(20);
    expect([...together, ...after].reduce((n, o) => n + o.summary.domainSearches, 0)).toBe(20);
    expect(after.every((o) => o.summary.cachedSearches === 20)).toBe(true);
  });

  it('stops calling Hunter on 429, gives the credit back, and guesses the rest', async () => {
    const w = world();
    hunter.inject({ status: 429, endpoint: 'domain-search' });
    const { results, summary } = await run(
      w,
      tenDomains((i) => 100 - i),
      { concurrency: 1 },
    );
    expect(searchedDomains(w)).toEqual(['company0.com']);
    expect(summary.hunterStopped).toMatchObject({ kind: 'quota' });
    expect(w.budget.spent('search')).toBe(0);
    expect(w.budget.reservations[0]!.refunded).toBe(true);
    expect(results.every((r) => r.emails.length > 0)).toBe(true);
    expect(results[5]!.notes.join(' ')).toMatch(/Hunter stopped for this run: Hunter usage limit reached/);
  });

  it('stops calling Hunter on 401', async () => {
    const w = world({ apiKey: 'revoked' });
    const { summary } = await run(
      w,
      tenDomains(() => 50),
      { concurrency: 1 },
    );
    expect(summary.hunterStopped).toMatchObject({ kind: 'auth' });
    expect(searchedDomains(w)).toHaveLength(1);
    expect(w.budget.spent('search')).toBe(0);
  });
});

describe('cancelling a run', () => {
  it('stops at once, keeps what was finished, and sends nothing more', async () => {
    const w = world();
    hunter.latencyMs = 150;
    try {
      const controller = new AbortController();
      const progress: number[] = [];
      const contacts = Array.from({ length: 20 }, (_, i) => ({
        id: i,
        firstName: 'Pat',
        lastName: `Person${i}`,
        domain: `company${50 + i}.com`,
        score: 100 - i,
      }));
      const started = performance.now();
      const outcome = await run(w, contacts, {
        signal: controller.signal,
        concurrency: 2,
        onProgress: (p) => {
          progress.push(p.done);
          if (p.done === 4) controller.abort();
        },
      });
      expect(performance.now() - started).toBeLessThan(1500);
      expect(outcome.summary.cancelled).toBe(true);
      expect(outcome.results.length).toBeGreaterThanOrEqual(4);
      expect(outcome.results.length).toBeLessThan(20);
      expect(progress.slice(0, 4)).toEqual([1, 2, 3, 4]);
      for (const r of outcome.results) expect(r.emails.length).toBeGreaterThan(0);
      const sent = searchesSince(w);
      expect(sent).toBeLessThan(20);
      await new Promise((r) => setTimeout(r, 400));
      expect(searchesSince(w)).toBe(sent);
      // Finished domains are cached, so a second run does not pay for them again.
      expect(w.cache.entries.size).toBeGreaterThanOrEqual(outcome.results.length);
    } finally {
      hunter.latencyMs = 0;
    }
  });
});
