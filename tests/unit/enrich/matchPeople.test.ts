import { describe, expect, it } from 'vitest';
import type { HunterEmail } from '../../../src/main/core/enrich/hunterTypes';
import { matchHunterEmail } from '../../../src/main/core/enrich/matchPeople';
import { parsePersonName, type PersonName } from '../../../src/main/core/enrich/names';

const person = (firstName: string, lastName: string): PersonName => parsePersonName({ firstName, lastName })!;

const listed = (firstName: string, lastName: string, value: string, confidence: number): HunterEmail => ({
  value,
  type: 'personal',
  confidence,
  firstName,
  lastName,
  position: null,
  seniority: null,
  department: null,
  linkedin: null,
  verification: { status: 'valid', date: null },
});

const addressOf = (name: PersonName, emails: HunterEmail[], colleagues: PersonName[] = []) =>
  matchHunterEmail(name, emails, colleagues)?.value ?? null;

describe('matching Hunter results to a contact', () => {
  const christine = listed('Christine', 'Smith', 'christine.smith@acme.com', 95);
  const chris = listed('Chris', 'Smith', 'chris.smith@acme.com', 80);

  it('takes the colleague with the same first name over a more confident one whose name starts with it', () => {
    expect(addressOf(person('Chris', 'Smith'), [christine, chris])).toBe('chris.smith@acme.com');
    expect(addressOf(person('Chris', 'Smith'), [chris, christine])).toBe('chris.smith@acme.com');
    expect(addressOf(person('Christine', 'Smith'), [christine, chris])).toBe('christine.smith@acme.com');
  });

  it('matches the same first name after normalising accents and hyphens', () => {
    const renee = listed('Renee', 'Castillo', 'renee.castillo@acme.com', 70);
    const renata = listed('Renata', 'Castillo', 'renata.castillo@acme.com', 99);
    expect(addressOf(person('Renée', 'Castillo'), [renata, renee])).toBe('renee.castillo@acme.com');
  });

  it('does not guess between two people of the same surname when neither has our first name', () => {
    const christopher = listed('Christopher', 'Smith', 'christopher.smith@acme.com', 90);
    expect(addressOf(person('Chris', 'Smith'), [christine, christopher])).toBeNull();
    const robert = listed('Robert', 'Smith', 'robert.smith@acme.com', 90);
    expect(addressOf(person('Chris', 'Smith'), [robert, christopher])).toBeNull();
  });

  it('takes a short form or an initial when that person is the only one with the surname', () => {
    const christopher = listed('Christopher', 'Smith', 'christopher.smith@acme.com', 90);
    const doe = listed('Jane', 'Doe', 'jane.doe@acme.com', 99);
    expect(addressOf(person('Chris', 'Smith'), [doe, christopher])).toBe('christopher.smith@acme.com');
    expect(addressOf(person('C.', 'Smith'), [christopher])).toBe('christopher.smith@acme.com');
    expect(addressOf(person('Robert', 'Smith'), [christopher])).toBeNull();
  });

  it('does not give a contact the address of another contact at the domain whose name it is', () => {
    // Hunter lists only Christine; Chris and Christine are both our contacts.
    expect(addressOf(person('Chris', 'Smith'), [christine], [person('Christine', 'Smith')])).toBeNull();
    expect(addressOf(person('Christine', 'Smith'), [christine], [person('Chris', 'Smith')])).toBe(
      'christine.smith@acme.com',
    );
    expect(addressOf(person('Chris', 'Smith'), [christine], [person('Jane', 'Doe')])).toBe(
      'christine.smith@acme.com',
    );
  });

  it('takes the most confident address when one person is listed twice', () => {
    const second = listed('Chris', 'Smith', 'csmith@acme.com', 60);
    expect(addressOf(person('Chris', 'Smith'), [second, chris, christine])).toBe('chris.smith@acme.com');
  });
});
