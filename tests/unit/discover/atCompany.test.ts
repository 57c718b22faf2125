import { describe, expect, it } from 'vitest';
import { keepPeopleAt, sameCompanyName } from '../../../src/main/core/discover/atCompany';
import type { DiscoveredPerson } from '../../../src/main/core/linkedin/types';

const person = (name: string, company: string | null): DiscoveredPerson => ({
  name,
  title: 'CEO',
  profileUrl: `https://www.linkedin.com/in/${name.toLowerCase().replace(/ /g, '-')}`,
  salesNavLeadUrl: null,
  location: null,
  degree: 2,
  company,
  source: 'search',
  via: 'people_search',
  isAtl: true,
});

describe('people a company search finds who work there', () => {
  it('takes a company name as the dedupe engine does: the same name, not one that merely contains it', () => {
    expect(sameCompanyName('Acme Roofing, LLC', 'Acme Roofing')).toBe(true);
    expect(sameCompanyName('ACME ROOFING INC.', 'Acme Roofing')).toBe(true);
    expect(sameCompanyName('Acme Roofng', 'Acme Roofing')).toBe(true); // a typo on the card
    expect(sameCompanyName('Summit Roofing Supply', 'Acme Roofing')).toBe(false);
    expect(sameCompanyName('Acme Roofing Supply', 'Acme Roofing')).toBe(false);
    expect(sameCompanyName('Raman Electric LLC', 'Acme Roofing')).toBe(false);
  });

  it('leaves out those whose card names another current company, and keeps those whose card names none', () => {
    const { kept, skipped } = keepPeopleAt('Acme Roofing', [
      person('Dana Whitfield', 'Acme Roofing'),
      person('Marcus Oyelaran', null),
      person('Wade Pruitt', 'Summit Roofing Supply'),
    ]);
    expect(kept.map((p) => p.name)).toEqual(['Dana Whitfield', 'Marcus Oyelaran']);
    expect(skipped).toEqual([
      {
        name: 'Wade Pruitt',
        profileUrl: 'https://www.linkedin.com/in/wade-pruitt',
        company: 'Summit Roofing Supply',
      },
    ]);
  });
});
