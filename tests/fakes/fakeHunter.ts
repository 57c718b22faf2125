import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Hunter.io API v2 on 127.0.0.1 for tests and the benchmark. It follows Hunter's shapes
 * (`{ data, meta }` and `{ errors: [{ id, code, details }] }`), knows a seeded set of companies and
 * their people, enforces Hunter's published rate limits on arrival (403 when exceeded), charges a
 * plan's searches and verifications (429 when they are used up), can be told to fail or be slow,
 * and records every request so a test can count what was spent.
 */

export type FakeEndpoint = 'domain-search' | 'email-finder' | 'email-verifier' | 'account';
type VerificationStatus = 'valid' | 'invalid' | 'accept_all' | 'webmail' | 'disposable' | 'unknown';

export interface FakePerson {
  firstName: string;
  lastName: string;
  email: string;
  position?: string;
  seniority?: 'executive' | 'senior' | 'junior' | null;
  department?: string | null;
  type?: 'personal' | 'generic';
  confidence?: number;
  verification?: VerificationStatus | null;
}

export interface FakeCompany {
  domain: string;
  organization?: string;
  /** Hunter's template for the domain, e.g. `{first}.{last}`; null if Hunter does not know it. */
  pattern?: string | null;
  acceptAll?: boolean;
  people: FakePerson[];
  /** Mailboxes that exist besides the people's (the verifier says `valid` for them). */
  mailboxes?: string[];
}

export interface Fault {
  status: number;
  /** Only for this endpoint; any when omitted. */
  endpoint?: FakeEndpoint;
  /** How many requests it applies to; 1 by default. */
  times?: number;
  /** Extra delay before answering (with status 200 and `slowOnly`, a slow but good answer). */
  delayMs?: number;
  slowOnly?: boolean;
}

export interface RecordedRequest {
  endpoint: FakeEndpoint | 'unknown';
  params: Record<string, string>;
  status: number;
  /** Milliseconds since the server started, when the request arrived. */
  at: number;
  /** What the request cost the plan. */
  charged: { searches: number; verifications: number };
}

export interface FakeHunterOptions {
  apiKey?: string;
  companies?: FakeCompany[];
  latencyMs?: number;
  /** Enforce Hunter's limits (15/s and 500/min; verifier 10/s and 300/min). On by default. */
  rateLimits?: boolean;
  plan?: { searches: number; verifications: number };
  webmailDomains?: string[];
}

const LIMITS = {
  general: [
    { limit: 15, windowMs: 1000 },
    { limit: 500, windowMs: 60_000 },
  ],
  verifier: [
    { limit: 10, windowMs: 1000 },
    { limit: 300, windowMs: 60_000 },
  ],
};

export class FakeHunter {
  readonly requests: RecordedRequest[] = [];
  readonly companies = new Map<string, FakeCompany>();
  latencyMs: number;
  rateLimits: boolean;
  readonly plan: { searches: number; verifications: number };
  readonly used = { searches: 0, verifications: 0 };
  private faults: Fault[] = [];
  private readonly accepted: Record<'general' | 'verifier', number[]> = { general: [], verifier: [] };
  private readonly started = performance.now();
  private readonly apiKey: string;
  private readonly webmail: Set<string>;

  private constructor(
    private readonly server: http.Server,
    options: FakeHunterOptions,
  ) {
    this.apiKey = options.apiKey ?? 'test-key';
    this.latencyMs = options.latencyMs ?? 0;
    this.rateLimits = options.rateLimits ?? true;
    this.plan = { ...(options.plan ?? { searches: 100_000, verifications: 100_000 }) };
    this.webmail = new Set(
      options.webmailDomains ?? ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com'],
    );
    for (const c of options.companies ?? []) this.companies.set(c.domain.toLowerCase(), c);
  }

  static async start(options: FakeHunterOptions = {}): Promise<FakeHunter> {
    const server = http.createServer();
    const fake = new FakeHunter(server, options);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queue faults; each applies to the next `times` matching requests. */
  inject(...faults: Fault[]): void {
    this.faults.push(...faults.map((f) => ({ ...f, times: f.times ?? 1 })));
  }

  clearFaults(): void {
    this.faults = [];
  }

  count(endpoint?: FakeEndpoint, status?: number): number {
    return this.requests.filter(
      (r) => (!endpoint || r.endpoint === endpoint) && (!status || r.status === status),
    ).length;
  }

  /** Credits the plan was charged, in all. */
  charged(kind: 'searches' | 'verifications'): number {
    return this.requests.reduce((n, r) => n + r.charged[kind], 0);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private now(): number {
    return performance.now() - this.started;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = this.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const endpoint = endpointOf(url.pathname);
    const params = Object.fromEntries(url.searchParams.entries());
    const record: RecordedRequest = {
      endpoint,
      params: { ...params, api_key: params.api_key ? '…' : '' },
      status: 0,
      at,
      charged: { searches: 0, verifications: 0 },
    };
    if (!record.params.api_key) delete record.params.api_key;
    this.requests.push(record);

    const reply = async (status: number, body: unknown, extraDelay = 0) => {
      record.status = status;
      const wait = this.latencyMs + extraDelay;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, id: string, details: string, extraDelay = 0) =>
      reply(status, { errors: [{ id, code: status, details }] }, extraDelay);

    if (endpoint === 'unknown') return error(404, 'not_found', 'This route does not exist.');
    const key =
      req.headers['x-api-key'] ?? params.api_key ?? req.headers.authorization?.replace(/^Bearer /, '');
    if (key !== this.apiKey)
      return error(401, 'authentication_failed', 'No user found for the API key supplied');

    const fault = this.takeFault(endpoint);
    if (fault && !fault.slowOnly) {
      const ids: Record<number, string> = {
        403: 'too_many_requests',
        429: 'too_many_requests',
        401: 'authentication_failed',
      };
      if (fault.status === 202) return reply(202, { data: null }, fault.delayMs);
      return error(
        fault.status,
        ids[fault.status] ?? 'server_error',
        `Injected ${fault.status}.`,
        fault.delayMs,
      );
    }
    const extraDelay = fault?.delayMs ?? 0;

    if (this.rateLimits && !this.admit(endpoint === 'email-verifier' ? 'verifier' : 'general', at)) {
      return error(
        403,
        'too_many_requests',
        'You have reached the rate limit for this endpoint.',
        extraDelay,
      );
    }

    switch (endpoint) {
      case 'account':
        return reply(200, this.account(), extraDelay);
      case 'domain-search': {
        if (!params.domain && !params.company)
          return error(400, 'wrong_params', 'You are missing the domain parameter');
        if (this.used.searches >= this.plan.searches) {
          return error(429, 'too_many_requests', 'You have reached your monthly usage limit.', extraDelay);
        }
        const body = this.domainSearch(params);
        this.used.searches++;
        record.charged.searches = 1;
        return reply(200, body, extraDelay);
      }
      case 'email-finder': {
        if (!params.domain || !(params.full_name || (params.first_name && params.last_name))) {
          return error(400, 'wrong_params', 'You are missing the domain or name parameters');
        }
        if (this.used.searches >= this.plan.searches) {
          return error(429, 'too_many_requests', 'You have reached your monthly usage limit.', extraDelay);
        }
        const body = this.emailFinder(params);
        if (body.data.email) {
          this.used.searches++;
          record.charged.searches = 1;
        }
        return reply(200, body, extraDelay);
      }
      case 'email-verifier': {
        if (!params.email) return error(400, 'wrong_params', 'You are missing the email parameter');
        if (this.used.verifications >= this.plan.verifications) {
          return error(429, 'too_many_requests', 'You have reached your monthly usage limit.', extraDelay);
        }
        this.used.verifications++;
        record.charged.verifications = 1;
        return reply(200, this.emailVerifier(params.email), extraDelay);
      }
    }
  }

  private takeFault(endpoint: FakeEndpoint): Fault | null {
    const fault = this.faults.find((f) => !f.endpoint || f.endpoint === endpoint);
    if (!fault) return null;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  /** Sliding windows over accepted arrivals, as strict as Hunter can be. */
  private admit(kind: 'general' | 'verifier', at: number): boolean {
    const stamps = this.accepted[kind];
    while (stamps.length > 0 && stamps[0]! <= at - 60_000) stamps.shift();
    for (const w of LIMITS[kind]) {
      let inside = 0;
      for (let i = stamps.length - 1; i >= 0 && stamps[i]! > at - w.windowMs; i--) inside++;
      if (inside >= w.limit) return false;
    }
    stamps.push(at);
    return true;
  }

  private account() {
    return {
      data: {
        first_name: 'Test',
        last_name: 'Seller',
        email: 'seller@example.com',
        plan_name: 'Starter',
        plan_level: 1,
        reset_date: '2025-07-01',
        team_id: 1,
        calls: { _deprecation_notice: 'Sums the searches and verifications', used: 0, available: 0 },
        requests: {
          searches: { used: this.used.searches, available: this.plan.searches },
          verifications: { used: this.used.verifications, available: this.plan.verifications },
        },
      },
    };
  }

  private domainSearch(params: Record<string, string>) {
    const domain = (params.domain ?? '').toLowerCase();
    const company = this.companies.get(domain);
    const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()) : null);
    const seniority = list(params.seniority);
    const department = list(params.department);
    const people = (company?.people ?? []).filter(
      (p) =>
        (!params.type || (p.type ?? 'personal') === params.type) &&
        (!seniority || (p.seniority != null && seniority.includes(p.seniority))) &&
        (!department || (p.department != null && department.includes(p.department))),
    );
    const limit = Math.min(100, Number(params.limit ?? 10));
    const offset = Number(params.offset ?? 0);
    return {
      data: {
        domain,
        disposable: false,
        webmail: this.webmail.has(domain),
        accept_all: company?.acceptAll ?? false,
        pattern: company?.pattern ?? null,
        organization: company?.organization ?? null,
        description: null,
        industry: null,
        twitter: null,
        facebook: null,
        linkedin: null,
        country: 'US',
        state: null,
        city: null,
        emails: people.slice(offset, offset + limit).map((p) => ({
          value: p.email,
          type: p.type ?? 'personal',
          confidence: p.confidence ?? 90,
          sources: [
            {
              domain,
              uri: `http://${domain}/team`,
              extracted_on: '2025-01-10',
              last_seen_on: '2025-05-01',
              still_on_page: true,
            },
          ],
          first_name: p.firstName,
          last_name: p.lastName,
          position: p.position ?? null,
          position_raw: p.position ?? null,
          seniority: p.seniority ?? null,
          department: p.department ?? null,
          linkedin: null,
          twitter: null,
          phone_number: null,
          verification:
            p.verification === null ? null : { date: '2025-05-01', status: p.verification ?? 'valid' },
        })),
        linked_domains: [],
      },
      meta: {
        results: people.length,
        limit,
        offset,
        params: {
          domain,
          company: null,
          type: params.type ?? null,
          seniority: params.seniority ?? null,
          department: params.department ?? null,
        },
      },
    };
  }

  private emailFinder(params: Record<string, string>) {
    const domain = params.domain!.toLowerCase();
    const company = this.companies.get(domain);
    const [first, last] = params.full_name
      ? [params.full_name.split(' ')[0]!, params.full_name.split(' ').slice(-1)[0]!]
      : [params.first_name!, params.last_name!];
    const person = company?.people.find(
      (p) =>
        p.firstName.toLowerCase() === first.toLowerCase() && p.lastName.toLowerCase() === last.toLowerCase(),
    );
    const guessed =
      !person && company?.pattern
        ? `${company.pattern
            .replace('{first}', first.toLowerCase())
            .replace('{last}', last.toLowerCase())
            .replace('{f}', first.charAt(0).toLowerCase())
            .replace('{l}', last.charAt(0).toLowerCase())}@${domain}`
        : null;
    return {
      data: {
        first_name: first,
        last_name: last,
        email: person?.email ?? guessed,
        score: person ? (person.confidence ?? 90) : guessed ? 45 : null,
        domain,
        accept_all: company?.acceptAll ?? false,
        position: person?.position ?? null,
        twitter: null,
        linkedin_url: null,
        phone_number: null,
        company: company?.organization ?? null,
        sources: [],
        verification: person ? { date: '2025-05-01', status: person.verification ?? 'valid' } : null,
      },
      meta: { params: { first_name: first, last_name: last, full_name: params.full_name ?? null, domain } },
    };
  }

  private emailVerifier(email: string) {
    const address = email.toLowerCase();
    const domain = address.slice(address.indexOf('@') + 1);
    const company = this.companies.get(domain);
    const exists =
      company?.people.some((p) => p.email.toLowerCase() === address) || company?.mailboxes?.includes(address);
    let status: VerificationStatus;
    if (this.webmail.has(domain)) status = 'webmail';
    else if (!company) status = 'unknown';
    else if (company.acceptAll) status = 'accept_all';
    else status = exists ? 'valid' : 'invalid';
    const score = { valid: 96, invalid: 3, accept_all: 68, webmail: 70, disposable: 10, unknown: 40 }[status];
    return {
      data: {
        status,
        result: status === 'valid' ? 'deliverable' : status === 'invalid' ? 'undeliverable' : 'risky',
        _deprecation_notice: 'Using result is deprecated, use status instead',
        score,
        email: address,
        regexp: true,
        gibberish: false,
        disposable: false,
        webmail: status === 'webmail',
        mx_records: company !== undefined,
        smtp_server: company !== undefined,
        smtp_check: status === 'valid',
        accept_all: status === 'accept_all',
        block: false,
        sources: [],
      },
      meta: { params: { email: address } },
    };
  }
}

function endpointOf(pathname: string): FakeEndpoint | 'unknown' {
  const m = /^\/v2\/(domain-search|email-finder|email-verifier|account)\/?$/.exec(pathname);
  return m ? (m[1] as FakeEndpoint) : 'unknown';
}
