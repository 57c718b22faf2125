/**
 * Pairwise precision and recall of a clustering against labels: the standard entity-resolution
 * measure. Every unordered pair of records put in one cluster is a predicted match; every pair
 * sharing a label is a true match. Counted through the cluster × label contingency table, so
 * it never lists pairs: cost is linear in the number of records.
 */

export interface PairwiseScores {
  /** Pairs predicted to match (in one cluster). */
  predictedPairs: number;
  /** Pairs that truly match (one label). */
  truePairs: number;
  /** Pairs both predicted and true. */
  truePositives: number;
  /** truePositives / predictedPairs; 1 when nothing was predicted. */
  precision: number;
  /** truePositives / truePairs; 1 when there is nothing to find. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * @param clusters predicted clusters as lists of record ids; records in none are singletons.
 * @param labels the true entity of every record (records absent here are ignored everywhere).
 */
export function pairwiseScores(
  clusters: readonly (readonly number[])[],
  labels: ReadonlyMap<number, string | number>,
): PairwiseScores {
  const labelSizes = new Map<string | number, number>();
  for (const label of labels.values()) labelSizes.set(label, (labelSizes.get(label) ?? 0) + 1);
  let truePairs = 0;
  for (const n of labelSizes.values()) truePairs += pairs(n);

  let predictedPairs = 0;
  let truePositives = 0;
  const seen = new Set<number>();
  for (const cluster of clusters) {
    const cell = new Map<string | number, number>();
    let size = 0;
    for (const id of cluster) {
      const label = labels.get(id);
      if (label === undefined) continue;
      if (seen.has(id)) throw new Error(`record ${id} is in two clusters`);
      seen.add(id);
      size++;
      cell.set(label, (cell.get(label) ?? 0) + 1);
    }
    predictedPairs += pairs(size);
    for (const n of cell.values()) truePositives += pairs(n);
  }

  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { predictedPairs, truePairs, truePositives, precision, recall, f1 };
}

/**
 * Clusters by exact keys with transitive closure: records sharing any key are one cluster. The
 * baselines (exact phone, exact name, their union) are measured with it.
 */
export function clustersFromKeys<T>(
  records: readonly T[],
  id: (r: T) => number,
  keys: (r: T) => (string | undefined)[],
): number[][] {
  const parent = records.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const firstWithKey = new Map<string, number>();
  records.forEach((r, i) => {
    for (const k of keys(r)) {
      if (k === undefined || k === '') continue;
      const j = firstWithKey.get(k);
      if (j === undefined) firstWithKey.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  records.forEach((r, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(id(r));
    else groups.set(root, [id(r)]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}
