import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../src/main/core/normalize/phone';
import { splitEmails } from '../../../src/main/core/normalize/email';
import { parseDate } from '../../../src/main/core/normalize/date';
import {
  domainFromEmail,
  domainFromWebsite,
  normalizeWebsite,
} from '../../../src/main/core/normalize/domain';
import { joinName, splitFullName } from '../../../src/main/core/normalize/personName';
import { cleanText } from '../../../src/main/core/normalize/text';
import { companyNameKey } from '../../../src/main/core/normalize/companyName';
import { normalizeLinkedinUrl } from '../../../src/main/core/normalize/linkedin';
import { parseNumber } from '../../../src/main/core/normalize/number';
import { normalizeState } from '../../../src/main/core/normalize/usState';

describe('phones', () => {
  it.each([
    ['(805) 338 3191', '+18053383191', '8053383191', null],
    ['805.338.3191', '+18053383191', '8053383191', null],
    ['+1 805-338-3191', '+18053383191', '8053383191', null],
    ['1-805-338-3191', '+18053383191', '8053383191', null],
    ['805-338-3191 x123', '+18053383191', '8053383191', '123'],
    ['(805) 338-3191 ext. 42', '+18053383191', '8053383191', '42'],
    ['+44 20 7946 0958', '+442079460958', null, null],
  ])('%s → E.164 %s, key %s, extension %s', (raw, e164, phone10, ext) => {
    expect(normalizePhone(raw)).toEqual({ e164, phone10, ext });
  });

  it.each(['338-3191', 'n/a', '12345', '000-000-0000'])('%s is not a phone number', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe('emails', () => {
  it('are lowercased, unwrapped and split', () => {
    expect(splitEmails(' Ann.Lee@AcmeSolar.com ')).toEqual({ valid: ['ann.lee@acmesolar.com'], invalid: [] });
    expect(splitEmails('mailto:bj@okafor.com')).toEqual({ valid: ['bj@okafor.com'], invalid: [] });
    expect(splitEmails('Ann Lee <ann@acme.com>; ops@acme.com')).toEqual({
      valid: ['ann@acme.com', 'ops@acme.com'],
      invalid: [],
    });
  });
  it('that are not emails are reported', () => {
    expect(splitEmails('ann at acme dot com').valid).toEqual([]);
    expect(splitEmails('ann@acme').invalid).toEqual(['ann@acme']);
  });
});

describe('dates', () => {
  it.each([
    ['11/10/2020', '2020-11-10'],
    ['1/5/21', '2021-01-05'],
    ['2024-11-05', '2024-11-05'],
    ['2024-11-05T13:45:00Z', '2024-11-05'],
    ['05 Nov 2024', '2024-11-05'],
    ['Nov 5, 2024', '2024-11-05'],
    ['45000', '2023-03-15'],
    ['20191231', '2019-12-31'],
  ])('%s → %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));
  it.each(['02/30/2024', 'soon', '13/13/2020', ''])('%s is not a date', (raw) =>
    expect(parseDate(raw)).toBeNull(),
  );
  it('reads a bare number as a date only where dates are expected', () =>
    expect(parseDate('45000', false)).toBeNull());
});

describe('domains', () => {
  it('come from a website as the registrable domain', () => {
    expect(domainFromWebsite('https://www.shop.acme.co.uk/about')).toBe('acme.co.uk');
    expect(domainFromWebsite('acmesolar.com')).toBe('acmesolar.com');
    expect(normalizeWebsite('WWW.AcmeSolar.com/')).toBe('https://www.acmesolar.com');
  });
  it('never from site builders, social profiles or free mail', () => {
    expect(domainFromWebsite('https://acme.wixsite.com/home')).toBeNull();
    expect(domainFromWebsite('https://www.facebook.com/acmesolar')).toBeNull();
    expect(domainFromEmail('ann@gmail.com')).toBeNull();
    expect(domainFromEmail('ann@sbcglobal.net')).toBeNull();
    expect(domainFromEmail('ann@mail.acmesolar.com')).toBe('acmesolar.com');
  });
});

describe('names', () => {
  it.each([
    ['Ann Lee', 'Ann', 'Lee'],
    ['Lee, Ann', 'Ann', 'Lee'],
    ['Dr. Ann B. Lee Jr.', 'Ann', 'Lee'],
    ['Ann Lee, PhD', 'Ann', 'Lee'],
    ['Maria de la Cruz', 'Maria', 'de la Cruz'],
    ['Cher', 'Cher', null],
  ])('%s → %s / %s', (full, first, last) => expect(splitFullName(full)).toEqual({ first, last }));
  it('join back', () => expect(joinName('Ann', 'Lee')).toBe('Ann Lee'));
});

describe('cells', () => {
  it('decode entities and fold spaces and line breaks', () => {
    expect(cleanText('AT&amp;T  Mobility\r\nSales')).toBe('AT&T Mobility Sales');
    expect(cleanText('Caf&eacute;\u00a0Noir')).toBe('Café Noir');
    expect(cleanText(' line one \n\n\n line   two ', true)).toBe('line one\n\nline two');
  });
  it('keep formula-like text as text', () => {
    expect(cleanText('=HYPERLINK("http://x")')).toBe('=HYPERLINK("http://x")');
    expect(cleanText('+Owner')).toBe('+Owner');
  });
});

describe('company name keys', () => {
  it.each([
    ['Acme Inc.', 'acme'],
    ['The Acme Co., Inc.', 'acme'],
    ['ACME, LLC', 'acme'],
    ['Acme & Sons Ltd', 'acme and sons'],
    ['Müller GmbH', 'muller'],
    ['Costco', 'costco'],
    ['Company', 'company'],
  ])('%s → %s', (name, key) => expect(companyNameKey(name)).toBe(key));
});

describe('LinkedIn URLs', () => {
  it.each([
    ['https://www.linkedin.com/in/Ann-Lee-4b1a2c/', 'ann-lee-4b1a2c'],
    ['linkedin.com/in/ann-lee-4b1a2c?trk=abc', 'ann-lee-4b1a2c'],
    ['https://uk.linkedin.com/in/ann-lee-4b1a2c', 'ann-lee-4b1a2c'],
    ['https://www.linkedin.com/in/carla-g%C3%B3mez-9a', 'carla-gómez-9a'],
    ['http://www.linkedin.com/pub/ann-lee/4/b1a/2c', 'ann-lee-2cb1a04'],
  ])('%s → %s', (raw, key) => expect(normalizeLinkedinUrl(raw)?.key).toBe(key));
  it.each(['https://www.linkedin.com/company/acme', 'https://evil.example/in/ann', 'not a url'])(
    '%s is not a profile',
    (raw) => expect(normalizeLinkedinUrl(raw)).toBeNull(),
  );
});

describe('numbers and states', () => {
  it('read numbers as people write them', () => {
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('$1,234.50')).toBe(1234.5);
    expect(parseNumber('42%')).toBe(42);
    expect(parseNumber('about 40')).toBeNull();
  });
  it('turn state names into codes', () => {
    expect(normalizeState('California')).toBe('CA');
    expect(normalizeState('tx')).toBe('TX');
    expect(normalizeState('Ontario')).toBe('Ontario');
  });
});
