import { foldText } from './text';

// Legal forms that say nothing about which company it is. Compared as whole folded words at the
// end of the name ("Acme Co" but not "Costco").
const LEGAL_SUFFIXES = [
  'incorporated',
  'inc',
  'corporation',
  'corp',
  'company',
  'co',
  'limited',
  'ltd',
  'llc',
  'l l c',
  'llp',
  'lp',
  'pllc',
  'plc',
  'pc',
  'p c',
  'pa',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'kg',
  'pty',
  'pty ltd',
  'pte',
  'pte ltd',
  'sl',
  'kk',
  'the',
];
const SUFFIX_RE = new RegExp(`(?:\\s(?:${LEGAL_SUFFIXES.map((s) => s.replace(/ /g, '\\s')).join('|')}))+$`);

/**
 * A company name as a matching key: case, accents and punctuation removed, `&` read as "and",
 * legal suffixes (Inc, LLC, Corp, Co, Ltd, GmbH, AG, …) dropped from the end, a leading "The"
 * dropped. "The Acme Co., Inc." and "ACME & Sons" → "acme", "acme and sons".
 */
export function companyNameKey(name: string): string {
  let key = foldText(name.replace(/&/g, ' and ').replace(/\+/g, ' and '));
  key = key.replace(/^the\s+/, '');
  const stripped = ` ${key}`.replace(SUFFIX_RE, '').trim();
  // A name that is nothing but a suffix ("Company") keeps its words rather than becoming empty.
  return stripped || key;
}
