import { describe, expect, it } from 'vitest';
import { clustersFromKeys, pairwiseScores } from '../../../src/main/core/dedupe/evaluate';

describe('pairwiseScores', () => {
  // Truth: {1,2,3} and {4,5}: 3 + 1 = 4 true pairs.
  const labels = new Map<number, string>([
    [1, 'a'],
    [2, 'a'],
    [3, 'a'],
    [4, 'b'],
    [5, 'b'],
    [6, 'c'],
  ]);

  it('counts predicted, true and shared pairs by hand', () => {
    // Predicted {1,2} and {3,4,5}: pairs 1-2 (true), 3-4, 3-5 (false), 4-5 (true) → 4 predicted, 2 right.
    const s = pairwiseScores(
      [
        [1, 2],
        [3, 4, 5],
      ],
      labels,
    );
    expect(s).toMatchObject({
      predictedPairs: 4,
      truePairs: 4,
      truePositives: 2,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
  });

  it('is perfect for the truth and gives recall 0 for all singletons', () => {
    expect(
      pairwiseScores(
        [
          [1, 2, 3],
          [4, 5],
        ],
        labels,
      ),
    ).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(pairwiseScores([], labels)).toMatchObject({ predictedPairs: 0, precision: 1, recall: 0, f1: 0 });
  });

  it('computes F1 as the harmonic mean', () => {
    // {1,2,3,6}: 6 predicted pairs, 3 true → P 0.5; recall 3/4.
    const s = pairwiseScores([[1, 2, 3, 6]], labels);
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBeCloseTo(0.75);
    expect(s.f1).toBeCloseTo((2 * 0.5 * 0.75) / 1.25);
  });

  it('refuses a record in two clusters', () => {
    expect(() =>
      pairwiseScores(
        [
          [1, 2],
          [2, 3],
        ],
        labels,
      ),
    ).toThrow(/two clusters/);
  });
});

describe('clustersFromKeys', () => {
  it('joins records sharing any key, transitively', () => {
    const rows = [
      { id: 1, k: ['x'] },
      { id: 2, k: ['x', 'y'] },
      { id: 3, k: ['y'] },
      { id: 4, k: [undefined] },
    ];
    expect(
      clustersFromKeys(
        rows,
        (r) => r.id,
        (r) => r.k,
      ),
    ).toEqual([[1, 2, 3]]);
  });
});
