// Run: npm run bench -- bench/dedupe/speed.ts            (25k, 50k and 100k new against 250k existing)
//      npm run bench -- bench/dedupe/speed.ts 100000     (one size; each size runs in its own process)
// Resolves N generated new companies (10% planted near-duplicates) against 250,000 existing ones
// in memory, and prints seconds, pairs compared, peak RSS and recall of the planted duplicates,
// beside a same-run baseline: preparing and hashing the same records (the floor any matcher
// pays) and an exact ten-digit-phone join.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { companyBlockingKeys } from '../../src/main/core/dedupe/blockingKeys';
import { hashKey } from '../../src/main/core/dedupe/blocking';
import { prepareCompany } from '../../src/main/core/dedupe/records';
import { resolveCompanies } from '../../src/main/core/dedupe/resolve';
import { generateCompanies } from './generate';

const EXISTING = 250_000;
const SIZES = [25_000, 50_000, 100_000];

function mb(kb: number): string {
  return `${Math.round(kb / 1024)} MB`;
}

function runOne(size: number): void {
  const tGen = performance.now();
  const { existing, incoming, planted } = generateCompanies(EXISTING, size);
  const genSeconds = (performance.now() - tGen) / 1000;
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss / 1024;

  // Baseline 1: prepare + hash every record's keys, nothing else.
  let t = performance.now();
  let sink = 0;
  for (const r of [...existing, ...incoming])
    for (const k of companyBlockingKeys(prepareCompany(r))) sink ^= hashKey(k);
  const prepareSeconds = (performance.now() - t) / 1000;

  // Baseline 2: exact ten-digit phone join, incoming → existing.
  t = performance.now();
  const byPhone = new Map<string, number>();
  for (const r of existing) {
    const p = prepareCompany(r).phone10;
    if (p) byPhone.set(p, r.id);
  }
  let phoneFound = 0;
  for (const r of incoming) {
    const p = prepareCompany(r).phone10;
    if (p && planted.has(r.id) && planted.get(r.id) === byPhone.get(p)) phoneFound++;
  }
  const phoneSeconds = (performance.now() - t) / 1000;
  globalThis.gc?.();

  t = performance.now();
  const result = resolveCompanies({ existing, incoming });
  const seconds = (performance.now() - t) / 1000;
  const peak = process.resourceUsage().maxRSS;

  const existingIds = new Set(existing.map((r) => r.id));
  let found = 0;
  let wrong = 0;
  for (const cluster of result.clusters) {
    const anchor = cluster.find((id) => existingIds.has(id));
    for (const id of cluster) {
      if (existingIds.has(id)) continue;
      const truth = planted.get(id);
      if (anchor !== undefined && truth === anchor) found++;
      else if (anchor !== undefined || truth !== undefined) wrong++;
    }
  }
  const reviewPlanted = result.pairs.filter(
    (p) => p.decision === 'review' && planted.get(p.a) === p.b,
  ).length;
  const s = result.stats;
  console.log(
    [
      `${size.toLocaleString('en-US')} new vs ${EXISTING.toLocaleString('en-US')} existing (${planted.size} planted duplicates; generated in ${genSeconds.toFixed(1)} s)`,
      `  engine:   ${seconds.toFixed(2)} s  (prepare ${(s.milliseconds.prepare / 1000).toFixed(2)}, index ${(s.milliseconds.index / 1000).toFixed(2)}, score ${(s.milliseconds.score / 1000).toFixed(2)}, cluster ${(s.milliseconds.cluster / 1000).toFixed(2)})`,
      `            ${s.candidatePairs.toLocaleString('en-US')} candidate pairs, ${s.scoredPairs.toLocaleString('en-US')} scored in full, ${s.blocks.cappedKeys} capped keys`,
      `            planted found ${found}/${planted.size} = ${(found / planted.size).toFixed(3)}, ${reviewPlanted} more in review; wrong merges ${wrong}; review pairs ${s.reviewPairs}`,
      `            peak RSS ${mb(peak)} (${mb(rssBefore)} after generating the records)`,
      `  baseline: prepare + hash keys only ${prepareSeconds.toFixed(2)} s; exact phone join ${phoneSeconds.toFixed(2)} s finds ${phoneFound}/${planted.size} = ${(phoneFound / planted.size).toFixed(3)}${sink === 0.5 ? '' : ''}`,
    ].join('\n'),
  );
}

const arg = process.argv[2];
if (arg) {
  runOne(Number(arg));
} else {
  const self = fileURLToPath(import.meta.url);
  for (const size of SIZES) {
    const run = spawnSync(process.execPath, ['--expose-gc', self, String(size)], { stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}
