import { describe, expect, it } from 'vitest';
import {
  chicagoBaselines,
  measureChicago,
  measureFebrlDedupe,
  measureFebrlLinkage,
} from '../../../bench/dedupe/measure';

// The quality goals, measured on the real labelled fixtures exactly as bench/dedupe/quality.ts
// prints them. Review-band pairs count as not merged.
describe('quality on real labelled data', () => {
  it('Chicago providers: pairwise precision and recall ≥ 0.95, far above exact keys', () => {
    const ours = measureChicago();
    expect(ours.scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(ours.scores.recall).toBeGreaterThanOrEqual(0.95);
    const baselines = chicagoBaselines();
    for (const baseline of Object.values(baselines)) expect(ours.scores.f1).toBeGreaterThan(baseline.f1);
    // The review queue stays a queue a person can work, not a second dataset.
    expect(ours.reviewPairs).toBeLessThan(300);
  });

  it.each(['dataset1.csv', 'dataset2.csv', 'dataset3.csv'] as const)(
    'Febrl %s: precision ≥ 0.99 and recall ≥ 0.95',
    (file) => {
      const ours = measureFebrlDedupe(file);
      expect(ours.scores.precision).toBeGreaterThanOrEqual(0.99);
      expect(ours.scores.recall).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('Febrl 4a (existing) + 4b (incoming): new against existing reaches F1 ≥ 0.97', () => {
    const ours = measureFebrlLinkage();
    expect(ours.scores.precision).toBeGreaterThanOrEqual(0.99);
    expect(ours.scores.f1).toBeGreaterThanOrEqual(0.97);
  });
});
