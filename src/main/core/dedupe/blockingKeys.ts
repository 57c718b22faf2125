import { doubleMetaphone } from 'double-metaphone';
import { addressKey } from './address';
import type { PreparedCompany, PreparedPerson } from './records';

/**
 * The blocking keys of each kind of record, as readable strings (prefix:value); `BlockIndex`
 * hashes them. A pair needs to share only one key to be scored, so the keys are chosen so that
 * each kind of near-duplicate shares at least one: a reformatted phone shares `p:`, a changed
 * legal suffix shares `n:`, a typo in one word shares the other words' `t:`, a new name at the
 * same address shares `a:`.
 */
export function companyBlockingKeys(c: PreparedCompany): string[] {
  const keys: string[] = [];
  for (const e of c.emails) keys.push(`e:${e}`);
  for (const d of c.domains) keys.push(`d:${d}`);
  if (c.license) keys.push(`l:${c.license}`);
  if (c.crmId) keys.push(`c:${c.crmId}`);
  if (c.local7) keys.push(`p:${c.local7}`);
  const addr = c.address;
  if (addr.street && addr.number) {
    keys.push(`a:${addressKey(addr)}`);
    // A typo in the street name: same house number, same first letters.
    keys.push(`s:${addr.number}:${addr.street.replace(/ /g, '').slice(0, 3)}`);
  }
  if (c.nameKey) {
    keys.push(`n:${c.nameKey}`);
    for (const t of c.nameKey.split(' ')) if (t.length >= 3 || /^\d+$/.test(t)) keys.push(`t:${t}`);
    // Names of common words only ("Chicago Plumbing"): their word blocks are capped, so pair them
    // with where they are.
    const where = c.zip ?? c.city;
    if (where) keys.push(`z:${where}:${c.nameKey.replace(/ /g, '').slice(0, 4)}`);
  }
  return keys;
}

function phonetic(word: string): string {
  return word ? doubleMetaphone(word)[0] : '';
}

export function personBlockingKeys(p: PreparedPerson): string[] {
  const keys: string[] = [];
  for (const e of p.personalEmails) keys.push(`e:${e}`);
  if (p.linkedin) keys.push(`li:${p.linkedin}`);
  if (p.nationalId) keys.push(`id:${p.nationalId}`);
  if (p.local7) keys.push(`p:${p.local7}`);
  if (p.birthDate) keys.push(`b:${p.birthDate}`);
  const last = p.last.replace(/ /g, '');
  const first = p.first.replace(/ /g, '');
  if (p.nameKey) keys.push(`n:${p.nameKey}`);
  // Sound-alike surname with the first initial, and sound-alike given name with the surname's
  // initial: one typo in either name still leaves one key intact.
  if (last) keys.push(`l:${phonetic(last)}:${first.slice(0, 1)}`);
  if (first) keys.push(`f:${phonetic(first)}:${last.slice(0, 1)}`);
  if (p.zip && (last || first)) keys.push(`z:${p.zip}:${(last || first).slice(0, 2)}`);
  if (p.address.street && p.address.number) keys.push(`a:${addressKey(p.address)}`);
  if (p.companyId !== undefined && last) keys.push(`c:${p.companyId}:${last.slice(0, 3)}`);
  else if (p.companyKey && last) keys.push(`ck:${p.companyKey}:${last.slice(0, 3)}`);
  return keys;
}
