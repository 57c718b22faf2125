import { BlockIndex, hashKey, KeyStore, type BlockStats } from './blocking';
import { clusterLinks, groupClusters, type Link } from './cluster';
import type { MatchResult, Thresholds, Weighed } from './score';

/**
 * The resolution engine, the same for companies and people: prepare every record once, index its
 * blocking keys, score each candidate pair once, and cluster the "same" pairs. Kind-specific
 * parts (what a record is, its keys, how two are weighed) come in an `EntitySpec`.
 */
export interface EntitySpec<R extends { id: number }, P> {
  prepare(record: R): P;
  keys(prepared: P): string[];
  /**
   * Weighs a pair. With `pruneBelow`, may skip work and return `{ pruned: true }` with `score` an
   * upper bound below `pruneBelow`.
   */
  weigh(a: P, b: P, pruneBelow: number | null): Weighed;
  thresholds: Thresholds;
  engine: EngineSettings;
}

export interface EngineSettings {
  /** Blocks larger than this are capped (see `BlockIndex`). */
  maxBlockSize: number;
  /**
   * A scored pair below this score is "confidently different": clustering never joins the two
   * through other links (see `cluster.ts`).
   */
  cannotLinkBelow: number;
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = { maxBlockSize: 64, cannotLinkBelow: 2 };

/**
 * People: copies of one person's record each carry their own typos, so two copies can look far
 * apart while both match the original; the guard only stops near-certain differences.
 */
export const DEFAULT_PERSON_ENGINE_SETTINGS: EngineSettings = { maxBlockSize: 64, cannotLinkBelow: 0.5 };

/** A scored pair worth keeping (same or review), by the callers' record ids. */
export interface MatchPair extends MatchResult {
  /** The record probed: an incoming record. */
  a: number;
  /** The record it was compared with: an existing record, or an incoming one earlier in the batch. */
  b: number;
}

export interface ResolveStats {
  existing: number;
  incoming: number;
  /** Distinct candidate pairs produced by blocking. */
  candidatePairs: number;
  /** Pairs scored in full (the rest were pruned by the cheap upper bound). */
  scoredPairs: number;
  samePairs: number;
  reviewPairs: number;
  /** "Same" links refused by the chaining guard (they are reported as review pairs). */
  refusedLinks: number;
  blocks: BlockStats;
  milliseconds: { prepare: number; index: number; score: number; cluster: number };
}

export interface ResolveResult {
  /** Every same or review pair, strongest first. A refused "same" link appears as review. */
  pairs: MatchPair[];
  /** Records that are one entity: each a list of ids, two or more, in input order. */
  clusters: number[][];
  stats: ResolveStats;
}

/**
 * An index of records that new ones are matched against. Build it over the existing records;
 * `match` finds one record's matches; `resolve` (once) adds a batch and resolves it.
 */
export class EntityIndex<R extends { id: number }, P> {
  private readonly prepared: P[] = [];
  private readonly ids: number[] = [];
  private readonly keys = new KeyStore();
  private blocks: BlockIndex | null = null;
  private readonly existingCount: number;
  private resolved = false;
  readonly prepareMs: number;

  constructor(
    private readonly spec: EntitySpec<R, P>,
    // Any iterable: records streamed from the database are prepared one by one and never held
    // as a whole array beside their prepared form.
    existing: Iterable<R>,
  ) {
    const t0 = performance.now();
    let count = 0;
    for (const r of existing) {
      this.append(r);
      count++;
    }
    this.prepareMs = performance.now() - t0;
    this.existingCount = count;
  }

  private append(r: R): void {
    const p = this.spec.prepare(r);
    this.prepared.push(p);
    this.ids.push(r.id);
    this.keys.push(this.spec.keys(p));
  }

  /** The block index over every record appended so far (rebuilt only when records were added). */
  private index(): BlockIndex {
    if (!this.blocks || this.blocks.stats().records !== this.prepared.length) {
      this.blocks = BlockIndex.build(this.keys, this.spec.engine.maxBlockSize);
    }
    return this.blocks;
  }

  get size(): number {
    return this.prepared.length;
  }

  /** One record against the indexed ones: its same and review matches, strongest first. */
  match(record: R): MatchPair[] {
    const p = this.spec.prepare(record);
    const keys = this.spec.keys(p).map(hashKey);
    const out: MatchPair[] = [];
    this.index().forEachCandidate(keys, this.prepared.length, (slot) => {
      const r = this.spec.weigh(p, this.prepared[slot]!, this.spec.thresholds.review);
      if (!r.pruned && r.score >= this.spec.thresholds.review)
        out.push({ a: record.id, b: this.ids[slot]!, ...r });
    });
    return out.sort((x, y) => y.score - x.score || x.b - y.b);
  }

  /**
   * Adds `incoming` and resolves it against the indexed records and itself. Existing records are
   * never compared with each other, nor merged with each other through new ones. Call once.
   */
  resolve(incoming: Iterable<R>, options: { compareIncoming?: boolean } = {}): ResolveResult {
    // Without compareIncoming, new records are matched only against the indexed (existing) ones:
    // what an import does, where repeats inside the file are the import's own business.
    const compareIncoming = options.compareIncoming ?? true;
    if (this.resolved) throw new Error('EntityIndex.resolve may be called once');
    this.resolved = true;
    const { spec } = this;
    const start = this.existingCount;
    const t0 = performance.now();
    for (const r of incoming) this.append(r);
    const incomingCount = this.prepared.length - start;
    const t1 = performance.now();
    // Every incoming key is indexed before any probe, so block caps do not depend on order.
    const blocks = this.index();
    const t2 = performance.now();

    const review = spec.thresholds.review;
    const links: Link[] = [];
    const kept: { slotA: number; slotB: number; result: MatchResult }[] = [];
    const cannot: number[] = [];
    let candidatePairs = 0;
    let scoredPairs = 0;
    for (let slot = start; slot < this.prepared.length; slot++) {
      const p = this.prepared[slot]!;
      blocks.forEachCandidate(this.keys.keysOf(slot), compareIncoming ? slot : start, (other) => {
        candidatePairs++;
        const r = spec.weigh(p, this.prepared[other]!, review);
        if (!r.pruned) scoredPairs++;
        if (r.score < spec.engine.cannotLinkBelow) cannot.push(slot, other);
        if (r.pruned || r.score < review) return;
        kept.push({ slotA: slot, slotB: other, result: r });
        if (r.decision === 'same') links.push({ a: slot, b: other, score: r.score });
      });
    }
    const t3 = performance.now();

    const { clusterOf, refused } = clusterLinks({
      count: this.prepared.length,
      links,
      cannotLink: cannot,
      isAnchor: (slot) => slot < start,
    });
    const refusedSet = new Set(refused.map((l) => `${l.a}:${l.b}`));
    const pairs: MatchPair[] = kept.map(({ slotA, slotB, result }) => {
      const demoted = result.decision === 'same' && refusedSet.has(`${slotA}:${slotB}`);
      return {
        a: this.ids[slotA]!,
        b: this.ids[slotB]!,
        ...result,
        decision: demoted ? 'review' : result.decision,
      };
    });
    pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
    const clusters = groupClusters(clusterOf).map((g) => g.map((slot) => this.ids[slot]!));
    const t4 = performance.now();

    return {
      pairs,
      clusters,
      stats: {
        existing: start,
        incoming: incomingCount,
        candidatePairs,
        scoredPairs,
        samePairs: pairs.filter((p) => p.decision === 'same').length,
        reviewPairs: pairs.filter((p) => p.decision === 'review').length,
        refusedLinks: refused.length,
        blocks: blocks.stats(),
        milliseconds: {
          prepare: this.prepareMs + (t1 - t0),
          index: t2 - t1,
          score: t3 - t2,
          cluster: t4 - t3,
        },
      },
    };
  }
}
