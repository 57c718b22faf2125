import { describe, expect, it } from 'vitest';
import { addressKey, normalizeAddress, normalizeZip } from '../../../src/main/core/dedupe/address';
import { companyNameKey } from '../../../src/main/core/normalize/companyName';
import { companyDomainOf, isFreeMailDomain } from '../../../src/main/core/normalize/domain';
import { normalizeEmail } from '../../../src/main/core/normalize/email';
import { linkedinKey } from '../../../src/main/core/normalize/linkedin';
import { personNameKey, splitPersonName } from '../../../src/main/core/normalize/personName';
import { phoneDigits as normalizePhone } from '../../../src/main/core/normalize/phone';

describe('companyNameKey', () => {
  it.each([
    ['Acme Plumbing, LLC', 'acme plumbing'],
    ['ACME PLUMBING L.L.C.', 'acme plumbing'],
    ['Acme Plumbing Inc.', 'acme plumbing'],
    ['Acme Plumbing Corporation', 'acme plumbing'],
    ['Müller Bau GmbH & Co. KG', 'muller bau'],
    ['Siemens AG', 'siemens'],
    ['Smith & Jones LLP', 'smith and jones'],
    ['Smith and Jones, PLLC', 'smith and jones'],
    ['The Home Depot, Inc.', 'home depot'],
    ['Café  Olé   Ltd', 'cafe ole'],
    ["Children's Home & Aid Society", 'childrens home and aid society'],
    ['U.S.A. Roofing Co', 'usa roofing'],
    ['Acme Inc. - Dallas Branch', 'acme dallas branch'],
    ['St. Augustine Intl Svcs', 'saint augustine international services'],
  ])('%s → %s', (raw, key) => {
    expect(companyNameKey(raw)).toBe(key);
  });

  it('keeps a name that is only a legal word', () => {
    expect(companyNameKey('The Limited')).toBe('limited');
  });

  it('is empty for nothing', () => {
    expect(companyNameKey('')).toBe('');
    expect(companyNameKey(undefined)).toBe('');
  });
});

describe('person names', () => {
  it('splits "Last, First" and strips titles and suffixes', () => {
    expect(splitPersonName('Smith, Mary Ann')).toEqual({ first: ['mary', 'ann'], last: ['smith'] });
    expect(splitPersonName('Dr. Mary Ann Smith, PhD')).toEqual({ first: ['mary', 'ann'], last: ['smith'] });
    expect(personNameKey('Mr. José Pérez Jr.')).toBe('jose perez');
    expect(personNameKey('PÉREZ, JOSÉ')).toBe('jose perez');
  });
});

describe('normalizePhone', () => {
  it.each([
    ['(312) 555-0142', '3125550142'],
    ['+1 312.555.0142', '3125550142'],
    ['1-312-555-0142', '3125550142'],
    ['312-555-0142 ext. 12', '3125550142'],
    ['312 555 0142 x12', '3125550142'],
    ['3125550142#7', '3125550142'],
  ])('%s → %s', (raw, ten) => {
    expect(normalizePhone(raw)).toEqual({ phone10: ten, local7: ten.slice(3) });
  });

  it('keeps a local seven-digit number apart', () => {
    expect(normalizePhone('555-0142')).toEqual({ local7: '5550142' });
  });

  it.each(['', '12345', '000-000-0000', '(012) 555-0142', '+44 20 7946 0958', '555-5555-55555'])(
    'rejects %j',
    (raw) => {
      expect(normalizePhone(raw)).toEqual({});
    },
  );
});

describe('domains', () => {
  it('finds the registrable domain of a website, URL or email', () => {
    expect(companyDomainOf('https://www.Acme.com/about?x=1')).toBe('acme.com');
    expect(companyDomainOf('shop.acme.co.uk')).toBe('acme.co.uk');
    expect(companyDomainOf('Jane.Doe@Mail.Acme.com')).toBe('acme.com');
    expect(companyDomainOf('not a domain')).toBeUndefined();
  });

  it('never takes a free-mail or shared-host domain as a company domain', () => {
    for (const raw of [
      'bob@gmail.com',
      'x@yahoo.co.uk',
      'sam@comcast.net',
      'a@icloud.com',
      'facebook.com/acme',
    ]) {
      expect(companyDomainOf(raw)).toBeUndefined();
    }
    expect(isFreeMailDomain('hotmail.com')).toBe(true);
    expect(companyDomainOf('bob@acme.com')).toBe('acme.com');
  });

  it('normalises email addresses', () => {
    expect(normalizeEmail(' Jane.Doe@ACME.com ')).toBe('jane.doe@acme.com');
    expect(normalizeEmail('01/31/13')).toBeUndefined();
  });
});

describe('linkedinKey', () => {
  it.each([
    ['https://www.linkedin.com/in/Jane-Doe-12ab/', 'jane-doe-12ab'],
    ['linkedin.com/in/jane-doe-12ab?trk=public_profile', 'jane-doe-12ab'],
    ['http://uk.linkedin.com/in/jane-doe-12ab#x', 'jane-doe-12ab'],
    ['https://www.linkedin.com/in/jane-doe-12ab/details/experience/', 'jane-doe-12ab'],
    ['https://sy.linkedin.com/pub/krzysztof-marzec/a7/576/b50?trk=biz', 'krzysztof-marzec-b50576a7'],
    ['https://www.linkedin.com/in/j%C3%A9r%C3%B4me', 'jérôme'],
  ])('%s → %s', (raw, key) => {
    expect(linkedinKey(raw)).toBe(key);
  });

  it('rejects what is not a person profile', () => {
    expect(linkedinKey('https://www.linkedin.com/company/acme')).toBeUndefined();
    expect(linkedinKey('https://notlinkedin.com/in/x')).toBeUndefined();
    expect(linkedinKey('')).toBeUndefined();
  });
});

describe('normalizeAddress', () => {
  it('reads abbreviations, directions, ordinals and units the same way', () => {
    const a = normalizeAddress('4800 South Paulina Street, Suite 2B');
    expect(a).toMatchObject({ number: '4800', direction: 's', street: 'paulina', type: 'st', unit: '2b' });
    expect(addressKey(a)).toBe('4800 s paulina');
    expect(addressKey(normalizeAddress('4800 S. Paulina'))).toBe('4800 s paulina');
    expect(addressKey(normalizeAddress('540 N. Lake Shore Drive'))).toBe(
      addressKey(normalizeAddress('540 N Lakeshore Dr')),
    );
    expect(addressKey(normalizeAddress('228 E. 61st Street'))).toBe('228 e 61');
    expect(normalizeAddress('3450-54 West 79th Street').number).toBe('3450');
    expect(normalizeAddress('3630 S. Wells Rm. 105').unit).toBe('105');
  });

  it('cuts ZIP+4 to five digits', () => {
    expect(normalizeZip('60609-1234')).toBe('60609');
    expect(normalizeZip(' 60609 ')).toBe('60609');
    expect(normalizeZip('')).toBeUndefined();
  });
});
