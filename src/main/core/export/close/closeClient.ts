import { backoffDelay, type BackoffOptions } from '../../enrich/backoff';
import { realSleep, type Random, type Sleep } from '../../enrich/time';
import type { CloseContact, CloseCustomField, CloseLead, CloseList } from './closeTypes';

/** Why a Close call failed; `ambiguous_write` means a create may or may not have happened. */
export type CloseErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'bad_request'
  | 'rate_limited'
  | 'unavailable'
  | 'ambiguous_write'
  | 'bad_response';

export class CloseError extends Error {
  override readonly name = 'CloseError';
  constructor(
    readonly kind: CloseErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export type CloseEvent =
  | { type: 'response'; method: string; path: string; status: number }
  | { type: 'rate_limited'; waitMs: number }
  | { type: 'retry'; reason: 'server' | 'network'; attempt: number; delayMs: number };

export interface CloseClientOptions {
  /** From the keychain; sent as HTTP Basic auth (key as user name, no password), never in a URL. */
  apiKey: string;
  /** https://api.close.com by default; tests point it at a fake server on 127.0.0.1. */
  baseUrl?: string;
  fetch?: typeof fetch;
  sleep?: Sleep;
  random?: Random;
  /** Retries of a read or an update after a server error or a dropped connection. */
  maxRetries?: number;
  /** How many 429s in a row one request may meet before giving up. */
  maxRateLimitWaits?: number;
  backoff?: BackoffOptions;
  timeoutMs?: number;
  onEvent?: (event: CloseEvent) => void;
}

/** `RateLimit: limit=80, remaining=0, reset=1.5` (also the draft's `r=` and `t=`). */
export function parseRateLimit(header: string | null): {
  limit?: number;
  remaining?: number;
  reset?: number;
} {
  if (!header) return {};
  const out: { limit?: number; remaining?: number; reset?: number } = {};
  for (const part of header.split(/[,;]/)) {
    const [rawKey, rawValue] = part.split('=').map((s) => s.trim());
    const value = Number(rawValue);
    if (!rawKey || !Number.isFinite(value)) continue;
    const key = rawKey.toLowerCase();
    if (key === 'limit' || key === 'q') out.limit = value;
    else if (key === 'remaining' || key === 'r') out.remaining = value;
    else if (key === 'reset' || key === 't') out.reset = value;
  }
  return out;
}

const READ_FIELDS = 'id,name,display_name,url,addresses,contacts,custom';

type Method = 'GET' | 'POST' | 'PUT';

/**
 * A small Close REST API v1 client. It follows Close's rate-limit rule — on a 429, wait the
 * `reset` seconds the `RateLimit` header gives (or the body's `rate_reset`) and try again — and
 * also pauses by itself when a response says none are left. Reads and updates are retried after
 * a server error or a dropped connection; a create is not (Close has no idempotency key, so a
 * create that failed half-way may have happened): it fails with `ambiguous_write` and the sync
 * looks the lead up before trying again.
 */
export class CloseClient {
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: Sleep;
  private readonly random: Random;
  private readonly auth: string;
  private pauseUntil = 0;
  rateLimitWaits = 0;

  constructor(private readonly options: CloseClientOptions) {
    if (!options.apiKey)
      throw new CloseError('auth', 'No Close API key is saved. Add it in Settings → API keys.');
    this.baseUrl = (options.baseUrl ?? 'https://api.close.com').replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? fetch;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.auth = `Basic ${Buffer.from(`${options.apiKey}:`).toString('base64')}`;
  }

  me(signal?: AbortSignal): Promise<{
    first_name?: string;
    last_name?: string;
    email?: string;
    organizations?: { name: string }[];
  }> {
    return this.request('GET', '/me/', { signal });
  }

  async leadCustomFields(signal?: AbortSignal): Promise<CloseCustomField[]> {
    const out: CloseCustomField[] = [];
    for (let skip = 0; ; skip += 100) {
      const page = await this.request<CloseList<CloseCustomField>>('GET', '/custom_field/lead/', {
        query: { _skip: String(skip), _limit: '100' },
        signal,
      });
      out.push(...page.data);
      if (!page.has_more || page.data.length === 0) return out;
    }
  }

  createLeadCustomField(
    field: { name: string; type: 'text' | 'number'; accepts_multiple_values?: boolean },
    signal?: AbortSignal,
  ): Promise<CloseCustomField> {
    return this.request('POST', '/custom_field/lead/', { body: field, signal });
  }

  /** Leads matching a Close search query (`email_address:"a@b.com"`, `custom.linkedin_url:"…"`). */
  async searchLeads(query: string, signal?: AbortSignal): Promise<CloseLead[]> {
    const page = await this.request<CloseList<CloseLead>>('GET', '/lead/', {
      query: { query, _fields: READ_FIELDS, _limit: '25' },
      signal,
    });
    return page.data;
  }

  /** Every lead, page by page (for the fuzzy company match). */
  async *allLeads(signal?: AbortSignal): AsyncGenerator<CloseLead[]> {
    for (let skip = 0; ; skip += 100) {
      const page = await this.request<CloseList<CloseLead>>('GET', '/lead/', {
        query: { _fields: READ_FIELDS, _skip: String(skip), _limit: '100' },
        signal,
      });
      yield page.data;
      if (!page.has_more || page.data.length === 0) return;
    }
  }

  getLead(id: string, signal?: AbortSignal): Promise<CloseLead> {
    return this.request('GET', `/lead/${encodeURIComponent(id)}/`, {
      query: { _fields: READ_FIELDS },
      signal,
    });
  }

  createLead(body: Record<string, unknown>, signal?: AbortSignal): Promise<CloseLead> {
    return this.request('POST', '/lead/', { body, signal });
  }

  updateLead(id: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<CloseLead> {
    return this.request('PUT', `/lead/${encodeURIComponent(id)}/`, { body, signal });
  }

  createContact(body: Record<string, unknown>, signal?: AbortSignal): Promise<CloseContact> {
    return this.request('POST', '/contact/', { body, signal });
  }

  updateContact(id: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<CloseContact> {
    return this.request('PUT', `/contact/${encodeURIComponent(id)}/`, { body, signal });
  }

  private async request<T>(
    method: Method,
    path: string,
    options: { query?: Record<string, string>; body?: unknown; signal?: AbortSignal },
  ): Promise<T> {
    const url = new URL(`${this.baseUrl}/api/v1${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const { signal } = options;
    const maxRetries = this.options.maxRetries ?? 4;
    const backoff = this.options.backoff ?? { baseMs: 500, maxMs: 8000 };
    let failures = 0;
    let waits = 0;
    for (;;) {
      signal?.throwIfAborted();
      const pause = this.pauseUntil - Date.now();
      if (pause > 0) await this.sleep(pause, signal);

      let response: Response;
      let text: string;
      try {
        const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
        response = await this.fetchFn(url, {
          method,
          headers: {
            Authorization: this.auth,
            Accept: 'application/json',
            ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        text = await response.text();
      } catch (error) {
        if (signal?.aborted) throw signal.reason ?? error;
        const message = error instanceof Error ? error.message : String(error);
        if (method === 'POST')
          throw new CloseError(
            'ambiguous_write',
            `The connection to Close broke during a create: ${message}`,
          );
        if (failures >= maxRetries)
          throw new CloseError('unavailable', `Close could not be reached: ${message}`);
        await this.backOff('network', failures++, backoff, signal);
        continue;
      }
      const status = response.status;
      this.options.onEvent?.({ type: 'response', method, path, status });
      const limit = parseRateLimit(response.headers.get('ratelimit'));
      if (limit.remaining === 0 && limit.reset !== undefined)
        this.pauseUntil = Math.max(this.pauseUntil, Date.now() + limit.reset * 1000);

      if (status === 429) {
        // Refused, not done: trying again is safe for every method.
        if (waits >= (this.options.maxRateLimitWaits ?? 10))
          throw new CloseError(
            'rate_limited',
            'Close kept answering “too many requests”; try again later.',
            429,
          );
        const waitMs = Math.ceil(resetSeconds(limit.reset, text, response.headers.get('retry-after')) * 1000);
        this.rateLimitWaits++;
        waits++;
        this.options.onEvent?.({ type: 'rate_limited', waitMs });
        this.pauseUntil = Math.max(this.pauseUntil, Date.now() + waitMs);
        continue;
      }
      if (status >= 500) {
        if (method === 'POST')
          throw new CloseError(
            'ambiguous_write',
            `Close answered ${status} to a create; it may have happened.`,
            status,
          );
        if (failures >= maxRetries) throw new CloseError('unavailable', `Close answered ${status}.`, status);
        await this.backOff('server', failures++, backoff, signal);
        continue;
      }
      if (status >= 200 && status < 300) {
        try {
          return JSON.parse(text) as T;
        } catch {
          throw new CloseError(
            'bad_response',
            `Close's answer to ${method} ${path} could not be read.`,
            status,
          );
        }
      }
      const detail = errorDetail(text);
      if (status === 401) throw new CloseError('auth', `Close refused the API key${detail}.`, status);
      if (status === 403)
        throw new CloseError('forbidden', `Close did not allow ${method} ${path}${detail}.`, status);
      if (status === 404) throw new CloseError('not_found', `Close has no ${path}${detail}.`, status);
      throw new CloseError('bad_request', `Close refused ${method} ${path}${detail}.`, status);
    }
  }

  private async backOff(
    reason: 'server' | 'network',
    attempt: number,
    options: BackoffOptions,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const delayMs = backoffDelay(attempt, options, this.random);
    this.options.onEvent?.({ type: 'retry', reason, attempt, delayMs });
    await this.sleep(delayMs, signal);
  }
}

/** Seconds to wait after a 429: the header's reset, else the body's rate_reset, else Retry-After, else 1. */
function resetSeconds(headerReset: number | undefined, body: string, retryAfter: string | null): number {
  if (headerReset !== undefined && headerReset >= 0) return headerReset;
  try {
    const parsed = JSON.parse(body) as { error?: { rate_reset?: unknown } };
    const reset = Number(parsed.error?.rate_reset);
    if (Number.isFinite(reset) && reset >= 0) return reset;
  } catch {
    // not JSON
  }
  const after = Number(retryAfter);
  return Number.isFinite(after) && after >= 0 ? after : 1;
}

/** Close's error text (`error`, `errors`, `field-errors`), short, for the message. */
function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as {
      error?: unknown;
      errors?: unknown[];
      'field-errors'?: Record<string, unknown>;
    };
    const parts: string[] = [];
    if (typeof body.error === 'string') parts.push(body.error);
    if (Array.isArray(body.errors)) parts.push(...body.errors.map(String));
    if (body['field-errors'])
      parts.push(...Object.entries(body['field-errors']).map(([k, v]) => `${k}: ${String(v)}`));
    return parts.length ? `: ${parts.join('; ').slice(0, 300)}` : '';
  } catch {
    return '';
  }
}
