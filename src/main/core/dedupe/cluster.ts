/**
 * Clustering: records joined by "same" links form one entity (union-find), with a guard against
 * chaining. Transitivity is what makes A~B and B~C merge A with C, and also what lets a chain of
 * individually plausible links join two records that evidently differ (the "Acme Dallas" ~ "Acme"
 * ~ "Acme Austin" problem). So:
 *
 * 1. Links are applied strongest first (deterministic keys score 100), so when links conflict the
 *    better-evidenced one wins.
 * 2. Before two clusters merge, every cannot-link between them is checked: a pair that was scored
 *    and found confidently different (below `cannotLinkBelow`), or two records that must stay
 *    apart for another reason (two existing records, which an earlier run already kept apart). A
 *    link that would join such a pair is refused and returned, so the caller can send it to review.
 *
 * What this does not see: pairs never scored (they shared no blocking key). Those are not known to
 * differ, so they do not block a merge. Cost: near-linear (union by size, path halving; each
 * merge walks the smaller side's cannot-links).
 */

export interface Link {
  a: number;
  b: number;
  score: number;
}

export interface ClusterInput {
  /** Record slots are 0 … count-1. */
  count: number;
  /** "Same" links between slots. */
  links: readonly Link[];
  /** Pairs of slots that must not end up in one cluster, as a flat [a0, b0, a1, b1, …] list. */
  cannotLink?: ArrayLike<number>;
  /**
   * Slots that already stand for distinct entities (records of the existing database): no two
   * are ever merged through new records. Undefined: none.
   */
  isAnchor?: (slot: number) => boolean;
}

export interface ClusterResult {
  /** For each slot, its cluster's representative slot. */
  clusterOf: Int32Array;
  /** Links that were not applied because they would have joined a cannot-link pair. */
  refused: Link[];
}

export function clusterLinks(input: ClusterInput): ClusterResult {
  const { count } = input;
  const parent = new Int32Array(count);
  const size = new Int32Array(count).fill(1);
  const anchors = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    parent[i] = i;
    if (input.isAnchor?.(i)) anchors[i] = 1;
  }

  // Cannot-link partners per root; merged small into large.
  const against = new Map<number, number[]>();
  const cl = input.cannotLink ?? [];
  for (let i = 0; i + 1 < cl.length; i += 2) {
    const x = cl[i]!;
    const y = cl[i + 1]!;
    if (x === y) continue;
    pushTo(against, x, y);
    pushTo(against, y, x);
  }

  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };

  const ordered = [...input.links].sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
  const refused: Link[] = [];
  for (const link of ordered) {
    let ra = find(link.a);
    let rb = find(link.b);
    if (ra === rb) continue;
    if (anchors[ra]! > 0 && anchors[rb]! > 0) {
      refused.push(link);
      continue;
    }
    if (size[ra]! < size[rb]!) [ra, rb] = [rb, ra];
    const small = against.get(rb);
    if (small && small.some((other) => find(other) === ra)) {
      refused.push(link);
      continue;
    }
    parent[rb] = ra;
    size[ra]! += size[rb]!;
    anchors[ra]! += anchors[rb]!;
    if (small) {
      const large = against.get(ra);
      if (large) for (const other of small) large.push(other);
      else against.set(ra, small);
      against.delete(rb);
    }
  }

  const clusterOf = new Int32Array(count);
  for (let i = 0; i < count; i++) clusterOf[i] = find(i);
  return { clusterOf, refused };
}

function pushTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Groups slots by cluster: only clusters of two or more, each sorted, ordered by first slot. */
export function groupClusters(clusterOf: Int32Array): number[][] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < clusterOf.length; i++) pushTo(groups, clusterOf[i]!, i);
  return [...groups.values()].filter((g) => g.length > 1).sort((p, q) => p[0]! - q[0]!);
}
