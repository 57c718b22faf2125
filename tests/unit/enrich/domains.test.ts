import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  domainFromEmail,
  domainFromWebsite,
  domainGuesses,
  isFreeMailDomain,
} from '../../../src/main/core/enrich/domains';
import { MxLookup } from '../../../src/main/core/enrich/mx';
import { guessCompanyDomain, resolveContactDomain } from '../../../src/main/core/enrich/resolveDomain';
import { FakeDns } from '../../fakes/fakeDns';

describe('company domains', () => {
  it('come from a website, whatever its shape', () => {
    expect(domainFromWebsite('https://www.Acme-Roofing.com/about?x=1')).toEqual({
      ok: true,
      domain: 'acme-roofing.com',
    });
    expect(domainFromWebsite('acme.co.uk')).toEqual({ ok: true, domain: 'acme.co.uk' });
    expect(domainFromWebsite('shop.acme.com.au')).toEqual({ ok: true, domain: 'acme.com.au' });
    expect(domainFromWebsite('  http://ACME.com  ')).toEqual({ ok: true, domain: 'acme.com' });
  });

  it('are not taken from a page on a social network, directory or site builder', () => {
    for (const site of [
      'https://www.facebook.com/acmeroofing',
      'linkedin.com/company/acme',
      'https://acme.wixsite.com/home',
      'https://sites.google.com/view/acme',
      'yelp.com/biz/acme-roofing',
    ]) {
      const verdict = domainFromWebsite(site);
      expect(verdict.ok, site).toBe(false);
    }
    expect(domainFromWebsite('N/A')).toMatchObject({ ok: false });
    expect(domainFromWebsite('http://10.0.0.1/')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/IP/),
    });
  });

  it('come from a work address but never from free mail', () => {
    expect(domainFromEmail('Jane.Doe@Acme.com')).toEqual({ ok: true, domain: 'acme.com' });
    expect(domainFromEmail('jane@mail.acme.com')).toEqual({ ok: true, domain: 'acme.com' });
    for (const address of [
      'bob@gmail.com',
      'bob@comcast.net',
      'bob@sbcglobal.net',
      'bob@yahoo.co.uk',
      'bob@gmx.de',
    ]) {
      expect(domainFromEmail(address)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/free-mail/),
      });
    }
    expect(isFreeMailDomain('acme.com')).toBe(false);
    expect(domainFromWebsite('gmail.com')).toMatchObject({ ok: false });
  });

  it('are guessed from a company name without its legal suffix, most likely first', () => {
    expect(domainGuesses('Acme Roofing, Inc.')).toEqual([
      'acmeroofing.com',
      'acme-roofing.com',
      'acmeroofing.net',
      'acmeroofing.co',
      'acmeroofing.us',
    ]);
    expect(domainGuesses('The Smith & Sons Co.')).toEqual([
      'smithandsons.com',
      'smith-and-sons.com',
      'smithsons.com',
      'smithandsons.net',
      'smithandsons.co',
      'smithandsons.us',
    ]);
    expect(domainGuesses('Bob’s Plumbing L.L.C.')[0]).toBe('bobsplumbing.com');
    expect(domainGuesses('Société Générale')[0]).toBe('societegenerale.com');
    expect(domainGuesses('Gmail')).toEqual(
      ['gmail.net', 'gmail.co', 'gmail.us'].filter((d) => !isFreeMailDomain(d)),
    );
    expect(domainGuesses('!!!')).toEqual([]);
  });
});

describe('a guessed domain', () => {
  let dns: FakeDns;
  beforeAll(async () => {
    dns = await FakeDns.start({
      // acmeroofing.com exists but takes no mail; the hyphenated one does.
      'acmeroofing.com': { a: ['192.0.2.1'] },
      'acme-roofing.com': { mx: [{ priority: 10, exchange: 'mx.acme-roofing.com' }] },
      'nomail.com': { a: ['192.0.2.2'] },
    });
  });
  afterAll(() => dns.close());

  it('is accepted only when it has an MX record', async () => {
    const mx = new MxLookup({ servers: [dns.server], timeoutMs: 500, tries: 1 });
    const found = await guessCompanyDomain('Acme Roofing LLC', mx);
    expect(found.domain).toBe('acme-roofing.com');
    expect(found.note).toMatch(/MX record \(mx\.acme-roofing\.com\)/);

    const none = await guessCompanyDomain('No Mail', mx);
    expect(none.domain).toBeNull();
    expect(none.note).toMatch(/none has an MX record/);
    // nomail.com has an A record and no MX: not accepted either.
    expect(dns.mxQueries('nomail.com')).toBe(1);
  });

  it('comes last: a known domain, a work address and a website win over it', async () => {
    const mx = new MxLookup({ servers: [dns.server], timeoutMs: 500, tries: 1 });
    const guess = (n: string) => guessCompanyDomain(n, mx);
    const base = { id: 1, company: 'Acme Roofing' };
    expect(await resolveContactDomain({ ...base, domain: 'acme.io' }, guess)).toMatchObject({
      domain: 'acme.io',
      source: 'known',
    });
    expect(
      await resolveContactDomain(
        { ...base, emails: [{ address: 'x@gmail.com' }, { address: 'x@acme.biz' }] },
        guess,
      ),
    ).toMatchObject({ domain: 'acme.biz', source: 'email', notes: [expect.stringMatching(/free-mail/)] });
    expect(await resolveContactDomain({ ...base, website: 'www.acme.org' }, guess)).toMatchObject({
      domain: 'acme.org',
      source: 'website',
    });
    expect(await resolveContactDomain({ ...base, website: 'facebook.com/acme' }, guess)).toMatchObject({
      domain: 'acme-roofing.com',
      source: 'guessed',
    });
    expect(await resolveContactDomain({ ...base, company: 'No Mail' }, guess)).toMatchObject({
      domain: null,
      source: null,
    });
  });
});
