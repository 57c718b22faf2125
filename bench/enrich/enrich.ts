// Work-email enrichment: 1,000 contacts at 200 companies against the fake Hunter with 300 ms per
// call and Hunter's rate limits enforced by the server (15/s and 500/min; verifier 10/s and 300/min,
// 403 beyond). Prints our run beside baselines measured in the same run.
//   npm run bench -- bench/enrich/enrich.ts [--contacts-per-company 5] [--companies 200]
import { enrichContacts } from '../../src/main/core/enrich/enrichContacts';
import type { EnrichContactInput, EnrichmentRun } from '../../src/main/core/enrich/enrichTypes';
import { HunterClient, type HunterEvent } from '../../src/main/core/enrich/hunterClient';
import { MxLookup } from '../../src/main/core/enrich/mx';
import { InMemoryPatternStore } from '../../src/main/core/enrich/patternStore';
import { InMemoryCreditBudget, InMemoryDomainSearchCache } from '../../src/main/core/enrich/spend';
import { FakeDns } from '../../tests/fakes/fakeDns';
import { FakeHunter, type FakeCompany } from '../../tests/fakes/fakeHunter';
import { generateDataset } from '../../tests/fakes/hunterDataset';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const COMPANIES = arg('companies', 200);
const PER_COMPANY = arg('contacts-per-company', 5);
const LATENCY_MS = 300;
const GOAL_S = 20;
const NAIVE_SAMPLE = 50;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pad = (s: string | number, n: number) => String(s).padStart(n);

const { companies, contacts, zone } = generateDataset(42, COMPANIES, PER_COMPANY);
const dns = await FakeDns.start(zone);

async function ours(
  label: string,
  options: { searches: number; verifications: number; verifyPerDomain: number },
) {
  const hunter = await FakeHunter.start({ companies, latencyMs: LATENCY_MS });
  const retries: Record<string, number> = {};
  const client = new HunterClient({
    apiKey: 'test-key',
    baseUrl: hunter.url,
    onEvent: (e: HunterEvent) => {
      if (e.type === 'retry') retries[e.reason] = (retries[e.reason] ?? 0) + 1;
    },
  });
  const budget = new InMemoryCreditBudget({ search: options.searches, verification: options.verifications });
  const started = performance.now();
  const run: EnrichmentRun = await enrichContacts(
    contacts,
    {
      hunter: client,
      mx: new MxLookup({ servers: [dns.server] }),
      budget,
      searchCache: new InMemoryDomainSearchCache(),
      patterns: new InMemoryPatternStore(),
    },
    { verifyGuessesPerDomain: options.verifyPerDomain },
  );
  const ms = performance.now() - started;
  await hunter.close();
  const bySource = { hunter: 0, import: 0, pattern: 0 };
  const byStatus = { verified: 0, unknown: 0, risky: 0 };
  for (const r of run.results) {
    const best = r.emails[0];
    if (!best) continue;
    bySource[best.source]++;
    byStatus[best.status]++;
  }
  // How often the best address is the person's real one (the data set knows it).
  const truth = new Map<string, string>();
  for (const c of companies) {
    for (const p of c.people) truth.set(`${p.firstName} ${p.lastName}@${c.domain}`, p.email);
    for (const m of c.mailboxes ?? []) truth.set(`mailbox ${m}`, m);
  }
  let right = 0;
  for (const r of run.results) {
    const best = r.emails[0]?.email;
    if (best && (truth.has(`mailbox ${best}`) || [...truth.values()].includes(best))) right++;
  }
  return {
    label,
    ms,
    calls: hunter.requests.length,
    searches: hunter.count('domain-search', 200),
    verifications: hunter.count('email-verifier', 200),
    credits: hunter.charged('searches') + hunter.charged('verifications'),
    forbidden: hunter.count(undefined, 403),
    retries,
    run,
    bySource,
    byStatus,
    right,
  };
}

/** The seeds' way: one email-finder call per contact, one after another. */
async function naiveSequential(sample: EnrichContactInput[], all: FakeCompany[]) {
  const hunter = await FakeHunter.start({ companies: all, latencyMs: LATENCY_MS });
  const client = new HunterClient({ apiKey: 'test-key', baseUrl: hunter.url });
  const started = performance.now();
  for (const c of sample) {
    const domain = c.website ? new URL(c.website).hostname.replace(/^www\./, '') : null;
    if (!domain) continue;
    await client.emailFinder({ domain, firstName: c.firstName!, lastName: c.lastName! });
  }
  const ms = performance.now() - started;
  await hunter.close();
  return { ms, calls: hunter.requests.length, forbidden: hunter.count(undefined, 403) };
}

/** Grouped by domain but with no client-side limiter: how many 403s the server hands out. */
async function greedyBurst(domains: string[]) {
  const hunter = await FakeHunter.start({ companies, latencyMs: LATENCY_MS });
  const client = new HunterClient({
    apiKey: 'test-key',
    baseUrl: hunter.url,
    limits: { general: [{ limit: 100_000, windowMs: 1000 }] },
    retry: { maxRateLimitRetries: 0 },
  });
  const started = performance.now();
  const outcomes = await Promise.allSettled(domains.map((domain) => client.domainSearch({ domain })));
  const ms = performance.now() - started;
  await hunter.close();
  return {
    ms,
    forbidden: hunter.count(undefined, 403),
    failed: outcomes.filter((o) => o.status === 'rejected').length,
  };
}

process.stdout.write(
  `Enrichment: ${contacts.length} contacts at ${COMPANIES} companies; fake Hunter at ${LATENCY_MS} ms a call, ` +
    `rate limits enforced by the server; DNS on 127.0.0.1.\n\n`,
);

const a = await ours('ours, 500 searches (starter plan)', {
  searches: 500,
  verifications: 0,
  verifyPerDomain: 0,
});
const b = await ours('ours, 120 searches + verify 1 guess/domain', {
  searches: 120,
  verifications: 300,
  verifyPerDomain: 1,
});
const sample = contacts.filter((c) => c.website).slice(0, NAIVE_SAMPLE);
const naive = await naiveSequential(sample, companies);
const greedy = await greedyBurst(companies.map((c) => c.domain));

const domainsNeeded = a.searches;
// With a sliding 1-second window of 15, the n-th call can start at floor((n-1)/15) seconds.
const floorMs = Math.floor((domainsNeeded - 1) / 15) * 1000 + LATENCY_MS;
const naivePerContact = naive.ms / naive.calls;

const rows: [string, string, string, string, string, string][] = [
  ['run', 'wall', 'calls', 'credits', '403s', 'best email: hunter/pattern; verified/unknown/risky; right'],
];
for (const r of [a, b]) {
  rows.push([
    r.label,
    seconds(r.ms),
    String(r.calls),
    String(r.credits),
    String(r.forbidden),
    `${r.bySource.hunter}/${r.bySource.pattern}; ${r.byStatus.verified}/${r.byStatus.unknown}/${r.byStatus.risky}; ${r.right}/${contacts.length}`,
  ]);
}
rows.push([
  `baseline: one finder call per contact, sequential (${naive.calls} measured, ×${(contacts.length / naive.calls).toFixed(0)})`,
  seconds(naivePerContact * contacts.length),
  String(contacts.length),
  `≤${contacts.length}`,
  String(naive.forbidden),
  `${seconds(naive.ms)} for ${naive.calls}`,
]);
rows.push([
  `floor: ${domainsNeeded} searches at 15/s + one latency`,
  seconds(floorMs),
  String(domainsNeeded),
  '',
  '',
  '',
]);
rows.push([
  'grouped but no client limiter (all searches at once, no retry)',
  seconds(greedy.ms),
  String(companies.length),
  '',
  String(greedy.forbidden),
  `${greedy.failed} searches lost to 403`,
]);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) {
  process.stdout.write(
    `${r[0].padEnd(widths[0]!)}  ${pad(r[1], widths[1]!)}  ${pad(r[2], widths[2]!)}  ${pad(r[3], widths[3]!)}  ${pad(r[4], widths[4]!)}  ${r[5]}\n`,
  );
}
process.stdout.write(
  `\nours: ${a.run.summary.domains} domains, ${a.searches} domain searches, retries ${JSON.stringify(a.retries)}; ` +
    `with verification: ${b.searches} searches, ${b.verifications} verifications, retries ${JSON.stringify(b.retries)}\n`,
);
const met = a.ms <= GOAL_S * 1000 && a.forbidden === 0 && b.forbidden === 0;
process.stdout.write(`goal ≤ ${GOAL_S} s with zero rate-limit errors: ${met ? 'met' : 'MISSED'}\n`);
await dns.close();
process.exit(met ? 0 : 1);
