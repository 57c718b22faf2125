import { describe, expect, it } from 'vitest';
import { foldToAscii, parsePersonName } from '../../../src/main/core/enrich/names';
import { DEFAULT_PATTERNS, renderLocalParts } from '../../../src/main/core/enrich/patterns';

const parts = (input: Parameters<typeof parsePersonName>[0]) => {
  const name = parsePersonName(input);
  return name && { first: name.first.value, last: name.last.value, middle: name.middle };
};

describe('names for addresses', () => {
  it('fold accents and letters outside ASCII', () => {
    expect(foldToAscii('Renée Łódź Ørsted Straße Æsir')).toBe('Renee Lodz Orsted Strasse Aesir');
    expect(parts({ firstName: 'José', lastName: 'Núñez' })).toEqual({
      first: 'jose',
      last: 'nunez',
      middle: [],
    });
  });

  it('drop apostrophes, keep hyphens, and offer the hyphen-less and German spellings too', () => {
    const name = parsePersonName({ firstName: 'Mary-Jane', lastName: "O'Brien" })!;
    expect(name.first).toMatchObject({ value: 'mary-jane', variants: ['maryjane'] });
    expect(name.last.value).toBe('obrien');
    const german = parsePersonName({ firstName: 'Jürgen', lastName: 'Müller' })!;
    expect(german.first).toMatchObject({ value: 'jurgen', variants: ['juergen'] });
    expect(german.last).toMatchObject({ value: 'muller', variants: ['mueller'] });
  });

  it('join particles to the last name and set middle names aside', () => {
    expect(parts({ fullName: 'Ludwig Mies van der Rohe' })).toEqual({
      first: 'ludwig',
      last: 'vanderrohe',
      middle: ['mies'],
    });
    expect(parts({ fullName: 'Anna de la Cruz' })).toEqual({ first: 'anna', last: 'delacruz', middle: [] });
    expect(parts({ firstName: 'Jan', lastName: 'van der Berg' })).toEqual({
      first: 'jan',
      last: 'vanderberg',
      middle: [],
    });
    expect(parts({ fullName: 'John Q. Public' })).toEqual({ first: 'john', last: 'public', middle: ['q'] });
  });

  it('drop honorifics, suffixes, credentials and nicknames', () => {
    expect(parts({ fullName: 'Dr. Martin Luther King Jr.' })).toEqual({
      first: 'martin',
      last: 'king',
      middle: ['luther'],
    });
    expect(parts({ fullName: 'John Smith, Jr., CPA' })).toMatchObject({ first: 'john', last: 'smith' });
    expect(parts({ fullName: 'Henry Ford III' })).toMatchObject({ first: 'henry', last: 'ford' });
    expect(parts({ firstName: 'Robert', lastName: 'Jones, Sr.' })).toMatchObject({
      first: 'robert',
      last: 'jones',
    });
    expect(parts({ fullName: 'Robert (Bob) Jones' })).toMatchObject({ first: 'robert', last: 'jones' });
    expect(parts({ fullName: 'William "Bill" Gates PhD' })).toMatchObject({
      first: 'william',
      last: 'gates',
    });
  });

  it('read "Last, First" and strip characters that are not letters', () => {
    expect(parts({ fullName: 'Smith, John A.' })).toEqual({ first: 'john', last: 'smith', middle: ['a'] });
    expect(parts({ firstName: 'J0hn!', lastName: 'Sm1th#' })).toMatchObject({ first: 'jhn', last: 'smth' });
  });

  it('know when only an initial is given, and then build no whole-name patterns', () => {
    const name = parsePersonName({ fullName: 'J. Smith' })!;
    expect(name.first.initialOnly).toBe(true);
    const first = (t: string) => renderLocalParts(t, name);
    expect(first('{first}.{last}')).toEqual([]);
    expect(first('{f}.{last}')).toEqual(['j.smith']);
  });

  it('refuse names with no usable first and last name', () => {
    expect(parsePersonName({ fullName: 'Cher' })).toBeNull();
    expect(parsePersonName({ fullName: '' })).toBeNull();
    expect(parsePersonName({ firstName: '王', lastName: '伟' })).toBeNull();
    expect(parsePersonName({})).toBeNull();
  });

  it('give the eight default patterns for a plain name, in order', () => {
    const name = parsePersonName({ firstName: 'John', lastName: 'Doe' })!;
    expect(DEFAULT_PATTERNS.map((p) => renderLocalParts(p.template, name)[0])).toEqual([
      'john.doe',
      'johndoe',
      'john_doe',
      'j.doe',
      'jdoe',
      'john.d',
      'john',
      'doe.john',
    ]);
    expect(DEFAULT_PATTERNS.map((p) => p.confidence)).toEqual([95, 90, 85, 80, 75, 70, 65, 60]);
  });

  it('give a tricky name its usual spelling first, then its variants', () => {
    const name = parsePersonName({ fullName: "Mary-Jane O'Brien-Smith" })!;
    expect(renderLocalParts('{first}.{last}', name)).toEqual([
      'mary-jane.obrien-smith',
      'maryjane.obrien-smith',
      'mary-jane.obriensmith',
      'maryjane.obriensmith',
    ]);
    expect(renderLocalParts('{f}{last}', name)).toEqual(['mobrien-smith', 'mobriensmith']);
  });
});
