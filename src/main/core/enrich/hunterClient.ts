import type { z } from 'zod';
import { systemClock, type Clock } from '../clock';
import { backoffDelay, type BackoffOptions } from './backoff';
import { CircuitBreaker, type BreakerState } from './circuitBreaker';
import { HunterError, type HunterApiError } from './hunterErrors';
import {
  accountResponse,
  domainSearchResponse,
  emailFinderResponse,
  emailVerifierResponse,
  errorResponse,
  toDomainSearchResult,
  toEmailFinderResult,
  toEmailVerification,
  toHunterAccount,
  type DomainSearchResult,
  type EmailFinderResult,
  type EmailVerification,
  type HunterAccount,
} from './hunterTypes';
import { SlidingWindowLimiter, type RateWindow } from './rateLimiter';
import { realSleep, type Random, type Sleep } from './time';

export type HunterEndpoint = 'domain-search' | 'email-finder' | 'email-verifier' | 'account';

/** Hunter limits the verifier on its own; every other endpoint shares the general limit. */
export type HunterEndpointClass = 'general' | 'verifier';

export const endpointClass = (endpoint: HunterEndpoint): HunterEndpointClass =>
  endpoint === 'email-verifier' ? 'verifier' : 'general';

/** Hunter's published limits: 15/s and 500/min for most endpoints, 10/s and 300/min for the verifier. */
export const HUNTER_RATE_LIMITS: Record<HunterEndpointClass, readonly RateWindow[]> = {
  general: [
    { limit: 15, windowMs: 1000 },
    { limit: 500, windowMs: 60_000 },
  ],
  verifier: [
    { limit: 10, windowMs: 1000 },
    { limit: 300, windowMs: 60_000 },
  ],
};

export interface HunterRetryPolicy {
  /** Retries after a 5xx, a network error or a timeout. */
  maxRetries: number;
  backoff: BackoffOptions;
  /** Retries after a 403 (Hunter's "too fast"). */
  maxRateLimitRetries: number;
  rateLimitBackoff: BackoffOptions;
  /** Polls after a 202 from the verifier (its check is still running). */
  maxPendingPolls: number;
  pendingBackoff: BackoffOptions;
}

export const DEFAULT_RETRY_POLICY: HunterRetryPolicy = {
  maxRetries: 4,
  backoff: { baseMs: 500, maxMs: 8000 },
  maxRateLimitRetries: 5,
  rateLimitBackoff: { baseMs: 1000, maxMs: 16_000 },
  maxPendingPolls: 3,
  pendingBackoff: { baseMs: 2000, maxMs: 8000 },
};

export type HunterEvent =
  | { type: 'response'; endpoint: HunterEndpoint; status: number; ms: number }
  | { type: 'network_error'; endpoint: HunterEndpoint; message: string }
  | {
      type: 'retry';
      endpoint: HunterEndpoint;
      reason: 'rate_limited' | 'server' | 'network' | 'pending';
      attempt: number;
      delayMs: number;
    }
  | { type: 'breaker'; state: BreakerState };

export interface HunterClientOptions {
  /** The key, read from the keychain by the caller. Sent as the `X-API-KEY` header, never in a URL. */
  apiKey: string;
  /** `https://api.hunter.io` by default; tests point it at a fake server on 127.0.0.1. */
  baseUrl?: string;
  fetch?: typeof fetch;
  clock?: Clock;
  sleep?: Sleep;
  random?: Random;
  /** Per-class windows; Hunter's published limits by default. */
  limits?: Partial<Record<HunterEndpointClass, readonly RateWindow[]>>;
  /** Share limiters between clients that use the same key in one process. */
  limiters?: Partial<Record<HunterEndpointClass, SlidingWindowLimiter>>;
  /** Slack added to each window for network jitter (see SlidingWindowLimiter). */
  limitMarginMs?: number;
  retry?: Partial<HunterRetryPolicy>;
  breaker?: { failureThreshold?: number; coolDownMs?: number } | CircuitBreaker;
  /** One attempt's time limit. Hunter's verifier may take 20 s before it answers 202. */
  timeoutMs?: number;
  onEvent?: (event: HunterEvent) => void;
}

export interface DomainSearchParams {
  domain: string;
  /** `personal` by default: generic mailboxes (info@, sales@) are no one's work email. */
  type?: 'personal' | 'generic' | null;
  /** `executive,senior` by default: the above-the-line people we look for. */
  seniority?: readonly ('junior' | 'senior' | 'executive')[] | null;
  department?: readonly string[] | null;
  /** 10 by default: Hunter charges one search per ten emails returned. */
  limit?: number;
  offset?: number;
}

export interface EmailFinderParams {
  domain: string;
  firstName?: string;
  lastName?: string;
  fullName?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** What enrichment needs from Hunter; `HunterClient` is the real one. */
export interface HunterApi {
  domainSearch(params: DomainSearchParams, options?: CallOptions): Promise<DomainSearchResult>;
  emailFinder(params: EmailFinderParams, options?: CallOptions): Promise<EmailFinderResult>;
  emailVerifier(email: string, options?: CallOptions): Promise<EmailVerification>;
  account(options?: CallOptions): Promise<HunterAccount>;
}

/** Emails per credit in a domain search. */
export const EMAILS_PER_SEARCH_CREDIT = 10;

/**
 * A Hunter.io v2 client: every call waits its turn in a per-class rate limiter, retries 403s and
 * server failures with jittered exponential back-off, stops at once on 401 and 429, fails fast
 * while its circuit breaker is open, and gives up when the caller's signal aborts.
 */
export class HunterClient implements HunterApi {
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: Sleep;
  private readonly random: Random;
  private readonly retry: HunterRetryPolicy;
  private readonly limiters: Record<HunterEndpointClass, SlidingWindowLimiter>;
  readonly breaker: CircuitBreaker;
  private readonly timeoutMs: number;

  constructor(private readonly options: HunterClientOptions) {
    if (!options.apiKey) throw new HunterError('auth', 'No Hunter API key was given.');
    this.baseUrl = (options.baseUrl ?? 'https://api.hunter.io').replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? fetch;
    const clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 25_000;
    const makeLimiter = (c: HunterEndpointClass) =>
      options.limiters?.[c] ??
      new SlidingWindowLimiter({
        windows: options.limits?.[c] ?? HUNTER_RATE_LIMITS[c],
        marginMs: options.limitMarginMs ?? 50,
        clock,
        sleep: this.sleep,
      });
    this.limiters = { general: makeLimiter('general'), verifier: makeLimiter('verifier') };
    this.breaker =
      options.breaker instanceof CircuitBreaker
        ? options.breaker
        : new CircuitBreaker({
            failureThreshold: options.breaker?.failureThreshold ?? 5,
            coolDownMs: options.breaker?.coolDownMs ?? 30_000,
            clock,
            onStateChange: (state) => options.onEvent?.({ type: 'breaker', state }),
          });
  }

  async domainSearch(params: DomainSearchParams, options: CallOptions = {}): Promise<DomainSearchResult> {
    const query: Record<string, string> = {
      domain: params.domain,
      limit: String(params.limit ?? EMAILS_PER_SEARCH_CREDIT),
    };
    if (params.offset) query.offset = String(params.offset);
    const type = params.type === undefined ? 'personal' : params.type;
    if (type) query.type = type;
    const seniority = params.seniority === undefined ? ['executive', 'senior'] : params.seniority;
    if (seniority && seniority.length > 0) query.seniority = seniority.join(',');
    if (params.department && params.department.length > 0) query.department = params.department.join(',');
    const body = await this.call('domain-search', query, domainSearchResponse, options.signal);
    return toDomainSearchResult(settled(body, 'domain-search'));
  }

  async emailFinder(params: EmailFinderParams, options: CallOptions = {}): Promise<EmailFinderResult> {
    const query: Record<string, string> = { domain: params.domain };
    if (params.firstName && params.lastName) {
      query.first_name = params.firstName;
      query.last_name = params.lastName;
    } else if (params.fullName) {
      query.full_name = params.fullName;
    } else {
      throw new HunterError('bad_request', 'The email finder needs a first and last name, or a full name.');
    }
    const body = await this.call('email-finder', query, emailFinderResponse, options.signal);
    return toEmailFinderResult(settled(body, 'email-finder'));
  }

  async emailVerifier(email: string, options: CallOptions = {}): Promise<EmailVerification> {
    const body = await this.call('email-verifier', { email }, emailVerifierResponse, options.signal);
    if (body === null) {
      return {
        email: email.toLowerCase(),
        status: 'unknown',
        score: null,
        acceptAll: null,
        webmail: null,
        disposable: null,
        mxRecords: null,
        smtpCheck: null,
        pending: true,
      };
    }
    return toEmailVerification(body);
  }

  async account(options: CallOptions = {}): Promise<HunterAccount> {
    const body = await this.call('account', {}, accountResponse, options.signal);
    return toHunterAccount(settled(body, 'account'));
  }

  /**
   * One logical call: as many attempts as the retry policy allows. Resolves with the parsed body,
   * or null when Hunter kept answering 202 (the verifier's "still checking"); rejects with a
   * HunterError, or with the abort reason when the caller cancels.
   */
  private async call<S extends z.ZodType>(
    endpoint: HunterEndpoint,
    query: Record<string, string>,
    schema: S,
    signal: AbortSignal | undefined,
  ): Promise<z.infer<S> | null> {
    const url = new URL(`${this.baseUrl}/v2/${endpoint}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const limiter = this.limiters[endpointClass(endpoint)];
    let failures = 0;
    let rateLimited = 0;
    let pending = 0;

    for (;;) {
      signal?.throwIfAborted();
      if (this.breaker.current() === 'open') throw this.breakerOpen();
      const start = await limiter.acquire(signal);
      if (!this.breaker.tryPass()) {
        limiter.settle(start);
        throw this.breakerOpen();
      }

      const started = performance.now();
      let response: Response;
      let text: string;
      try {
        const attemptSignal = signal
          ? AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)])
          : AbortSignal.timeout(this.timeoutMs);
        response = await this.fetchFn(url, {
          headers: { 'X-API-KEY': this.options.apiKey, Accept: 'application/json' },
          signal: attemptSignal,
        });
        text = await response.text();
        // Hunter has seen it: its turn counts from its answer (see SlidingWindowLimiter.settle).
        limiter.settle(start);
      } catch (error) {
        limiter.settle(start);
        if (signal?.aborted) {
          this.breaker.release();
          throw signal?.reason ?? error;
        }
        this.breaker.failure();
        const message = error instanceof Error ? error.message : String(error);
        this.options.onEvent?.({ type: 'network_error', endpoint, message });
        if (failures >= this.retry.maxRetries || this.breaker.current() === 'open') {
          throw new HunterError('unavailable', `Hunter could not be reached: ${message}`);
        }
        await this.backOff(endpoint, 'network', failures++, this.retry.backoff, signal);
        continue;
      }
      const status = response.status;
      this.options.onEvent?.({ type: 'response', endpoint, status, ms: performance.now() - started });

      if (status >= 500) {
        this.breaker.failure();
        if (failures >= this.retry.maxRetries || this.breaker.current() === 'open') {
          throw new HunterError('unavailable', `Hunter answered ${status}.`, status, readErrors(text));
        }
        await this.backOff(endpoint, 'server', failures++, this.retry.backoff, signal);
        continue;
      }
      // Any answer below 500 means Hunter is up, whatever it thinks of this request.
      this.breaker.success();

      if (status === 202) {
        if (pending >= this.retry.maxPendingPolls) return null;
        await this.backOff(endpoint, 'pending', pending++, this.retry.pendingBackoff, signal);
        continue;
      }
      if (status >= 200 && status < 300) {
        const parsed = schema.safeParse(safeJson(text));
        if (!parsed.success) {
          throw new HunterError('bad_response', `Hunter's ${endpoint} answer could not be read.`, status);
        }
        return parsed.data;
      }
      const errors = readErrors(text);
      const details = errors[0]?.details || `HTTP ${status}`;
      if (status === 401)
        throw new HunterError('auth', `Hunter refused the API key: ${details}`, status, errors);
      if (status === 429)
        throw new HunterError('quota', `Hunter usage limit reached: ${details}`, status, errors);
      if (status === 403) {
        if (rateLimited >= this.retry.maxRateLimitRetries) {
          throw new HunterError(
            'rate_limited',
            `Hunter kept answering "too fast": ${details}`,
            status,
            errors,
          );
        }
        await this.backOff(endpoint, 'rate_limited', rateLimited++, this.retry.rateLimitBackoff, signal);
        continue;
      }
      throw new HunterError('bad_request', `Hunter refused the request: ${details}`, status, errors);
    }
  }

  private async backOff(
    endpoint: HunterEndpoint,
    reason: 'rate_limited' | 'server' | 'network' | 'pending',
    attempt: number,
    backoff: BackoffOptions,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const delayMs = backoffDelay(attempt, backoff, this.random);
    this.options.onEvent?.({ type: 'retry', endpoint, reason, attempt: attempt + 1, delayMs });
    await this.sleep(delayMs, signal);
  }

  private breakerOpen(): HunterError {
    const seconds = Math.ceil(this.breaker.retryInMs() / 1000);
    return new HunterError(
      'unavailable',
      `Hunter failed repeatedly, so calls are paused${seconds > 0 ? ` for ${seconds} s` : ''}.`,
    );
  }
}

function settled<T>(body: T | null, endpoint: HunterEndpoint): T {
  if (body === null)
    throw new HunterError('bad_response', `Hunter's ${endpoint} kept answering 202 (not ready).`, 202);
  return body;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readErrors(text: string): HunterApiError[] {
  const parsed = errorResponse.safeParse(safeJson(text));
  return parsed.success ? parsed.data.errors : [];
}
