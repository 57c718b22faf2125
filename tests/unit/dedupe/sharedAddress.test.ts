import { describe, expect, it } from 'vitest';
import { matchCompanies } from '../../../src/main/core/dedupe/companyMatcher';
import { matchPeople, namesDisagree } from '../../../src/main/core/dedupe/personMatcher';
import { prepareCompany, preparePerson, type PersonRecord } from '../../../src/main/core/dedupe/records';

const person = (id: number, r: Omit<PersonRecord, 'id'>) => preparePerson({ id, ...r });
const named = (fullName: string) => person(1, { fullName });

describe('a shared address is not a shared identity', () => {
  it('names that say two people: a different given name, or a different surname alone', () => {
    expect(namesDisagree(named('Ann Lee'), named('Bo Diaz'))).toBe(true);
    expect(namesDisagree(named('John Smith'), named('Jane Smith'))).toBe(true);
    expect(namesDisagree(named('Lee'), named('Diaz'))).toBe(true);
  });

  it('names that do not: an initial, a typo, swapped order, a new surname, a missing name', () => {
    expect(namesDisagree(named('Ann Lee'), named('A. Lee'))).toBe(false);
    expect(namesDisagree(named('Jon Smith'), named('John Smith'))).toBe(false);
    expect(namesDisagree(named('Lee, Ann'), named('Ann Lee'))).toBe(false);
    expect(namesDisagree(named('Ann Lee'), named('Ann Park'))).toBe(false);
    expect(namesDisagree(named('Ann Lee'), person(2, { emails: ['ann@acme.com'] }))).toBe(false);
  });

  it('a free-mail address shared at two different companies does not decide that two people are one', () => {
    const a = person(1, { fullName: 'John Smith', emails: ['jsmith1970@gmail.com'], companyId: 1 });
    const b = person(2, { fullName: 'John Smith', emails: ['jsmith1970@gmail.com'], companyId: 2 });
    expect(matchPeople(a, b).decision).toBe('different');
    // At the same company, or with a company address, the shared address still decides.
    expect(matchPeople(a, { ...b, companyId: 1 }).decision).toBe('same');
    const c = person(3, { fullName: 'Ann Lee', emails: ['ann@acme.com'], companyId: 1 });
    const d = person(4, { fullName: 'Ann Lee', emails: ['ann@acme.com'], companyId: 2 });
    expect(matchPeople(c, d)).toMatchObject({ decision: 'same', score: 100 });
  });

  it("a person's free-mail address does not make their two employers one company", () => {
    const plumbing = prepareCompany({ id: 1, name: 'Smith Plumbing', emails: ['jsmith1970@gmail.com'] });
    const electric = prepareCompany({ id: 2, name: 'Smith Electric', emails: ['jsmith1970@gmail.com'] });
    expect(matchCompanies(plumbing, electric).decision).toBe('different');
    const office = (id: number, name: string) =>
      prepareCompany({ id, name, emails: ['office@acmeroofing.com'] });
    expect(matchCompanies(office(1, 'Acme Roofing'), office(2, 'Acme Roofing Co')).decision).toBe('same');
  });
});
