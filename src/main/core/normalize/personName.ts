import { foldText } from './text';

const PREFIXES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'rev', 'hon']);
const SUFFIXES = new Set([
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'v',
  'phd',
  'md',
  'mba',
  'cpa',
  'esq',
  'pe',
  'dds',
  'rn',
  'jd',
  'pmp',
  'cfa',
]);
// Parts of a surname that come before its last word: van der Berg, de la Cruz, St. John.
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'du',
  'la',
  'le',
  'st',
  'ter',
  'ten',
  'bin',
  'al',
  'el',
]);

const bare = (token: string) => token.toLowerCase().replace(/[.,]/g, '');

export interface SplitName {
  first: string | null;
  last: string | null;
}

/**
 * First and last name from a full name as people write it: "Ann Lee", "Lee, Ann", "Dr. Ann
 * B. Lee Jr.", "Maria de la Cruz". Titles and suffixes are dropped from the parts (the full name
 * keeps them); surname particles stay with the surname.
 */
export function splitFullName(full: string): SplitName {
  const text = full.trim();
  if (!text) return { first: null, last: null };
  const comma = text.indexOf(',');
  if (comma > 0) {
    const before = text.slice(0, comma).trim();
    const after = text.slice(comma + 1).trim();
    // "Lee, Ann" — but not "Ann Lee, PhD", where what follows the comma is a suffix.
    const afterTokens = after.split(/\s+/).filter(Boolean);
    if (afterTokens.length > 0 && !afterTokens.every((t) => SUFFIXES.has(bare(t)))) {
      const first = afterTokens.filter((t) => !SUFFIXES.has(bare(t)) && !PREFIXES.has(bare(t)))[0] ?? null;
      return { first, last: before || null };
    }
    return splitFullName(before);
  }
  const tokens = text.split(/\s+/).filter((t) => !PREFIXES.has(bare(t)));
  while (tokens.length > 1 && SUFFIXES.has(bare(tokens[tokens.length - 1]!))) tokens.pop();
  if (tokens.length === 0) return { first: null, last: null };
  if (tokens.length === 1) return { first: tokens[0]!, last: null };
  let lastStart = tokens.length - 1;
  while (lastStart > 1 && PARTICLES.has(bare(tokens[lastStart - 1]!))) lastStart--;
  return { first: tokens[0]!, last: tokens.slice(lastStart).join(' ') };
}

export function joinName(first: string | null, last: string | null): string {
  return [first, last].filter((part) => part && part.trim()).join(' ');
}

/** The name as a matching key: folded, without titles and suffixes. */
export function personNameKey(first: string | null, last: string | null, full?: string | null): string {
  const { first: f, last: l } = first || last ? { first, last } : splitFullName(full ?? '');
  return foldText(joinName(f, l));
}
