import type { Db } from '../db/database';

/**
 * The ordered ids of a table query, kept while the data stays the same, so scrolling a 250,000-row
 * table asks SQLite to filter and sort once, then only reads the rows on screen. The cache is
 * valid while both counters stand still: `data_version` moves when another connection (a job)
 * commits, `total_changes()` when this one writes — no write path has to remember to clear it.
 */
export class QueryCache {
  private readonly entries = new Map<string, { version: string; ids: Int32Array }>();

  constructor(
    private readonly db: Db,
    private readonly size = 6,
  ) {}

  private version(): string {
    const data = this.db.pragma('data_version', { simple: true }) as number;
    const changes = this.db.prepare('SELECT total_changes()').pluck().get() as number;
    return `${data}:${changes}`;
  }

  ids(key: string, compute: () => number[]): Int32Array {
    const version = this.version();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Most recently used last, so the oldest is dropped first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.ids;
    }
    const ids = Int32Array.from(compute());
    this.entries.set(key, { version, ids });
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return ids;
  }
}
