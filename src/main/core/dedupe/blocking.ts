/**
 * Blocking: which pairs are worth scoring. Every record gets a few cheap keys (its phone, domain,
 * each name word, address, …); two records are candidates when they share a key. The cost then
 * grows with the block sizes rather than with the square of the record count.
 *
 * A key shared by more than `maxBlockSize` records (a switchboard number, the word "services")
 * says too little to be worth its quadratic cost: the block is capped — left out of candidate
 * generation, like a stop word in search — and its records must meet through another key. Caps
 * are decided on the complete index, so they do not depend on the order records arrive in.
 *
 * Keys are 32-bit hashes (FNV-1a) held in sorted typed arrays (compressed sparse rows): a
 * 350,000-record index takes about 30 MB. A hash collision only adds a candidate pair, which
 * scoring then rejects.
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

export interface BlockStats {
  /** Records indexed. */
  records: number;
  /** Distinct keys indexed. */
  keys: number;
  /** Keys whose block is larger than `maxBlockSize`, left out of candidate generation. */
  cappedKeys: number;
  /** Memberships in capped blocks, summed over capped keys. */
  cappedMembers: number;
}

/** Each record's key hashes, appended record by record (slot 0, 1, 2, …). */
export class KeyStore {
  private data = new Uint32Array(1 << 16);
  private offsets = new Int32Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(keys: readonly string[]): number {
    const start = this.offsets[this.count]!;
    if (start + keys.length > this.data.length) {
      const grown = new Uint32Array(Math.max(this.data.length * 2, start + keys.length));
      grown.set(this.data);
      this.data = grown;
    }
    if (this.count + 2 > this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    let end = start;
    for (const k of keys) this.data[end++] = hashKey(k);
    this.offsets[++this.count] = end;
    return this.count - 1;
  }

  keysOf(slot: number): Uint32Array {
    return this.data.subarray(this.offsets[slot]!, this.offsets[slot + 1]!);
  }

  /** All hashes, flat, and where each slot's start (length size + 1). */
  flat(): { hashes: Uint32Array; offsets: Int32Array } {
    return {
      hashes: this.data.subarray(0, this.offsets[this.count]!),
      offsets: this.offsets.subarray(0, this.count + 1),
    };
  }
}

/** Stable LSD radix sort of entry numbers by their 32-bit hash, 8 bits a pass. */
function sortByHash(hashes: Uint32Array): Uint32Array {
  const n = hashes.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(hashes[order[i]!]! >>> shift) & 0xff]!++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const e = order[i]!;
      next[counts[(hashes[e]! >>> shift) & 0xff]!++] = e;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** The blocks of a `KeyStore`: for each distinct key hash, its slots in increasing order. */
export class BlockIndex {
  private constructor(
    private readonly keys: Uint32Array,
    private readonly starts: Uint32Array,
    private readonly members: Int32Array,
    readonly maxBlockSize: number,
    private readonly counts: BlockStats,
    private readonly seen: Int32Array,
  ) {}

  private probe = 0;

  static build(store: KeyStore, maxBlockSize: number): BlockIndex {
    if (maxBlockSize < 2) throw new Error('maxBlockSize must be at least 2');
    const { hashes, offsets } = store.flat();
    const slotOf = new Int32Array(hashes.length);
    for (let slot = 0; slot < store.size; slot++) slotOf.fill(slot, offsets[slot]!, offsets[slot + 1]!);
    const order = sortByHash(hashes);

    const keys = new Uint32Array(hashes.length);
    const starts = new Uint32Array(hashes.length + 1);
    const members = new Int32Array(hashes.length);
    let distinct = 0;
    let m = 0;
    for (let i = 0; i < order.length; i++) {
      const e = order[i]!;
      const h = hashes[e]!;
      const slot = slotOf[e]!;
      if (distinct === 0 || keys[distinct - 1] !== h) {
        keys[distinct] = h;
        starts[distinct] = m;
        distinct++;
      } else if (members[m - 1] === slot) {
        continue; // the same key twice in one record
      }
      members[m++] = slot;
    }
    starts[distinct] = m;
    let cappedKeys = 0;
    let cappedMembers = 0;
    for (let k = 0; k < distinct; k++) {
      const size = starts[k + 1]! - starts[k]!;
      if (size > maxBlockSize) {
        cappedKeys++;
        cappedMembers += size;
      }
    }
    return new BlockIndex(
      keys.slice(0, distinct),
      starts.slice(0, distinct + 1),
      members.slice(0, m),
      maxBlockSize,
      { records: store.size, keys: distinct, cappedKeys, cappedMembers },
      new Int32Array(store.size),
    );
  }

  private find(hash: number): number {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.keys[mid]!;
      if (v === hash) return mid;
      if (v < hash) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Calls `visit` once for each slot below `below` that shares at least one uncapped key with
   * `keys`. `below` lets a record meet only those indexed before it, so every pair comes once.
   */
  forEachCandidate(keys: ArrayLike<number>, below: number, visit: (slot: number) => void): void {
    const stamp = ++this.probe;
    const seen = this.seen;
    for (let k = 0; k < keys.length; k++) {
      const at = this.find(keys[k]!);
      if (at < 0) continue;
      const start = this.starts[at]!;
      const end = this.starts[at + 1]!;
      if (end - start > this.maxBlockSize) continue;
      for (let i = start; i < end; i++) {
        const slot = this.members[i]!;
        if (slot >= below) break;
        if (seen[slot] === stamp) continue;
        seen[slot] = stamp;
        visit(slot);
      }
    }
  }

  /** A key's slots, or null when it is capped or absent (for tests and diagnostics). */
  block(key: string): number[] | null {
    const at = this.find(hashKey(key));
    if (at < 0) return null;
    const start = this.starts[at]!;
    const end = this.starts[at + 1]!;
    if (end - start > this.maxBlockSize) return null;
    return Array.from(this.members.subarray(start, end));
  }

  stats(): BlockStats {
    return { ...this.counts };
  }
}
