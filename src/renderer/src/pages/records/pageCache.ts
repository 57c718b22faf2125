/**
 * The pages of one query (filter + sort) of a large table, as the records tables keep them: at
 * most `maxPages` fresh pages, the least recently read dropped first, so scrolling through 250,000
 * rows keeps a few thousand in memory rather than all of them. After a data change the pages shown
 * so far stay readable as stale ones until fresh ones replace them, so a refresh never flashes an
 * empty table; they are bounded the same way and each goes as soon as its fresh page arrives.
 */
export class PageCache<T> {
  private readonly pages = new Map<number, T[]>();
  private readonly loading = new Set<number>();

  private constructor(
    readonly key: string,
    private readonly stale: Map<number, T[]>,
    readonly maxPages: number,
  ) {}

  static empty<T>(maxPages: number): PageCache<T> {
    return new PageCache<T>('', new Map(), maxPages);
  }

  /** The same table started over for `key`; with `keepShown`, what it held stays readable as stale. */
  restart(key: string, keepShown: boolean): PageCache<T> {
    const stale = new Map<number, T[]>();
    if (keepShown) {
      // Most recently read last (a Map keeps insertion order): the newest `maxPages` are kept.
      const shown = [...this.stale, ...this.pages];
      for (const [page, rows] of shown.slice(-this.maxPages)) stale.set(page, rows);
    }
    // A new object: answers to the old query's requests see it is no longer current and are dropped.
    return new PageCache<T>(key, stale, this.maxPages);
  }

  /** A fresh page, marked as just read; undefined when it must be fetched. */
  fresh(page: number): T[] | undefined {
    const rows = this.pages.get(page);
    // A table reads a page's rows one after another: move it to the newest end once, not per row.
    if (rows !== undefined && page !== this.lastRead) {
      this.pages.delete(page);
      this.pages.set(page, rows);
      this.lastRead = page;
    }
    return rows;
  }
  private lastRead = -1;

  /** A page from before the data change, while its fresh one is on its way. */
  staleRows(page: number): T[] | undefined {
    return this.stale.get(page);
  }

  /** Whether a page needs asking for (neither here nor on its way); if so, it is now on its way. */
  claim(page: number): boolean {
    if (this.pages.has(page) || this.loading.has(page)) return false;
    this.loading.add(page);
    return true;
  }

  /** A page arrived (or failed: `rows` null, so it can be asked for again). */
  store(page: number, rows: T[] | null): void {
    this.loading.delete(page);
    if (rows === null) return;
    this.pages.set(page, rows);
    this.lastRead = -1;
    this.stale.delete(page);
    while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value!);
  }

  /** Pages held, fresh and stale (for tests). */
  get size(): { fresh: number; stale: number } {
    return { fresh: this.pages.size, stale: this.stale.size };
  }
}
