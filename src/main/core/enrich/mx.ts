import { promises as dns } from 'node:dns';
import { systemClock, type Clock } from '../clock';
import { abortError } from './time';

export type MxStatus = 'present' | 'absent' | 'nxdomain';

/** One domain's MX answer, as cached. `hosts` are the exchanges, most preferred first. */
export interface MxRecord {
  domain: string;
  status: MxStatus;
  hosts: string[];
  /** ISO time of the lookup; the cache entry is good for `ttlMs` after it. */
  checkedAt: string;
}

/** A failed lookup (timeout, SERVFAIL, refused): never cached, so the next run asks again. */
export interface MxFailure {
  domain: string;
  status: 'error';
  code: string;
}

export type MxResult = MxRecord | MxFailure;

/** Where MX answers are kept between runs; the lead backs it with a table (24 h is enforced here). */
export interface MxCache {
  get(domain: string): MxRecord | undefined | Promise<MxRecord | undefined>;
  set(domain: string, record: MxRecord): void | Promise<void>;
}

export class InMemoryMxCache implements MxCache {
  readonly entries = new Map<string, MxRecord>();
  get(domain: string): MxRecord | undefined {
    return this.entries.get(domain);
  }
  set(domain: string, record: MxRecord): void {
    this.entries.set(domain, record);
  }
}

/** The one call we make on a resolver; node:dns's `Resolver` has it. */
export interface MxResolver {
  resolveMx(hostname: string): Promise<{ exchange: string; priority: number }[]>;
}

export interface MxLookupOptions {
  /** DNS servers ("127.0.0.1:5353"); the system's when omitted. */
  servers?: string[];
  /** A resolver of your own instead of node:dns (e.g. a fake in a test). */
  resolver?: MxResolver;
  cache?: MxCache;
  clock?: Clock;
  /** 24 hours by default. */
  ttlMs?: number;
  /** Per query try; c-ares retries `tries` times. */
  timeoutMs?: number;
  tries?: number;
}

export interface MxLookupApi {
  lookup(domain: string, signal?: AbortSignal): Promise<MxResult>;
}

export const MX_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * MX lookups through node:dns with a 24-hour cache. NXDOMAIN and "no MX" are answers and are
 * cached; timeouts and server failures are not. A null MX (RFC 7505: one record pointing at ".")
 * means the domain takes no mail and reads as `absent`. Lookups of the same domain at the same time
 * share one query.
 */
export class MxLookup implements MxLookupApi {
  private readonly resolver: MxResolver;
  private readonly cache: MxCache;
  private readonly clock: Clock;
  private readonly ttlMs: number;
  private readonly inFlight = new Map<string, Promise<MxResult>>();
  /** Queries that reached DNS (not the cache); for tests and the run summary. */
  queries = 0;

  constructor(options: MxLookupOptions = {}) {
    if (options.resolver) {
      this.resolver = options.resolver;
    } else {
      const resolver = new dns.Resolver({ timeout: options.timeoutMs ?? 2500, tries: options.tries ?? 2 });
      if (options.servers) resolver.setServers(options.servers);
      this.resolver = resolver;
    }
    this.cache = options.cache ?? new InMemoryMxCache();
    this.clock = options.clock ?? systemClock;
    this.ttlMs = options.ttlMs ?? MX_TTL_MS;
  }

  async lookup(domain: string, signal?: AbortSignal): Promise<MxResult> {
    signal?.throwIfAborted();
    const key = domain.trim().toLowerCase().replace(/\.$/, '');
    const cached = await this.cache.get(key);
    signal?.throwIfAborted();
    if (cached && this.clock.now().getTime() - Date.parse(cached.checkedAt) < this.ttlMs) return cached;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.query(key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    if (!signal) return pending;
    // The query itself cannot be cancelled alone (Resolver.cancel stops every query), so a
    // cancelled caller stops waiting and the answer still lands in the cache.
    return new Promise<MxResult>((resolve, reject) => {
      const onAbort = () => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(
        (r) => {
          signal.removeEventListener('abort', onAbort);
          resolve(r);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  private async query(domain: string): Promise<MxResult> {
    this.queries++;
    let record: MxRecord;
    try {
      const answers = await this.resolver.resolveMx(domain);
      const hosts = answers
        .filter((a) => a.exchange !== '' && a.exchange !== '.')
        .sort((a, b) => a.priority - b.priority)
        .map((a) => a.exchange.toLowerCase());
      record = this.record(domain, hosts.length > 0 ? 'present' : 'absent', hosts);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ENODATA') record = this.record(domain, 'absent', []);
      else if (code === 'ENOTFOUND') record = this.record(domain, 'nxdomain', []);
      else return { domain, status: 'error', code: typeof code === 'string' ? code : 'EUNKNOWN' };
    }
    await this.cache.set(domain, record);
    return record;
  }

  private record(domain: string, status: MxStatus, hosts: string[]): MxRecord {
    return { domain, status, hosts, checkedAt: this.clock.now().toISOString() };
  }
}
