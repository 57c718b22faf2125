import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryMxCache, MX_TTL_MS, MxLookup } from '../../../src/main/core/enrich/mx';
import { FakeDns } from '../../fakes/fakeDns';
import { FakeTime } from '../../fakes/fakeTime';

describe('MX lookups against a DNS server on 127.0.0.1', () => {
  let dns: FakeDns;
  beforeAll(async () => {
    dns = await FakeDns.start({
      'acme.com': {
        mx: [
          { priority: 20, exchange: 'backup.acme.com' },
          { priority: 10, exchange: 'MX1.acme.com' },
        ],
      },
      'webonly.com': { a: ['192.0.2.7'] },
      'nullmx.com': { mx: [{ priority: 0, exchange: '' }] },
    });
  });
  afterAll(() => dns.close());

  const lookup = (time = new FakeTime(), cache = new InMemoryMxCache()) =>
    new MxLookup({ servers: [dns.server], clock: time, cache, timeoutMs: 300, tries: 1 });

  it('say present, with the hosts most preferred first', async () => {
    expect(await lookup().lookup('ACME.com')).toMatchObject({
      domain: 'acme.com',
      status: 'present',
      hosts: ['mx1.acme.com', 'backup.acme.com'],
    });
  });

  it('say absent for a domain without MX records, and for a null MX', async () => {
    expect(await lookup().lookup('webonly.com')).toMatchObject({ status: 'absent', hosts: [] });
    expect(await lookup().lookup('nullmx.com')).toMatchObject({ status: 'absent', hosts: [] });
  });

  it('say nxdomain for a domain that does not exist', async () => {
    expect(await lookup().lookup('no-such-company.com')).toMatchObject({ status: 'nxdomain' });
  });

  it('keep answers for 24 hours, then ask again', async () => {
    const time = new FakeTime();
    const mx = lookup(time);
    const before = dns.mxQueries('acme.com');
    await mx.lookup('acme.com');
    await mx.lookup('nope-nope.com');
    time.advance(MX_TTL_MS - 1);
    await mx.lookup('acme.com');
    await mx.lookup('nope-nope.com');
    expect(dns.mxQueries('acme.com') - before).toBe(1);
    expect(mx.queries).toBe(2);
    time.advance(1);
    await mx.lookup('acme.com');
    expect(dns.mxQueries('acme.com') - before).toBe(2);
  });

  it('share the cache between lookups, as the database will between runs', async () => {
    const cache = new InMemoryMxCache();
    const time = new FakeTime();
    await lookup(time, cache).lookup('acme.com');
    const second = lookup(time, cache);
    await second.lookup('acme.com');
    expect(second.queries).toBe(0);
  });

  it('do not cache a failure, and send one query for many callers', async () => {
    dns.fault('flaky.com', 'servfail');
    const mx = lookup();
    expect(await mx.lookup('flaky.com')).toMatchObject({ status: 'error', code: 'ESERVFAIL' });
    dns.fault('flaky.com', null);
    dns.set('flaky.com', { mx: [{ priority: 1, exchange: 'mx.flaky.com' }] });
    const answers = await Promise.all([
      mx.lookup('flaky.com'),
      mx.lookup('flaky.com'),
      mx.lookup('flaky.com'),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['present', 'present', 'present']);
    expect(dns.mxQueries('flaky.com')).toBe(2);

    dns.fault('silent.com', 'drop');
    expect(await mx.lookup('silent.com')).toMatchObject({ status: 'error', code: 'ETIMEOUT' });
  });

  it('stop waiting when cancelled', async () => {
    dns.fault('slow.com', 'drop');
    const controller = new AbortController();
    const pending = lookup().lookup('slow.com', controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
