/**
 * Blocking: which pairs are worth scoring. Every record gets a few cheap keys (its phone, domain,
 * each name word, address, …); two records are candidates when they share a key. The cost then
 * grows with the block sizes rather than with the square of the record count.
 *
 * A key shared by more than `maxBlockSize` records (a switchboard number, the word "services")
 * says too little to be worth its quadratic cost: the block is capped — dropped from candidate
 * generation, like a stop word in search — and the records must meet through another key.
 *
 * Keys are stored as 32-bit hashes (FNV-1a) to keep a 350,000-record index small; a collision
 * only adds a candidate pair, which scoring then rejects.
 */

/** FNV-1a over UTF-16 code units: fast, well spread for short keys, deterministic. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const CAPPED = -1;

export interface BlockStats {
  /** Distinct keys indexed. */
  keys: number;
  /** Keys whose block outgrew `maxBlockSize` and were dropped. */
  cappedKeys: number;
  /** Records that were in capped blocks when they were dropped, summed over capped keys. */
  cappedMembers: number;
}

/**
 * An inverted index from key hash to record slots (0, 1, 2, … in the order added). Singleton
 * blocks, the vast majority, are stored as a bare number rather than an array.
 */
export class BlockIndex {
  private readonly blocks = new Map<number, number | number[]>();
  private seen = new Int32Array(1024);
  private probe = 0;
  private cappedKeys = 0;
  private cappedMembers = 0;

  constructor(readonly maxBlockSize: number) {
    if (maxBlockSize < 2) throw new Error('maxBlockSize must be at least 2');
  }

  /** Adds `slot` under each key. Slots must be added in increasing order. */
  add(slot: number, keys: readonly number[]): void {
    for (const key of keys) {
      const block = this.blocks.get(key);
      if (block === undefined) {
        this.blocks.set(key, slot);
      } else if (block === CAPPED) {
        continue;
      } else if (typeof block === 'number') {
        if (block !== slot) this.blocks.set(key, [block, slot]);
      } else if (block[block.length - 1] !== slot) {
        if (block.length >= this.maxBlockSize) {
          this.blocks.set(key, CAPPED);
          this.cappedKeys++;
          this.cappedMembers += block.length + 1;
        } else {
          block.push(slot);
        }
      }
    }
    if (slot >= this.seen.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
  }

  /**
   * Calls `visit` once for each slot below `below` that shares at least one uncapped key with
   * `keys`, in no particular order. `below` lets a record meet only those indexed before it, so
   * every pair is produced once.
   */
  forEachCandidate(keys: readonly number[], below: number, visit: (slot: number) => void): void {
    const stamp = ++this.probe;
    const seen = this.seen;
    for (const key of keys) {
      const block = this.blocks.get(key);
      if (block === undefined || block === CAPPED) continue;
      if (typeof block === 'number') {
        if (block < below && seen[block] !== stamp) {
          seen[block] = stamp;
          visit(block);
        }
        continue;
      }
      for (const slot of block) {
        if (slot >= below) break;
        if (seen[slot] === stamp) continue;
        seen[slot] = stamp;
        visit(slot);
      }
    }
  }

  /** The members of a key's block, or null when it is capped or absent (for tests and diagnostics). */
  block(key: number): number[] | null {
    const block = this.blocks.get(key);
    if (block === undefined || block === CAPPED) return null;
    return typeof block === 'number' ? [block] : [...block];
  }

  stats(): BlockStats {
    return { keys: this.blocks.size, cappedKeys: this.cappedKeys, cappedMembers: this.cappedMembers };
  }
}
