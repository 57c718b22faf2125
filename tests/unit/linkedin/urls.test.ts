import { describe, expect, it } from 'vitest';
import {
  clean,
  companyFromLine,
  parseDegree,
  parseMutualConnections,
} from '../../../src/main/core/linkedin/read/text';
import {
  LinkedInUrls,
  normalizeProfileUrl,
  normalizeSalesLeadUrl,
  profileUrlFromInput,
} from '../../../src/main/core/linkedin/urls';

describe('profile URLs', () => {
  it.each([
    [
      'https://www.linkedin.com/in/dana-whitfield?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB1x2y3',
      'https://www.linkedin.com/in/dana-whitfield',
    ],
    ['https://www.linkedin.com/in/Dana-Whitfield/', 'https://www.linkedin.com/in/dana-whitfield'],
    ['/in/tom-becker-8812/', 'https://www.linkedin.com/in/tom-becker-8812'],
    [
      'https://uk.linkedin.com/in/dana-whitfield/overlay/contact-info/',
      'https://www.linkedin.com/in/dana-whitfield',
    ],
    ['http://linkedin.com/in/dana-whitfield#experience', 'https://www.linkedin.com/in/dana-whitfield'],
    [
      'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-n%C3%BA%C3%B1ez-12ab34/',
      'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-n%C3%BA%C3%B1ez-12ab34',
    ],
    ['https://www.linkedin.com/in/JOS%C3%89-garcia', 'https://www.linkedin.com/in/jos%C3%A9-garcia'],
  ])('normalise %s', (href, canonical) => {
    expect(normalizeProfileUrl(href)).toBe(canonical);
  });

  it.each([
    'https://www.linkedin.com/search/results/people/headless?keywords=Acme',
    'https://www.linkedin.com/in/me/',
    'https://www.linkedin.com/company/acme-roofing/',
    'https://example.com/in/dana-whitfield',
    '/sales/lead/ACwAAAYtZ2QBx1,NAME_SEARCH,v4Hq',
    '',
    null,
  ])('reject %s', (href) => {
    expect(normalizeProfileUrl(href)).toBeNull();
  });

  it('accept a link on the page’s own host (the fixture server), as the same person', () => {
    expect(normalizeProfileUrl('/in/dana-whitfield/', 'http://127.0.0.1:4567/search/results/people/')).toBe(
      'https://www.linkedin.com/in/dana-whitfield',
    );
    expect(
      normalizeProfileUrl('http://127.0.0.1:4567/in/dana-whitfield/', 'http://127.0.0.1:4567/feed/'),
    ).toBe('https://www.linkedin.com/in/dana-whitfield');
  });

  it('take a bare slug as input', () => {
    expect(profileUrlFromInput('renee-castillo-cpa')).toBe('https://www.linkedin.com/in/renee-castillo-cpa');
    expect(profileUrlFromInput('not a slug')).toBeNull();
  });

  it('keep Sales Navigator lead links without their tracking', () => {
    expect(normalizeSalesLeadUrl('/sales/lead/ACwAAAYtZ2QBx1,NAME_SEARCH,v4Hq?_ntb=bJ0F')).toBe(
      'https://www.linkedin.com/sales/lead/ACwAAAYtZ2QBx1,NAME_SEARCH,v4Hq',
    );
  });
});

describe('the pages the session visits', () => {
  const urls = new LinkedInUrls('http://127.0.0.1:4567/ignored/path');

  it('sit under the configured base', () => {
    expect(urls.base).toBe('http://127.0.0.1:4567');
    expect(urls.profile('https://www.linkedin.com/in/dana-whitfield')).toBe(
      'http://127.0.0.1:4567/in/dana-whitfield/',
    );
    expect(urls.companyPeople('acme-roofing')).toBe('http://127.0.0.1:4567/company/acme-roofing/people/');
    expect(urls.connections()).toBe('http://127.0.0.1:4567/mynetwork/invite-connect/connections/');
    expect(new LinkedInUrls().feed()).toBe('https://www.linkedin.com/feed/');
  });

  it('build a people search with company filter, OR-ed titles and a page', () => {
    const url = new URL(
      urls.peopleSearch({ companyIds: ['18271531'], titleKeywords: ['CEO', 'Vice President'] }, 3),
    );
    expect(url.pathname).toBe('/search/results/people/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      currentCompany: '["18271531"]',
      titleFreeText: 'CEO OR "Vice President"',
      origin: 'FACETED_SEARCH',
      page: '3',
    });
  });

  it('refuse a base that is neither https nor this machine', () => {
    expect(() => new LinkedInUrls('http://linkedin.example.com')).toThrow(/must be https/);
  });
});

describe('reading LinkedIn’s words', () => {
  it('degrees', () => {
    expect(
      ['• 1st', '2nd degree connection', '· 3rd+', '3rd degree connection', 'Out of network', null].map(
        parseDegree,
      ),
    ).toEqual([1, 2, 3, 3, null, null]);
  });

  it('mutual connections', () => {
    expect(
      parseMutualConnections('Jordan Lee, Sam Patel, and 12 other mutual connections', [
        'Jordan Lee',
        'Sam Patel',
      ]),
    ).toEqual({
      count: 14,
      names: ['Jordan Lee', 'Sam Patel'],
    });
    expect(parseMutualConnections('Jordan Lee and 1 other mutual connection', ['Jordan Lee'])).toEqual({
      count: 2,
      names: ['Jordan Lee'],
    });
    expect(
      parseMutualConnections('Jordan Lee and 1,204 other mutual connections', ['Jordan Lee']).count,
    ).toBe(1205);
    expect(parseMutualConnections('500+ connections', [])).toEqual({ count: 0, names: [] });
  });

  it('the company in a title line', () => {
    expect(companyFromLine('Current: CEO at Acme Roofing')).toBe('Acme Roofing');
    expect(companyFromLine('Helping roofers | Owner at Smart Gutters | Speaker')).toBe('Smart Gutters');
    expect(companyFromLine('Vice President of Sales, Acme Roofing')).toBeNull();
    expect(clean('  Dana \n  Whitfield ')).toBe('Dana Whitfield');
  });
});
