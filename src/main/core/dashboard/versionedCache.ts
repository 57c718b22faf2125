import type { Db } from '../db/database';

/**
 * Figures kept while the data stands still: valid while `data_version` (another connection — a
 * job — committed) and `total_changes()` (this connection wrote) stay the same, as the records
 * table's QueryCache does. The dashboard reads every contact; going back to it, or switching a
 * chart, should not read them again.
 */
export class VersionedCache {
  private readonly entries = new Map<string, { version: string; value: unknown }>();

  constructor(private readonly size = 8) {}

  get<T>(db: Db, key: string, compute: () => T): T {
    const version = `${db.pragma('data_version', { simple: true }) as number}:${db.prepare('SELECT total_changes()').pluck().get() as number}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value as T;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

const caches = new WeakMap<Db, VersionedCache>();

/** The cache of one connection (the core worker's). */
export function cacheOf(db: Db): VersionedCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new VersionedCache()));
  return cache;
}
