import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Close API v1 on 127.0.0.1 for tests. It follows Close's shapes (developer.close.com):
 * HTTP Basic auth with the key as user name; `{ data, has_more }` lists; leads with nested
 * contacts, addresses and `custom.cf_…` fields; lead search with `query=` (`email_address:"…"`,
 * `custom.<field name>:"…"`, `name:"…"`); and Close's rate limiting: every answer carries
 * `RateLimit: limit=…, remaining=…, reset=…`, and past the limit it answers 429 with
 * `{ error: { rate_reset, rate_limit, rate_window, message } }`. It records every request, can be
 * told to fail, and calls a hook after each lead it creates (to stop a sync half-way).
 */

export interface FakeCloseContact {
  id: string;
  lead_id: string;
  name: string;
  title: string;
  emails: { email: string; type: string }[];
  phones: { phone: string; type: string }[];
  urls: { url: string; type: string }[];
}

export interface FakeCloseLead {
  id: string;
  name: string;
  url: string | null;
  status_label: string;
  addresses: Record<string, string>[];
  contacts: FakeCloseContact[];
  custom: Record<string, unknown>;
}

export interface FakeCloseField {
  id: string;
  name: string;
  type: string;
  accepts_multiple_values: boolean;
}

export interface CloseRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** Milliseconds since the server started. */
  at: number;
  /** For a 429: the seconds the client was told to wait. */
  reset?: number;
}

export interface CloseFault {
  method?: string;
  /** Applies to paths starting with this (after /api/v1). */
  path?: string;
  status: number;
  times?: number;
  /** Do the work (a create happens), then answer with `status` — or drop the connection if 0. */
  afterWork?: boolean;
}

export interface FakeCloseOptions {
  apiKey?: string;
  /** Requests allowed per window (all endpoints in one bucket); unlimited by default. */
  rateLimit?: { limit: number; windowMs: number };
  leads?: {
    name: string;
    url?: string;
    contacts?: Partial<Omit<FakeCloseContact, 'id' | 'lead_id'>>[];
    custom?: Record<string, unknown>;
  }[];
  fields?: { name: string; type: string; accepts_multiple_values?: boolean }[];
}

export class FakeClose {
  readonly requests: CloseRequest[] = [];
  readonly leads = new Map<string, FakeCloseLead>();
  readonly fields: FakeCloseField[] = [];
  /** Called after each lead is created, with how many the server has created so far. */
  onLeadCreated: ((created: number) => void) | null = null;
  leadsCreated = 0;
  private faults: (CloseFault & { times: number })[] = [];
  private forced: { times: number; reset: number }[] = [];
  private windowStart = 0;
  private windowCount = 0;
  private nextId = 1;
  private readonly started = performance.now();
  private readonly apiKey: string;

  private constructor(
    private readonly server: http.Server,
    private readonly options: FakeCloseOptions,
  ) {
    this.apiKey = options.apiKey ?? 'api_test_close_key';
    for (const f of options.fields ?? [])
      this.fields.push({
        id: this.id('cf'),
        name: f.name,
        type: f.type,
        accepts_multiple_values: Boolean(f.accepts_multiple_values),
      });
    for (const l of options.leads ?? []) {
      const lead = this.newLead({ name: l.name, url: l.url ?? null });
      for (const c of l.contacts ?? []) lead.contacts.push(this.newContact(lead.id, c));
      for (const [name, value] of Object.entries(l.custom ?? {})) {
        const field = this.fields.find((f) => f.name === name);
        if (field) lead.custom[field.id] = value;
      }
    }
    this.leadsCreated = 0;
  }

  static async start(options: FakeCloseOptions = {}): Promise<FakeClose> {
    const server = http.createServer();
    const fake = new FakeClose(server, options);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get key(): string {
    return this.apiKey;
  }

  /** The next `times` requests are refused with 429 and `reset` seconds to wait. */
  rateLimitNext(times: number, reset: number): void {
    this.forced.push({ times, reset });
  }

  inject(...faults: CloseFault[]): void {
    this.faults.push(...faults.map((f) => ({ ...f, times: f.times ?? 1 })));
  }

  count(method: string, pathPrefix: string, status?: number): number {
    return this.requests.filter(
      (r) =>
        r.method === method && r.path.startsWith(pathPrefix) && (status === undefined || r.status === status),
    ).length;
  }

  allContacts(): FakeCloseContact[] {
    return [...this.leads.values()].flatMap((l) => l.contacts);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private id(prefix: string): string {
    return `${prefix}_${String(this.nextId++).padStart(5, '0')}`;
  }

  private newLead(data: { name: string; url: string | null }): FakeCloseLead {
    const lead: FakeCloseLead = {
      id: this.id('lead'),
      name: data.name,
      url: data.url,
      status_label: 'Potential',
      addresses: [],
      contacts: [],
      custom: {},
    };
    this.leads.set(lead.id, lead);
    return lead;
  }

  private newContact(leadId: string, c: Partial<Omit<FakeCloseContact, 'id' | 'lead_id'>>): FakeCloseContact {
    return {
      id: this.id('cont'),
      lead_id: leadId,
      name: c.name ?? '',
      title: c.title ?? '',
      emails: c.emails ?? [],
      phones: c.phones ?? [],
      urls: c.urls ?? [],
    };
  }

  /** A lead as Close returns it: custom fields also flattened as `custom.cf_…`. */
  private view(lead: FakeCloseLead): Record<string, unknown> {
    const out: Record<string, unknown> = {
      ...lead,
      display_name: lead.name,
      contacts: lead.contacts.map((c) => ({ ...c })),
    };
    for (const [id, value] of Object.entries(lead.custom)) out[`custom.${id}`] = value;
    return out;
  }

  private matches(lead: FakeCloseLead, query: string): boolean {
    const m = /^([\w.]+):"((?:[^"\\]|\\.)*)"$/.exec(query.trim());
    if (!m) return false;
    const [, field, raw] = m as unknown as [string, string, string];
    const value = raw.replace(/\\(.)/g, '$1').toLowerCase();
    if (field === 'email_address')
      return lead.contacts.some((c) => c.emails.some((e) => e.email.toLowerCase() === value));
    if (field === 'name') return lead.name.toLowerCase().includes(value);
    if (field.startsWith('custom.')) {
      const def = this.fields.find((f) => f.name === field.slice(7));
      if (!def) return false;
      const stored = lead.custom[def.id];
      const values = Array.isArray(stored) ? stored : [stored];
      return values.some((v) => String(v).toLowerCase() === value);
    }
    return false;
  }

  private applyCustom(lead: FakeCloseLead, body: Record<string, unknown>): string | null {
    for (const [key, value] of Object.entries(body)) {
      if (!key.startsWith('custom.')) continue;
      const field = this.fields.find((f) => f.id === key.slice(7));
      if (!field) return `${key}: unknown custom field`;
      if (Array.isArray(value) && !field.accepts_multiple_values) return `${key}: this field takes one value`;
      if (value === null || (Array.isArray(value) && value.length === 0)) delete lead.custom[field.id];
      else lead.custom[field.id] = value;
    }
    return null;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const query = Object.fromEntries(url.searchParams.entries());
    const method = req.method ?? 'GET';
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    const record: CloseRequest = {
      method,
      path,
      query,
      body,
      status: 0,
      at: performance.now() - this.started,
    };
    this.requests.push(record);

    const limit = this.options.rateLimit;
    const now = performance.now();
    if (limit && now - this.windowStart >= limit.windowMs) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    const resetSeconds = limit ? Math.max(0, (this.windowStart + limit.windowMs - now) / 1000) : 0;
    const header = (remaining: number, reset: number) =>
      `limit=${limit?.limit ?? 1000}, remaining=${Math.max(0, remaining)}, reset=${reset.toFixed(3)}`;
    const reply = (status: number, payload: unknown, rateLimit?: string) => {
      record.status = status;
      if (res.destroyed) return;
      res.writeHead(status, {
        'content-type': 'application/json',
        ratelimit: rateLimit ?? header(limit ? limit.limit - this.windowCount : 999, resetSeconds),
      });
      res.end(JSON.stringify(payload));
    };

    const auth = req.headers.authorization ?? '';
    const decoded = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString() : '';
    if (decoded !== `${this.apiKey}:`) return reply(401, { error: 'The API key is invalid.' });

    const forced = this.forced[0];
    if (forced) {
      if (--forced.times <= 0) this.forced.shift();
      record.reset = forced.reset;
      return reply(
        429,
        {
          error: {
            rate_reset: forced.reset,
            rate_limit: limit?.limit ?? 1000,
            rate_window: 1,
            message: 'API call count exceeded',
          },
        },
        header(0, forced.reset),
      );
    }
    if (limit) {
      if (this.windowCount >= limit.limit) {
        record.reset = resetSeconds;
        return reply(
          429,
          {
            error: {
              rate_reset: resetSeconds,
              rate_limit: limit.limit,
              rate_window: limit.windowMs / 1000,
              message: `API call count exceeded for this ${limit.windowMs / 1000} second window`,
            },
          },
          header(0, resetSeconds),
        );
      }
      this.windowCount++;
    }

    const fault = this.faults.find(
      (f) => (!f.method || f.method === method) && (!f.path || path.startsWith(f.path)),
    );
    if (fault) {
      if (--fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      if (!fault.afterWork) return reply(fault.status, { error: `Injected ${fault.status}` });
    }
    const answer = (status: number, payload: unknown) => {
      if (fault?.afterWork) {
        if (fault.status === 0) {
          record.status = 0;
          res.destroy();
          return;
        }
        return reply(fault.status, { error: `Injected ${fault.status}` });
      }
      return reply(status, payload);
    };

    if (method === 'GET' && path === '/me/')
      return answer(200, {
        first_name: 'Sam',
        last_name: 'Seller',
        email: 'sam@seller.example',
        organizations: [{ id: 'orga_1', name: 'Seller Co' }],
      });
    if (path === '/custom_field/lead/') {
      if (method === 'GET') return answer(200, { data: this.fields, has_more: false });
      if (method === 'POST') {
        const b = body as { name?: string; type?: string; accepts_multiple_values?: boolean };
        if (!b?.name || !b.type) return answer(400, { 'field-errors': { name: 'required' } });
        if (this.fields.some((f) => f.name === b.name))
          return answer(400, { error: 'A field with this name exists.' });
        const field = {
          id: this.id('cf'),
          name: b.name,
          type: b.type,
          accepts_multiple_values: Boolean(b.accepts_multiple_values),
        };
        this.fields.push(field);
        return answer(200, field);
      }
    }
    if (path === '/lead/' && method === 'GET') {
      const found = [...this.leads.values()].filter((l) => !query.query || this.matches(l, query.query));
      const skip = Number(query._skip ?? 0);
      const take = Number(query._limit ?? 100);
      return answer(200, {
        data: found.slice(skip, skip + take).map((l) => this.view(l)),
        has_more: skip + take < found.length,
        total_results: found.length,
      });
    }
    if (path === '/lead/' && method === 'POST') {
      const b = body as Record<string, unknown>;
      if (typeof b.name !== 'string' || !b.name)
        return answer(400, { 'field-errors': { name: 'A lead needs a name.' } });
      const lead = this.newLead({ name: b.name, url: (b.url as string | null) ?? null });
      lead.status_label = (b.status_label as string) ?? 'Potential';
      lead.addresses = (b.addresses as Record<string, string>[]) ?? [];
      const problem = this.applyCustom(lead, b);
      if (problem) {
        this.leads.delete(lead.id);
        return answer(400, { 'field-errors': { custom: problem } });
      }
      for (const c of (b.contacts as Partial<FakeCloseContact>[]) ?? [])
        lead.contacts.push(this.newContact(lead.id, c));
      this.leadsCreated++;
      const result = answer(200, this.view(lead));
      this.onLeadCreated?.(this.leadsCreated);
      return result;
    }
    const leadPath = /^\/lead\/([^/]+)\/$/.exec(path);
    if (leadPath) {
      const lead = this.leads.get(leadPath[1]!);
      if (!lead) return answer(404, { error: 'Lead not found.' });
      if (method === 'GET') return answer(200, this.view(lead));
      if (method === 'PUT') {
        const b = body as Record<string, unknown>;
        if (typeof b.name === 'string') lead.name = b.name;
        const problem = this.applyCustom(lead, b);
        if (problem) return answer(400, { 'field-errors': { custom: problem } });
        return answer(200, this.view(lead));
      }
    }
    if (path === '/contact/' && method === 'POST') {
      const b = body as Partial<FakeCloseContact>;
      const lead = b.lead_id ? this.leads.get(b.lead_id) : undefined;
      if (!lead) return answer(400, { 'field-errors': { lead_id: 'Unknown lead.' } });
      const contact = this.newContact(lead.id, b);
      lead.contacts.push(contact);
      return answer(200, contact);
    }
    const contactPath = /^\/contact\/([^/]+)\/$/.exec(path);
    if (contactPath && method === 'PUT') {
      const contact = this.allContacts().find((c) => c.id === contactPath[1]);
      if (!contact) return answer(404, { error: 'Contact not found.' });
      Object.assign(contact, body, { id: contact.id, lead_id: contact.lead_id });
      return answer(200, contact);
    }
    return reply(404, { error: `No route ${method} ${path}` });
  }
}
