// Run: npm run bench -- bench/dedupe/quality.ts
// Pairwise precision / recall / F1 of the entity-resolution engine on the labelled real fixtures
// (Chicago providers for companies, Febrl for people), beside exact-key baselines measured in
// the same run. Review-band pairs count as not merged; their number is printed separately.
import type { PairwiseScores } from '../../src/main/core/dedupe/evaluate';
import { FEBRL_DEDUPE_FILES } from './fixtures';
import {
  chicagoBaselines,
  febrlBaseline,
  measureChicago,
  measureFebrlDedupe,
  measureFebrlLinkage,
  type QualityFigures,
} from './measure';

function pct(x: number): string {
  return x.toFixed(3);
}

function row(label: string, s: PairwiseScores, extra = ''): string {
  return `  ${label.padEnd(34)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.predictedPairs} pairs merged, ${s.truePairs} true)${extra}`;
}

function ours(label: string, f: QualityFigures): string {
  return row(
    label,
    f.scores,
    `\n  ${''.padEnd(34)} review ${f.reviewPairs} pairs (${f.reviewTrue} true); ${f.stats.candidatePairs} candidates, ` +
      `${f.stats.scoredPairs} scored, ${f.stats.refusedLinks} links refused by the chaining guard; ${f.seconds.toFixed(2)} s`,
  );
}

console.log('Chicago early-childhood providers (3,337 rows, 1,162 labelled entities): companies');
console.log(ours('prospect-desk engine', measureChicago()));
for (const [name, s] of Object.entries(chicagoBaselines())) console.log(row(`baseline: ${name}`, s));

for (const file of FEBRL_DEDUPE_FILES) {
  console.log(`\nFebrl ${file}: people, one list deduplicated`);
  console.log(ours('prospect-desk engine', measureFebrlDedupe(file)));
  for (const [name, s] of Object.entries(febrlBaseline(file))) console.log(row(`baseline: ${name}`, s));
}
console.log('\nFebrl dataset4a (existing) + dataset4b (incoming): people, new against existing');
console.log(ours('prospect-desk engine', measureFebrlLinkage()));
