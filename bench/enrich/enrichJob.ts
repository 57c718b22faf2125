// Email enrichment through the app's job code on a SQLite file: 1,000 contacts at 200 companies
// (imported with the real importer, scored), Hunter a fake v2 server with 300 ms per call and
// Hunter's rate limits enforced by the server (15/s and 500/min; verifier 10/s and 300/min, 403
// beyond), DNS on 127.0.0.1. The job's stores are the tables of migration 12 and the quota ledger.
// Same-run baselines: the engine alone with in-memory stores, the floor the rate limit allows, and
// the seeds' way (one email-finder call per contact, sequential; measured on 50, scaled).
//   npm run bench -- bench/enrich/enrichJob.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/main/core/db/database';
import { readSettings, writeSettings } from '../../src/main/core/settings/settingsStore';
import { runEnrichment } from '../../src/main/core/enrich/job/runEnrichment';
import { enrichContacts } from '../../src/main/core/enrich/enrichContacts';
import { HunterClient } from '../../src/main/core/enrich/hunterClient';
import { MxLookup } from '../../src/main/core/enrich/mx';
import { InMemoryPatternStore } from '../../src/main/core/enrich/patternStore';
import { InMemoryCreditBudget, InMemoryDomainSearchCache } from '../../src/main/core/enrich/spend';
import { FakeDns } from '../../tests/fakes/fakeDns';
import { FakeHunter } from '../../tests/fakes/fakeHunter';
import { generateDataset } from '../../tests/fakes/hunterDataset';
import { fixedClock, seedPeople } from '../../tests/helpers/exportSeed';

const COMPANIES = 200;
const PER_COMPANY = 5;
const LATENCY_MS = 300;
const GOAL_S = 20;
const SAMPLE = 50;
const clock = fixedClock('2026-11-20T10:00:00.000Z');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const { companies, contacts, zone } = generateDataset(42, COMPANIES, PER_COMPANY);
const dns = await FakeDns.start(zone);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-enrich-'));
const file = path.join(dir, 'bench.db');
const TITLES = ['CEO', 'President', 'Owner', 'VP Operations', 'Director of Sales', 'Founder', 'COO'];

// The seller's list: the same people, imported, deduplicated and scored.
{
  const db = openDatabase(file);
  await seedPeople(
    db,
    dir,
    contacts.map((c, i) => ({
      first: c.firstName!,
      last: c.lastName!,
      title: TITLES[i % TITLES.length]!,
      company: c.company!,
      ...(c.website ? { website: c.website } : {}),
    })),
  );
  const outreach = readSettings(db, 'outreach');
  // Hunter's Starter plan: 500 searches and 1,000 verifications a month.
  writeSettings(
    db,
    'outreach',
    {
      ...outreach,
      limits: { ...outreach.limits, hunter_search_month: 500, hunter_verification_month: 1000 },
    },
    clock,
  );
  db.close();
}

async function jobRun(db: ReturnType<typeof openDatabase>, hunter: FakeHunter) {
  writeSettings(db, 'enrich', { hunterBaseUrl: `${hunter.url}/v2`, dnsServers: [dns.server] }, clock);
  const before = hunter.requests.length;
  const started = performance.now();
  const report = await runEnrichment({ db, clock, apiKey: 'test-key', progress: () => undefined }, {});
  return { ms: performance.now() - started, report, calls: hunter.requests.length - before };
}

// 1. Ours: the job, on the SQLite file.
const hunter = await FakeHunter.start({ companies, latencyMs: LATENCY_MS });
const db = openDatabase(file);
const first = await jobRun(db, hunter);
const forbidden = hunter.count(undefined, 403);
const searches = hunter.count('domain-search', 200);
const verifications = hunter.count('email-verifier', 200);
const rows = db.prepare('SELECT count(*) FROM contact_emails').pluck().get() as number;
// 2. Run again (a restart, the next day): everything is cached or already found.
const second = await jobRun(db, hunter);
db.close();
await hunter.close();

// 3. Baseline: the engine alone, in-memory stores, the same options, a fresh fake Hunter.
const hunter2 = await FakeHunter.start({ companies, latencyMs: LATENCY_MS });
const engineStarted = performance.now();
const engine = await enrichContacts(
  contacts,
  {
    hunter: new HunterClient({ apiKey: 'test-key', baseUrl: hunter2.url }),
    mx: new MxLookup({ servers: [dns.server] }),
    budget: new InMemoryCreditBudget({ search: 500, verification: 1000 }),
    searchCache: new InMemoryDomainSearchCache(),
    patterns: new InMemoryPatternStore(),
    clock,
  },
  { verifyGuessesPerDomain: 1, search: { type: 'personal', seniority: ['executive', 'senior'] } },
);
const engineMs = performance.now() - engineStarted;
const engine403 = hunter2.count(undefined, 403);
await hunter2.close();

// 4. Baseline: the seeds' way, one finder call per contact, one after another (sampled).
const hunter3 = await FakeHunter.start({ companies, latencyMs: LATENCY_MS });
const client = new HunterClient({ apiKey: 'test-key', baseUrl: hunter3.url });
const naiveStarted = performance.now();
let naiveCalls = 0;
for (const c of contacts.filter((x) => x.website).slice(0, SAMPLE)) {
  await client.emailFinder({
    domain: new URL(c.website!).hostname.replace(/^www\./, ''),
    firstName: c.firstName!,
    lastName: c.lastName!,
  });
  naiveCalls++;
}
const naiveMs = ((performance.now() - naiveStarted) / naiveCalls) * contacts.length;
await hunter3.close();

// 5. The floor: the n-th general call can start at floor((n-1)/15) s; the verifier's at 10/s
// beside them; plus one latency.
const floorMs =
  Math.max(Math.floor((searches - 1) / 15), Math.floor((verifications - 1) / 10)) * 1000 + LATENCY_MS;

const r = first.report;
const table: [string, string, string, string, string][] = [
  ['run', 'wall', 'Hunter calls', '403s', 'result'],
  [
    'ours: the enrich job on SQLite (ledger, tables)',
    s(first.ms),
    `${first.calls} (${searches} searches, ${verifications} verifications)`,
    String(forbidden),
    `${r.withEmail}/${r.contacts} with email; best ${r.best.verified} verified / ${r.best.unknown} unknown / ${r.best.risky} risky; ${rows} rows`,
  ],
  [
    'ours, run again (all cached or found)',
    s(second.ms),
    String(second.calls),
    '0',
    `${second.report.contacts} contacts left to do`,
  ],
  [
    'baseline: the engine alone, in-memory stores',
    s(engineMs),
    String(engine.summary.domainSearches + engine.summary.verifierCalls),
    String(engine403),
    `${engine.summary.withEmail}/${contacts.length} with email`,
  ],
  ['floor: those searches and verifications at 15/s and 10/s', s(floorMs), '', '', ''],
  [
    `baseline: one finder call per contact, sequential (${naiveCalls} measured, scaled)`,
    s(naiveMs),
    String(contacts.length),
    '',
    '',
  ],
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
process.stdout.write(
  `Enrichment job: ${contacts.length} contacts at ${COMPANIES} companies; fake Hunter at ${LATENCY_MS} ms a call with its rate limits; DNS on 127.0.0.1.\n\n`,
);
for (const row of table)
  process.stdout.write(
    `${row.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}\n`,
  );
const met = first.ms <= GOAL_S * 1000 && forbidden === 0;
process.stdout.write(`\ngoal ≤ ${GOAL_S} s with zero rate-limit errors: ${met ? 'met' : 'MISSED'}\n`);
await dns.close();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(met ? 0 : 1);
