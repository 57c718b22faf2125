import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { backoffBounds } from '../../../src/main/core/enrich/backoff';
import {
  DEFAULT_RETRY_POLICY,
  HunterClient,
  type HunterClientOptions,
} from '../../../src/main/core/enrich/hunterClient';
import { HunterError, hunterErrorToAppFailure } from '../../../src/main/core/enrich/hunterErrors';
import { FakeHunter, type FakeCompany } from '../../fakes/fakeHunter';
import { FakeTime, seededRandom } from '../../fakes/fakeTime';

const ACME: FakeCompany = {
  domain: 'acme.com',
  organization: 'Acme Roofing',
  pattern: '{first}.{last}',
  people: [
    {
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane.doe@acme.com',
      position: 'CEO',
      seniority: 'executive',
      department: 'executive',
      confidence: 97,
    },
    {
      firstName: 'Sam',
      lastName: 'Lee',
      email: 'sam.lee@acme.com',
      position: 'VP Sales',
      seniority: 'senior',
      department: 'sales',
      confidence: 88,
      verification: 'accept_all',
    },
    {
      firstName: 'Tim',
      lastName: 'Intern',
      email: 'tim.intern@acme.com',
      seniority: 'junior',
      confidence: 70,
    },
    { firstName: 'Info', lastName: 'Desk', email: 'info@acme.com', type: 'generic', seniority: 'executive' },
  ],
};

describe('the Hunter client', () => {
  let hunter: FakeHunter;
  let time: FakeTime;
  beforeAll(async () => {
    hunter = await FakeHunter.start({ companies: [ACME], plan: { searches: 25, verifications: 50 } });
  });
  afterAll(() => hunter.close());
  afterEach(() => {
    hunter.clearFaults();
    hunter.requests.length = 0;
  });

  const client = (options: Partial<HunterClientOptions> = {}) => {
    time = new FakeTime();
    return new HunterClient({
      apiKey: 'test-key',
      baseUrl: hunter.url,
      clock: time,
      sleep: time.sleep,
      random: seededRandom(1),
      ...options,
    });
  };

  describe('reads each endpoint', () => {
    it('domain search: executives and seniors, personal addresses, key in a header', async () => {
      const result = await client().domainSearch({ domain: 'ACME.com' });
      const sent = hunter.requests[0]!;
      expect(sent.params).toEqual({
        domain: 'ACME.com',
        limit: '10',
        type: 'personal',
        seniority: 'executive,senior',
      });
      expect(result).toMatchObject({
        domain: 'acme.com',
        organization: 'Acme Roofing',
        pattern: '{first}.{last}',
      });
      expect(result.acceptAll).toBe(false);
      expect(result.totalResults).toBe(2);
      expect(result.emails).toEqual([
        {
          value: 'jane.doe@acme.com',
          type: 'personal',
          confidence: 97,
          firstName: 'Jane',
          lastName: 'Doe',
          position: 'CEO',
          seniority: 'executive',
          department: 'executive',
          linkedin: null,
          verification: { date: '2025-05-01', status: 'valid' },
        },
        expect.objectContaining({
          value: 'sam.lee@acme.com',
          verification: { date: '2025-05-01', status: 'accept_all' },
        }),
      ]);
      const sales = await client().domainSearch({
        domain: 'acme.com',
        department: ['sales'],
        seniority: null,
      });
      expect(sales.emails.map((e) => e.value)).toEqual(['sam.lee@acme.com']);
      expect(hunter.requests[1]!.params).toEqual({
        domain: 'acme.com',
        limit: '10',
        type: 'personal',
        department: 'sales',
      });
    });

    it('email finder, verifier and account', async () => {
      const c = client();
      expect(await c.emailFinder({ domain: 'acme.com', firstName: 'Jane', lastName: 'Doe' })).toMatchObject({
        email: 'jane.doe@acme.com',
        score: 97,
        verification: { status: 'valid' },
      });
      expect(await c.emailFinder({ domain: 'acme.com', fullName: 'Nobody Here' })).toMatchObject({
        email: 'nobody.here@acme.com',
        score: 45,
        verification: null,
      });
      expect(await c.emailVerifier('JANE.DOE@acme.com')).toMatchObject({
        email: 'jane.doe@acme.com',
        status: 'valid',
        score: 96,
        pending: false,
      });
      expect(await c.emailVerifier('nope@acme.com')).toMatchObject({ status: 'invalid', smtpCheck: false });
      expect(await c.emailVerifier('someone@gmail.com')).toMatchObject({ status: 'webmail' });
      const { searches, verifications } = hunter.used;
      expect(verifications).toBe(3);
      expect(await c.account()).toEqual({
        planName: 'Starter',
        planLevel: 1,
        resetDate: '2025-07-01',
        searches: { used: searches, available: 25, remaining: 25 - searches },
        verifications: { used: 3, available: 50, remaining: 47 },
      });
    });
  });

  describe('on errors', () => {
    it('401: stops at once with an auth error', async () => {
      const error = await client({ apiKey: 'wrong' })
        .domainSearch({ domain: 'acme.com' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HunterError);
      expect(error).toMatchObject({ kind: 'auth', status: 401, stopsRun: true });
      expect((error as HunterError).errors[0]).toMatchObject({ id: 'authentication_failed', code: 401 });
      expect(hunter.requests).toHaveLength(1);
    });

    it('429: stops at once with a quota error the caller maps to quota_exceeded', async () => {
      hunter.inject({ status: 429 });
      const error = (await client()
        .domainSearch({ domain: 'acme.com' })
        .catch((e: unknown) => e)) as HunterError;
      expect(error).toMatchObject({ kind: 'quota', status: 429, stopsRun: true });
      expect(hunter.requests).toHaveLength(1);
      expect(hunterErrorToAppFailure(error).code).toBe('quota_exceeded');
      expect(time.sleeps).toEqual([]);
    });

    it('403: backs off (with jitter, growing) and tries again', async () => {
      hunter.inject({ status: 403, times: 3 });
      const result = await client().domainSearch({ domain: 'acme.com' });
      expect(result.emails).toHaveLength(2);
      expect(hunter.requests.map((r) => r.status)).toEqual([403, 403, 403, 200]);
      expect(time.sleeps).toHaveLength(3);
      time.sleeps.forEach((ms, attempt) => {
        const { min, max } = backoffBounds(attempt, DEFAULT_RETRY_POLICY.rateLimitBackoff);
        expect(ms).toBeGreaterThanOrEqual(min);
        expect(ms).toBeLessThanOrEqual(max);
      });
      expect(time.sleeps[2]).toBeGreaterThan(time.sleeps[0]!);
    });

    it('403 that never ends: gives up after the allowed retries', async () => {
      hunter.inject({ status: 403, times: 100 });
      const error = await client({ retry: { maxRateLimitRetries: 2 } })
        .domainSearch({ domain: 'acme.com' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'rate_limited', status: 403, stopsRun: false });
      expect(hunter.requests).toHaveLength(3);
    });

    it('5xx: retries with exponential back-off and jitter, then gives up', async () => {
      hunter.inject({ status: 503, times: 100 });
      const error = await client({ breaker: { failureThreshold: 100 } })
        .domainSearch({ domain: 'acme.com' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'unavailable', status: 503 });
      expect(hunter.requests).toHaveLength(DEFAULT_RETRY_POLICY.maxRetries + 1);
      expect(time.sleeps).toHaveLength(DEFAULT_RETRY_POLICY.maxRetries);
      time.sleeps.forEach((ms, attempt) => {
        const { min, max } = backoffBounds(attempt, DEFAULT_RETRY_POLICY.backoff);
        expect(ms, `wait ${attempt}`).toBeGreaterThanOrEqual(min);
        expect(ms, `wait ${attempt}`).toBeLessThanOrEqual(max);
      });
      // Each wait's floor is the previous wait's ceiling: they grow whatever the jitter.
      for (let i = 1; i < time.sleeps.length; i++)
        expect(time.sleeps[i]).toBeGreaterThanOrEqual(time.sleeps[i - 1]!);
    });

    it('5xx once: the retry succeeds', async () => {
      hunter.inject({ status: 500 }, { status: 502 });
      await expect(client().emailVerifier('jane.doe@acme.com')).resolves.toMatchObject({ status: 'valid' });
      expect(hunter.requests.map((r) => r.status)).toEqual([500, 502, 200]);
    });

    it('opens the circuit after repeated 5xx, refuses calls while open, and closes after a good trial', async () => {
      hunter.inject({ status: 500, times: 4 });
      const c = client({ breaker: { failureThreshold: 3, coolDownMs: 30_000 }, retry: { maxRetries: 10 } });
      await expect(c.domainSearch({ domain: 'acme.com' })).rejects.toMatchObject({ kind: 'unavailable' });
      // The third failure opened it: no fourth attempt in spite of the ten retries allowed.
      expect(hunter.requests).toHaveLength(3);
      expect(c.breaker.current()).toBe('open');

      await expect(c.domainSearch({ domain: 'acme.com' })).rejects.toThrow(/paused for 30 s/);
      expect(hunter.requests).toHaveLength(3);

      time.advance(30_000);
      expect(c.breaker.current()).toBe('half_open');
      // The trial meets the fourth 500: open again, for a whole cool-down.
      await expect(c.domainSearch({ domain: 'acme.com' })).rejects.toMatchObject({ kind: 'unavailable' });
      expect(hunter.requests).toHaveLength(4);
      expect(c.breaker.current()).toBe('open');

      time.advance(30_000);
      await expect(c.domainSearch({ domain: 'acme.com' })).resolves.toMatchObject({ domain: 'acme.com' });
      expect(c.breaker.current()).toBe('closed');
      expect(hunter.requests.map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
    });

    it('network errors and timeouts are retried like 5xx', async () => {
      const closed = http.createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((r) => closed.close(() => r()));
      const events: string[] = [];
      const error = await client({
        baseUrl: `http://127.0.0.1:${port}`,
        retry: { maxRetries: 2 },
        onEvent: (e) => events.push(e.type),
      })
        .account()
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'unavailable' });
      expect(events).toEqual(['network_error', 'retry', 'network_error', 'retry', 'network_error']);

      hunter.inject({ status: 200, slowOnly: true, delayMs: 400 });
      await expect(client({ timeoutMs: 100 }).account()).resolves.toMatchObject({ planName: 'Starter' });
      expect(hunter.requests).toHaveLength(2);
      expect(time.sleeps).toHaveLength(1);
    });

    it('polls the verifier while it answers 202, then reports the check as pending', async () => {
      hunter.inject({ status: 202, endpoint: 'email-verifier', times: 2 });
      await expect(client().emailVerifier('jane.doe@acme.com')).resolves.toMatchObject({ status: 'valid' });
      hunter.inject({ status: 202, endpoint: 'email-verifier', times: 10 });
      await expect(
        client({ retry: { maxPendingPolls: 2 } }).emailVerifier('jane.doe@acme.com'),
      ).resolves.toMatchObject({
        status: 'unknown',
        pending: true,
      });
    });

    it('a 200 it cannot read is a bad_response, and other 4xx are bad_request', async () => {
      await expect(client().emailFinder({ domain: 'acme.com' })).rejects.toMatchObject({
        kind: 'bad_request',
      });
      const raw = http.createServer((_req, res) => res.end('<html>maintenance</html>'));
      await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
      await expect(client({ baseUrl: url }).account()).rejects.toMatchObject({ kind: 'bad_response' });
      await new Promise<void>((r) => raw.close(() => r()));
    });
  });

  it('gives up at once when cancelled, mid-request or mid-wait', async () => {
    hunter.inject({ status: 200, slowOnly: true, delayMs: 5000 });
    const controller = new AbortController();
    const started = performance.now();
    const pending = new HunterClient({ apiKey: 'test-key', baseUrl: hunter.url }).domainSearch(
      { domain: 'acme.com' },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(1000);

    hunter.clearFaults();
    hunter.inject({ status: 503, times: 10 });
    const waiting = new AbortController();
    const c = new HunterClient({
      apiKey: 'test-key',
      baseUrl: hunter.url,
      retry: { backoff: { baseMs: 10_000, maxMs: 10_000 } },
    });
    const retrying = c.domainSearch({ domain: 'acme.com' }, { signal: waiting.signal });
    setTimeout(() => waiting.abort(), 100);
    await expect(retrying).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("the Hunter client against the server's rate limits, in real time", () => {
  it('sends a burst of 40 searches with no 403, where an unthrottled burst gets them', async () => {
    const hunter = await FakeHunter.start({ companies: [ACME], latencyMs: 20 });
    try {
      const c = new HunterClient({ apiKey: 'test-key', baseUrl: hunter.url });
      const started = performance.now();
      await Promise.all(Array.from({ length: 40 }, () => c.domainSearch({ domain: 'acme.com' })));
      const seconds = (performance.now() - started) / 1000;
      expect(hunter.count('domain-search', 403)).toBe(0);
      expect(hunter.count('domain-search', 200)).toBe(40);
      // 40 at 15 a second: the third batch cannot start before two seconds have passed.
      expect(seconds).toBeGreaterThan(2);
      const arrivals = hunter.requests.map((r) => r.at).sort((a, b) => a - b);
      for (let i = 15; i < arrivals.length; i++)
        expect(arrivals[i]! - arrivals[i - 15]!).toBeGreaterThan(1000);

      // The same burst with the client's limiter opened up: the server answers 403, the client
      // backs off and still gets every answer.
      hunter.requests.length = 0;
      await new Promise((r) => setTimeout(r, 1100));
      const greedy = new HunterClient({
        apiKey: 'test-key',
        baseUrl: hunter.url,
        limits: { general: [{ limit: 1000, windowMs: 1000 }] },
        retry: { rateLimitBackoff: { baseMs: 500, maxMs: 2000 }, maxRateLimitRetries: 10 },
      });
      await Promise.all(Array.from({ length: 20 }, () => greedy.domainSearch({ domain: 'acme.com' })));
      expect(hunter.count('domain-search', 403)).toBeGreaterThan(0);
      expect(hunter.count('domain-search', 200)).toBe(20);
    } finally {
      await hunter.close();
    }
  });
});
