import { describe, expect, it } from 'vitest';
import { matchCompanies } from '../../../src/main/core/dedupe/companyMatcher';
import { DEFAULT_COMPANY_MATCH_SETTINGS } from '../../../src/main/core/dedupe/companySettings';
import { matchPeople } from '../../../src/main/core/dedupe/personMatcher';
import {
  prepareCompany,
  preparePerson,
  type CompanyRecord,
  type PersonRecord,
} from '../../../src/main/core/dedupe/records';
import { scoreFromLogOdds, type MatchResult } from '../../../src/main/core/dedupe/score';

function companies(a: Omit<CompanyRecord, 'id'>, b: Omit<CompanyRecord, 'id'>): MatchResult {
  return matchCompanies(prepareCompany({ id: 1, ...a }), prepareCompany({ id: 2, ...b }));
}

function people(a: Omit<PersonRecord, 'id'>, b: Omit<PersonRecord, 'id'>): MatchResult {
  return matchPeople(preparePerson({ id: 1, ...a }), preparePerson({ id: 2, ...b }));
}

function reasonOf(r: MatchResult, field: string) {
  return r.reasons.find((x) => x.field === field);
}

/** The score is the logistic of the prior plus the listed weights: reasons explain it fully. */
function expectExplained(r: MatchResult, prior: number): void {
  const total = prior + r.reasons.reduce((s, x) => s + x.weight, 0);
  expect(r.score).toBeCloseTo(scoreFromLogOdds(total), 1);
}

describe('company deterministic keys', () => {
  it('a shared email address is the same company whatever the names', () => {
    const r = companies(
      { name: 'Acme', emails: ['Info@Acme.com'] },
      { name: 'Zenith', emails: ['info@acme.com'] },
    );
    expect(r).toMatchObject({ score: 100, decision: 'same' });
    expect(reasonOf(r, 'email')?.agreement).toBe('exact');
  });

  it('one licence number is the same company; two differing ones weigh against', () => {
    const same = companies(
      { name: 'Acme', licenseNumber: 'TACLA-001' },
      { name: 'Acme Air', licenseNumber: 'tacla001' },
    );
    expect(same).toMatchObject({ score: 100, decision: 'same' });
    expect(reasonOf(same, 'license')?.agreement).toBe('exact');
    const apart = companies({ name: 'Acme', licenseNumber: 'A1' }, { name: 'Acme', licenseNumber: 'B2' });
    expect(reasonOf(apart, 'license')?.agreement).toBe('disagree');
    expect(apart.decision).toBe('different');
  });

  it('a licence number in two states is not one licence', () => {
    const r = companies(
      { name: 'Acme', licenseNumber: '123', state: 'TX' },
      { name: 'Other', licenseNumber: '123', state: 'CA' },
    );
    expect(r.decision).toBe('different');
  });
});

describe('strong evidence is weighed with the name', () => {
  it('a shared switchboard alone does not make two businesses one', () => {
    const r = companies(
      { name: 'Acme Roofing', phone: '512-555-0100' },
      { name: 'Zenith Dental Care', phone: '(512) 555-0100' },
    );
    expect(reasonOf(r, 'phone')?.agreement).toBe('agree');
    expect(reasonOf(r, 'name')?.agreement).toBe('disagree');
    expect(r.decision).toBe('different');
    expectExplained(r, DEFAULT_COMPANY_MATCH_SETTINGS.prior);
  });

  it('a franchise domain does not merge two franchisees', () => {
    const r = companies(
      { name: 'Sunshine Cleaning of Austin', website: 'sunshinecleaning.com', address: '100 Congress Ave' },
      {
        name: 'Sunshine Cleaning of Dallas',
        website: 'https://www.sunshinecleaning.com',
        address: '2000 Elm St',
      },
    );
    expect(reasonOf(r, 'domain')?.agreement).toBe('agree');
    expect(r.decision).toBe('different');
  });

  it('a free-mail domain is no evidence at all', () => {
    const r = companies(
      { name: 'Acme', emails: ['a@gmail.com'] },
      { name: 'Zenith', emails: ['b@gmail.com'] },
    );
    expect(reasonOf(r, 'domain')?.agreement).toBe('missing');
  });

  it('the same phone with the same name (suffix and format changed) is the same company', () => {
    const r = companies(
      { name: 'Acme Roofing LLC', phone: '512-555-0100' },
      { name: 'ACME ROOFING, INC.', phone: '5125550100' },
    );
    expect(r.decision).toBe('same');
  });

  it('the same name at another street address and phone is not merged (branches of a chain)', () => {
    const r = companies(
      { name: 'Acme Roofing', address: '100 Main St', phone: '512-555-0100', zip: '78701' },
      { name: 'Acme Roofing', address: '9 Oak Ave', phone: '512-555-0199', zip: '78702' },
    );
    expect(r.decision).toBe('different');
  });

  it('two businesses in one building differ by suite', () => {
    const r = companies(
      { name: 'Acme Law', address: '100 Main St Suite 200' },
      { name: 'Acme Legal', address: '100 Main Street, Suite 410' },
    );
    expect(reasonOf(r, 'address')?.agreement).toBe('disagree');
  });
});

describe('decision thresholds (90 same, 80 review)', () => {
  it('the same name and nothing else lands just above 90', () => {
    const r = companies({ name: 'Acme Roofing LLC' }, { name: 'ACME ROOFING, INC.' });
    expect(r.score).toBeGreaterThanOrEqual(90);
    expect(r.score).toBeLessThan(95);
    expect(r.decision).toBe('same');
    expectExplained(r, DEFAULT_COMPANY_MATCH_SETTINGS.prior);
  });

  it('one name contained in the other lands in the review band', () => {
    const r = companies({ name: 'Acme' }, { name: 'Acme Roofing' });
    expect(r.score).toBeGreaterThanOrEqual(80);
    expect(r.score).toBeLessThan(90);
    expect(r.decision).toBe('review');
  });

  it('the same name in another zip code lands below 80', () => {
    const r = companies({ name: 'Acme Roofing', zip: '78701' }, { name: 'Acme Roofing', zip: '75201' });
    expect(r.score).toBeLessThan(80);
    expect(r.decision).toBe('different');
  });

  it('thresholds are settings', () => {
    const a = prepareCompany({ id: 1, name: 'Acme' });
    const b = prepareCompany({ id: 2, name: 'Acme Roofing' });
    const strict = { ...DEFAULT_COMPANY_MATCH_SETTINGS, thresholds: { same: 99, review: 95 } };
    expect(matchCompanies(a, b, strict).decision).toBe('different');
    const loose = { ...DEFAULT_COMPANY_MATCH_SETTINGS, thresholds: { same: 80, review: 70 } };
    expect(matchCompanies(a, b, loose).decision).toBe('same');
  });
});

describe('people', () => {
  it('the same email or LinkedIn profile is the same person', () => {
    expect(
      people(
        { fullName: 'J. Smith', emails: ['JS@acme.com'] },
        { fullName: 'Jo Smyth', emails: ['js@acme.com'] },
      ),
    ).toMatchObject({ score: 100, decision: 'same' });
    const li = people(
      { fullName: 'Jane Doe', linkedinUrl: 'https://www.linkedin.com/in/janedoe/' },
      { fullName: 'Janet Doe-Smith', linkedinUrl: 'linkedin.com/in/JaneDoe?trk=x' },
    );
    expect(li).toMatchObject({ score: 100, decision: 'same' });
    expect(reasonOf(li, 'linkedin')?.agreement).toBe('exact');
  });

  it('a shared role inbox (info@) does not make two people one', () => {
    const r = people(
      { fullName: 'Jane Doe', emails: ['info@acme.com'] },
      { fullName: 'Bob Roe', emails: ['info@acme.com'] },
    );
    expect(r.decision).toBe('different');
  });

  it('the same name at the same company is the same person (≥ 90)', () => {
    const byId = people({ fullName: 'John Smith', companyId: 7 }, { fullName: 'Smith, John', companyId: 7 });
    expect(byId.score).toBeGreaterThanOrEqual(90);
    expect(byId.decision).toBe('same');
    const byName = people(
      { firstName: 'John', lastName: 'Smith', companyName: 'Acme Roofing LLC' },
      { fullName: 'John Smith', companyName: 'ACME Roofing' },
    );
    expect(byName.decision).toBe('same');
  });

  it('the same name alone is only a review; at different companies it is different', () => {
    expect(people({ fullName: 'John Smith' }, { fullName: 'John Smith' }).decision).toBe('review');
    expect(
      people({ fullName: 'John Smith', companyId: 7 }, { fullName: 'John Smith', companyId: 8 }).decision,
    ).toBe('different');
  });

  it('two different LinkedIn profiles weigh strongly against', () => {
    const r = people(
      { fullName: 'John Smith', companyId: 7, linkedinUrl: 'linkedin.com/in/jsmith1' },
      { fullName: 'John Smith', companyId: 7, linkedinUrl: 'linkedin.com/in/jsmith2' },
    );
    expect(r.decision).toBe('different');
  });
});
