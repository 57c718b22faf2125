import { companyNameKey } from '../../src/main/core/normalize/companyName';
import { addressKey, normalizeAddress } from '../../src/main/core/dedupe/address';
import { phoneDigits } from '../../src/main/core/normalize/phone';
import { clustersFromKeys, pairwiseScores, type PairwiseScores } from '../../src/main/core/dedupe/evaluate';
import { resolveCompanies, resolvePeople } from '../../src/main/core/dedupe/resolve';
import type { ResolveStats } from '../../src/main/core/dedupe/engine';
import type { CompanyRecord, PersonRecord } from '../../src/main/core/dedupe/records';
import { loadChicago, loadFebrl, type FEBRL_DEDUPE_FILES, type Labelled } from './fixtures';

/** The quality measurements, shared by bench/dedupe/quality.ts and tests/unit/dedupe. */

export interface QualityFigures {
  scores: PairwiseScores;
  /** Pairs left in the review band (counted as not merged in `scores`). */
  reviewPairs: number;
  /** How many of those review pairs are true matches. */
  reviewTrue: number;
  stats: ResolveStats;
  seconds: number;
}

function reviewFigures(pairs: { a: number; b: number; decision: string }[], labels: Map<number, string>) {
  const review = pairs.filter((p) => p.decision === 'review');
  return {
    reviewPairs: review.length,
    reviewTrue: review.filter((p) => labels.get(p.a) === labels.get(p.b)).length,
  };
}

export function measureChicago(data: Labelled<CompanyRecord> = loadChicago()): QualityFigures {
  const t0 = performance.now();
  const result = resolveCompanies({ incoming: data.records });
  const seconds = (performance.now() - t0) / 1000;
  return {
    scores: pairwiseScores(result.clusters, data.labels),
    ...reviewFigures(result.pairs, data.labels),
    stats: result.stats,
    seconds,
  };
}

/** Exact-key baselines on the same records, measured the same way. */
export function chicagoBaselines(
  data: Labelled<CompanyRecord> = loadChicago(),
): Record<string, PairwiseScores> {
  const id = (r: CompanyRecord): number => r.id;
  const phone = (r: CompanyRecord): string | undefined => phoneDigits(r.phone).local7;
  const name = (r: CompanyRecord): string | undefined => companyNameKey(r.name) || undefined;
  const address = (r: CompanyRecord): string | undefined =>
    addressKey(normalizeAddress(r.address)) || undefined;
  const score = (keys: (r: CompanyRecord) => (string | undefined)[]): PairwiseScores =>
    pairwiseScores(clustersFromKeys(data.records, id, keys), data.labels);
  return {
    'exact phone': score((r) => [phone(r)]),
    'exact name key': score((r) => [name(r)]),
    'exact address key': score((r) => [address(r)]),
    'union name|phone|address': score((r) => [
      name(r) && `n:${name(r)}`,
      phone(r) && `p:${phone(r)}`,
      address(r) && `a:${address(r)}`,
    ]),
  };
}

export function measureFebrlDedupe(file: (typeof FEBRL_DEDUPE_FILES)[number]): QualityFigures {
  const data = loadFebrl(file);
  const t0 = performance.now();
  const result = resolvePeople({ incoming: data.records });
  const seconds = (performance.now() - t0) / 1000;
  return {
    scores: pairwiseScores(result.clusters, data.labels),
    ...reviewFigures(result.pairs, data.labels),
    stats: result.stats,
    seconds,
  };
}

/** Febrl 4a (existing) linked with 4b (incoming): the "new against existing" path. */
export function measureFebrlLinkage(): QualityFigures {
  const existing = loadFebrl('dataset4a.csv', 0);
  const incoming = loadFebrl('dataset4b.csv', 100_000);
  const labels = new Map([...existing.labels, ...incoming.labels]);
  const t0 = performance.now();
  const result = resolvePeople({ existing: existing.records, incoming: incoming.records });
  const seconds = (performance.now() - t0) / 1000;
  return {
    scores: pairwiseScores(result.clusters, labels),
    ...reviewFigures(result.pairs, labels),
    stats: result.stats,
    seconds,
  };
}

export function febrlBaseline(file: string): Record<string, PairwiseScores> {
  const data = loadFebrl(file);
  const id = (r: PersonRecord): number => r.id;
  return {
    'exact soc_sec_id': pairwiseScores(
      clustersFromKeys(data.records, id, (r) => [r.nationalId]),
      data.labels,
    ),
    'exact name + birth date': pairwiseScores(
      clustersFromKeys(data.records, id, (r) => [
        r.firstName && r.lastName && r.birthDate ? `${r.firstName}|${r.lastName}|${r.birthDate}` : undefined,
      ]),
      data.labels,
    ),
  };
}
