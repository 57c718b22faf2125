import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LinkedInSession } from '../../../src/main/core/linkedin/session';
import { InMemoryActionGate } from '../../../src/main/core/safety/memoryActionGate';
import { FakeTime, sequence } from '../safety/support/fakeTime';
import { AUSTIN_HOURS, openTestBrowser, startFixtureSite, type FixtureSite } from './support/fixtureSite';

/** Real Chromium reading the fixture pages, which copy LinkedIn's markup, noise included. */

let site: FixtureSite;
let browser: Awaited<ReturnType<typeof openTestBrowser>>;
let time: FakeTime;
let gate: InMemoryActionGate;
let session: LinkedInSession;

beforeAll(async () => {
  site = await startFixtureSite();
  browser = await openTestBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(() => {
  site.reset();
  site.requests.length = 0;
  // Tuesday 10:00 in Austin: inside working hours, though the in-memory gate has none.
  time = new FakeTime('2025-03-04T16:00:00Z');
  gate = new InMemoryActionGate({ clock: time.clock, timeZone: 'America/Chicago' });
  session = new LinkedInSession({
    context: browser.context,
    gate,
    baseUrl: site.url,
    workingHours: AUSTIN_HOURS,
    clock: time.clock,
    pacing: { random: sequence(0.5), sleep: time.sleep },
  });
});

const DANA = 'https://www.linkedin.com/in/dana-whitfield';

describe('people search', () => {
  it('reads every person on a results page, skipping "LinkedIn Member" rows, ads and side panels', async () => {
    const page = await session.searchPeople({ keywords: '"Acme Roofing"' }, 1);
    expect(page.page).toBe(1);
    expect(page.totalPages).toBe(2);
    expect(page.hasNext).toBe(true);
    expect(page.hiddenMembers).toBe(1);
    expect(page.people.map((p) => [p.name, p.title, p.profileUrl, p.location, p.degree])).toEqual([
      [
        'Dana Whitfield',
        'CEO at Acme Roofing | Storm restoration across Central Texas',
        DANA,
        'Austin, Texas, United States',
        2,
      ],
      [
        'Marcus Oyelaran',
        'Vice President of Sales, Acme Roofing',
        'https://www.linkedin.com/in/marcus-oyelaran-4b2a1b19',
        'Round Rock, Texas, United States',
        2,
      ],
      [
        'Kelsey Tran',
        'Executive Assistant to the CEO at Acme Roofing',
        'https://www.linkedin.com/in/kelsey-tran-atx',
        'Austin, Texas, United States',
        3,
      ],
      [
        'José García-Núñez',
        'Co-founder & COO | Acme Roofing',
        'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-n%C3%BA%C3%B1ez-12ab34',
        'San Antonio, Texas, United States',
        2,
      ],
      [
        'Priya Raman',
        'Owner, Raman Electric LLC · Partner at Acme Roofing',
        'https://www.linkedin.com/in/priya-raman',
        'Dallas, Texas, United States',
        1,
      ],
      [
        'Brett Kowalski',
        'Roofing Estimator at Acme Roofing',
        'https://www.linkedin.com/in/brett-kowalski-roofs',
        'Austin, Texas, United States',
        2,
      ],
      [
        'Tom Becker',
        'Director of Operations | Acme Roofing',
        'https://www.linkedin.com/in/tom-becker-8812',
        'Austin, Texas, United States',
        3,
      ],
      [
        'Lauren Pike',
        'Product Owner – Acme Roofing Digital',
        'https://www.linkedin.com/in/laurenpike',
        'Austin, Texas, United States',
        2,
      ],
      [
        'Sam Ortiz',
        'Former VP, Acme Roofing | Now consulting for contractors',
        'https://www.linkedin.com/in/sam-ortiz-consulting',
        'Georgetown, Texas, United States',
        2,
      ],
      [
        'Wade Pruitt',
        'Sales Director at Summit Roofing Supply | Proud supplier to Acme Roofing',
        'https://www.linkedin.com/in/wade-pruitt-summit',
        'Pflugerville, Texas, United States',
        2,
      ],
    ]);
    expect(page.people.every((p) => p.source === 'search' && p.via === 'people_search')).toBe(true);
    // The company comes from "Current: CEO at Acme Roofing" or an "… at X" headline, else null.
    expect(page.people.map((p) => p.company)).toEqual([
      'Acme Roofing',
      null,
      'Acme Roofing',
      null,
      'Acme Roofing',
      'Acme Roofing',
      null,
      null,
      null,
      'Summit Roofing Supply',
    ]);
    expect(site.requests.map((r) => r.path + r.search)).toEqual([
      '/search/results/people/?keywords=%22Acme+Roofing%22&origin=FACETED_SEARCH',
    ]);
  });

  it('finds the ATL people at a company across both result pages, each once, and says there are no more', async () => {
    const pages: { page: number; names: string[] }[] = [];
    const result = await session.findPeopleAtCompany(
      { name: 'Acme Roofing', linkedinId: '18271531' },
      { onPage: ({ page, people }) => void pages.push({ page, names: people.map((p) => p.name) }) },
    );
    expect(result.via).toBe('search');
    expect(result.people.map((p) => p.name)).toEqual([
      'Dana Whitfield',
      'Marcus Oyelaran',
      'José García-Núñez',
      'Priya Raman',
      'Tom Becker',
      'Wade Pruitt',
      'Renee Castillo',
      'Alicia Moreno',
    ]);
    expect(result.people.every((p) => p.isAtl)).toBe(true);
    expect(pages).toEqual([
      {
        page: 1,
        names: [
          'Dana Whitfield',
          'Marcus Oyelaran',
          'José García-Núñez',
          'Priya Raman',
          'Tom Becker',
          'Wade Pruitt',
        ],
      },
      { page: 2, names: ['Renee Castillo', 'Alicia Moreno'] },
    ]);
    expect(result).toMatchObject({ seen: 14, hiddenMembers: 1, pagesRead: 2, nextPage: null });
    const renee = result.people.find((p) => p.name === 'Renee Castillo');
    expect(renee).toMatchObject({
      title: 'Head of Finance at Acme Roofing',
      profileUrl: 'https://www.linkedin.com/in/renee-castillo-cpa',
      location: 'Austin, Texas, United States',
      degree: 2,
    });
    // The company filter and the title keywords went into LinkedIn's own search parameters.
    const first = new URLSearchParams(site.requests[0]!.search);
    expect(first.get('currentCompany')).toBe('["18271531"]');
    expect(first.get('titleFreeText')).toBe(
      'CEO OR Chief OR President OR Founder OR Co-Founder OR Owner OR Partner OR "Managing Director" OR VP OR "Vice President" OR Director OR "Head of"',
    );
    expect(new URLSearchParams(site.requests[1]!.search).get('page')).toBe('2');
    expect(gate.used('search')).toBe(2);
  });

  it('stops at maxPages and says where to resume; resuming reads the rest', async () => {
    const first = await session.findPeopleAtCompany({ name: 'Acme Roofing' }, { maxPages: 1 });
    expect(first.pagesRead).toBe(1);
    expect(first.nextPage).toBe(2);
    const rest = await session.findPeopleAtCompany({ name: 'Acme Roofing' }, { startPage: first.nextPage! });
    expect(rest.people.map((p) => p.name)).toEqual(['Renee Castillo', 'Alicia Moreno']);
    expect(rest.nextPage).toBeNull();
    expect(site.requests.map((r) => new URLSearchParams(r.search).get('page'))).toEqual([null, '2']);
  });

  it('can return everyone, each marked ATL or not', async () => {
    const result = await session.findPeopleAtCompany(
      { name: 'Acme Roofing' },
      { includeNonAtl: true, maxPages: 1 },
    );
    expect(result.people.filter((p) => !p.isAtl).map((p) => p.name)).toEqual([
      'Kelsey Tran',
      'Brett Kowalski',
      'Lauren Pike',
      'Sam Ortiz',
    ]);
  });
});

describe("a company's People tab", () => {
  it('reads the cards, loads more with "Show more results", and keeps the ATL ones', async () => {
    const result = await session.findPeopleAtCompany(
      { name: 'Acme Roofing', linkedinSlug: 'acme-roofing' },
      { includeNonAtl: true },
    );
    expect(result.via).toBe('company_page');
    expect(result.people.map((p) => [p.name, p.title, p.profileUrl, p.degree, p.isAtl])).toEqual([
      ['Dana Whitfield', 'CEO at Acme Roofing | Storm restoration across Central Texas', DANA, 2, true],
      [
        'Marcus Oyelaran',
        'Vice President of Sales, Acme Roofing',
        'https://www.linkedin.com/in/marcus-oyelaran-4b2a1b19',
        2,
        true,
      ],
      [
        'Brett Kowalski',
        'Roofing Estimator at Acme Roofing',
        'https://www.linkedin.com/in/brett-kowalski-roofs',
        2,
        false,
      ],
      [
        'Kelsey Tran',
        'Executive Assistant to the CEO at Acme Roofing',
        'https://www.linkedin.com/in/kelsey-tran-atx',
        3,
        false,
      ],
      [
        'Renee Castillo',
        'Head of Finance at Acme Roofing',
        'https://www.linkedin.com/in/renee-castillo-cpa',
        2,
        true,
      ],
      [
        'Alicia Moreno',
        'Managing Director, Acme Roofing Commercial',
        'https://www.linkedin.com/in/alicia-moreno-tx',
        2,
        true,
      ],
      [
        'Nate Fulton',
        'Owner’s Representative – Acme Roofing',
        'https://www.linkedin.com/in/nate-fulton-owners-rep',
        3,
        false,
      ],
      [
        'Hannah Lee',
        'Chief Estimator at Acme Roofing',
        'https://www.linkedin.com/in/hannah-lee-estimating',
        3,
        false,
      ],
    ]);
    expect(result.people.every((p) => p.source === 'company_page' && p.location === null)).toBe(true);
    expect(result).toMatchObject({ seen: 8, hiddenMembers: 1, pagesRead: 2, nextPage: null });
    // One page load and one "Show more results": two searches booked.
    expect(gate.used('search')).toBe(2);
    expect(site.requests.map((r) => r.path)).toEqual(['/company/acme-roofing/people/']);
  });

  it('filters to ATL by default', async () => {
    const result = await session.findPeopleAtCompany({ name: 'Acme Roofing', linkedinSlug: 'acme-roofing' });
    expect(result.people.map((p) => p.name)).toEqual([
      'Dana Whitfield',
      'Marcus Oyelaran',
      'Renee Castillo',
      'Alicia Moreno',
    ]);
  });
});

describe('profiles', () => {
  it('reads name, headline, current position, degree and mutual connections', async () => {
    const profile = await session.readProfile(
      'https://www.linkedin.com/in/dana-whitfield/?trk=people-search',
    );
    expect(profile).toEqual({
      profileUrl: DANA,
      name: 'Dana Whitfield',
      headline: 'CEO at Acme Roofing | Storm restoration across Central Texas',
      location: 'Austin, Texas, United States',
      degree: 2,
      currentPosition: { title: 'Chief Executive Officer', company: 'Acme Roofing' },
      mutualConnections: { count: 14, names: ['Jordan Lee', 'Sam Patel'] },
      relationship: 'connectable',
    });
    expect(site.requests.map((r) => r.path)).toEqual(['/in/dana-whitfield/']);
    expect(gate.used('profile_view')).toBe(1);
  });

  it('reads the current role inside a company with several roles, and a single mutual connection', async () => {
    const profile = await session.readProfile('https://www.linkedin.com/in/marcus-oyelaran-4b2a1b19');
    expect(profile.currentPosition).toEqual({ title: 'Vice President of Sales', company: 'Acme Roofing' });
    expect(profile.mutualConnections).toEqual({ count: 1, names: ['Priya Raman'] });
    expect(profile.degree).toBe(2);
    expect(profile.location).toBe('Round Rock, Texas, United States');
  });

  it('tells connected, pending and no-mutuals profiles apart', async () => {
    const priya = await session.readProfile('https://www.linkedin.com/in/priya-raman');
    expect(priya).toMatchObject({
      degree: 1,
      relationship: 'connected',
      currentPosition: { title: 'Owner', company: 'Raman Electric LLC' },
      mutualConnections: { count: 2, names: ['Jordan Lee', 'Sam Patel'] },
    });
    const renee = await session.readProfile('renee-castillo-cpa');
    expect(renee).toMatchObject({
      relationship: 'pending',
      mutualConnections: { count: 1, names: ['Sam Patel'] },
    });
    const tom = await session.readProfile('https://www.linkedin.com/in/tom-becker-8812');
    expect(tom).toMatchObject({
      degree: 3,
      mutualConnections: { count: 0, names: [] },
      relationship: 'connectable',
    });
  });
});

describe("the seller's connections", () => {
  it('reads every connection, loading more, as existing connections of degree 1', async () => {
    const result = await session.readConnections();
    expect(result.complete).toBe(true);
    expect(result.loads).toBe(2);
    expect(result.people.map((p) => [p.name, p.title, p.profileUrl, p.connectedOn, p.isAtl])).toEqual([
      [
        'Priya Raman',
        'Owner, Raman Electric LLC',
        'https://www.linkedin.com/in/priya-raman',
        'March 3, 2024',
        true,
      ],
      [
        'Jordan Lee',
        'Director of Business Development at Sunbelt Supply',
        'https://www.linkedin.com/in/jordan-lee-sunbelt',
        'January 18, 2024',
        true,
      ],
      [
        'Sam Patel',
        'Senior Account Executive at Gulf Coast Distributors',
        'https://www.linkedin.com/in/sampatel',
        'November 2, 2023',
        false,
      ],
      [
        'Avery Brooks',
        'Founder | Brooks Solar',
        'https://www.linkedin.com/in/avery-brooks-solar',
        'August 30, 2023',
        true,
      ],
      [
        'Nina Castillo',
        'Marketing Coordinator at Hill Country Homes',
        'https://www.linkedin.com/in/nina-castillo-mktg',
        'May 11, 2023',
        false,
      ],
      [
        'Omar Haddad',
        'VP, Operations at Haddad Mechanical',
        'https://www.linkedin.com/in/omar-haddad-27b1',
        'February 7, 2023',
        true,
      ],
      [
        'Keith Dunn',
        'President & CEO, Dunn Electric',
        'https://www.linkedin.com/in/keithdunn',
        'December 1, 2022',
        true,
      ],
      [
        'Lila Park',
        'Recruiter at Roofing Talent Partners',
        'https://www.linkedin.com/in/lila-park-talent',
        'October 14, 2022',
        false,
      ],
      [
        'Ethan Cole',
        'Co-founder & CTO at GridWorks',
        'https://www.linkedin.com/in/ethan-cole-gridworks',
        'June 9, 2022',
        true,
      ],
    ]);
    expect(result.people.every((p) => p.degree === 1 && p.source === 'existing_connection')).toBe(true);
  });

  it('reads only as many loads as asked', async () => {
    const result = await session.readConnections({ maxLoads: 1 });
    expect(result.people).toHaveLength(6);
    expect(result.complete).toBe(false);
  });
});

describe('a Sales Navigator lead list', () => {
  it('reads the list the seller has open, both pages', async () => {
    const page = await browser.context.pages()[0]!;
    await page.goto(`${site.url}/sales/lists/people/7012345678901234567?sortCriteria=CREATED_TIME`);
    site.requests.length = 0;
    const result = await session.readLeadList();
    expect(result.listName).toBe('TX roofers — ATL');
    expect(result.pagesRead).toBe(2);
    expect(result.complete).toBe(true);
    expect(
      result.people.map((p) => [
        p.name,
        p.title,
        p.company,
        p.location,
        p.degree,
        p.salesNavLeadUrl,
        p.isAtl,
      ]),
    ).toEqual([
      [
        'Dana Whitfield',
        'Chief Executive Officer',
        'Acme Roofing',
        'Austin, Texas, United States',
        2,
        'https://www.linkedin.com/sales/lead/ACwAAAYtZ2QBx1,NAME_SEARCH,v4Hq',
        true,
      ],
      [
        'Marcus Oyelaran',
        'Vice President of Sales',
        'Acme Roofing',
        'Round Rock, Texas, United States',
        2,
        'https://www.linkedin.com/sales/lead/ACwAAAC9z8y7Bn2,NAME_SEARCH,kS0a',
        true,
      ],
      [
        'Carla Jimenez',
        'Owner',
        'Jimenez Roofing & Gutters',
        'El Paso, Texas, United States',
        3,
        'https://www.linkedin.com/sales/lead/ACwAABq77Lm0Qe3,NAME_SEARCH,pP9w',
        true,
      ],
      [
        'Wes Hardin',
        'Estimator',
        'Hardin Exteriors',
        'Lubbock, Texas, United States',
        3,
        'https://www.linkedin.com/sales/lead/ACwAAC1XyZ0wRr4,NAME_SEARCH,z8Lm',
        false,
      ],
      [
        'Priya Raman',
        'Owner',
        'Raman Electric LLC',
        'Dallas, Texas, United States',
        1,
        'https://www.linkedin.com/sales/lead/ACwAAAE5PrRa5,NAME_SEARCH,Xy12',
        true,
      ],
      [
        'Ben Ochoa',
        'President',
        'Ochoa Solar Installations',
        'Laredo, Texas, United States',
        2,
        'https://www.linkedin.com/sales/lead/ACwAAD0chOaB6,NAME_SEARCH,Bq7t',
        true,
      ],
      [
        'Mia Chen',
        'Director of Operations',
        'Bright Path Energy',
        'Houston, Texas, United States',
        3,
        'https://www.linkedin.com/sales/lead/ACwAAE1MiaCh7,NAME_SEARCH,Mc3r',
        true,
      ],
    ]);
    expect(result.people.every((p) => p.profileUrl === null && p.via === 'sales_nav_lead_list')).toBe(true);
    // Paging happens in place: no page load, one booked action for the Next click.
    expect(site.requests).toEqual([]);
    expect(gate.used('search')).toBe(1);
  });

  it('opens a list by its address, mapped onto the configured LinkedIn', async () => {
    const result = await session.readLeadList({
      url: 'https://www.linkedin.com/sales/lists/people/7012345678901234567?sortCriteria=CREATED_TIME',
      maxPages: 1,
    });
    expect(result.people.map((p) => p.name)).toEqual([
      'Dana Whitfield',
      'Marcus Oyelaran',
      'Carla Jimenez',
      'Wes Hardin',
      'Priya Raman',
    ]);
    expect(result).toMatchObject({ pagesRead: 1, complete: false });
    expect(site.requests.map((r) => r.path + r.search)).toEqual([
      '/sales/lists/people/7012345678901234567?sortCriteria=CREATED_TIME',
    ]);
    expect(gate.used('search')).toBe(1);
  });

  it('says to open the list when no tab shows one', async () => {
    const page = browser.context.pages()[0]!;
    await page.goto(`${site.url}/feed/`);
    await expect(session.readLeadList()).rejects.toMatchObject({ code: 'not_found' });
  });
});
