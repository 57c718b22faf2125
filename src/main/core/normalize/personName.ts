import { wordTokens } from './fold';

const HONORIFICS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'rev',
  'fr',
  'hon',
]);
const GENERATIONAL: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v']);
const CREDENTIALS: ReadonlySet<string> = new Set([
  'phd',
  'md',
  'do',
  'dds',
  'mba',
  'cpa',
  'esq',
  'pe',
  'rn',
  'np',
  'pmp',
  'cfa',
  'cfp',
  'jd',
  'ma',
  'ms',
  'msc',
  'bsc',
  'ba',
  'bs',
  'edd',
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
/** Jr., III, PhD, MBA…: words after a name that are not part of it. */
const isSuffix = (token: string) => GENERATIONAL.has(token) || CREDENTIALS.has(token);

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
    if (afterTokens.length > 0 && !afterTokens.every((t) => isSuffix(bare(t)))) {
      const first = afterTokens.filter((t) => !isSuffix(bare(t)) && !HONORIFICS.has(bare(t)))[0] ?? null;
      return { first, last: before || null };
    }
    return splitFullName(before);
  }
  const tokens = text.split(/\s+/).filter((t) => !HONORIFICS.has(bare(t)));
  while (tokens.length > 1 && isSuffix(bare(tokens[tokens.length - 1]!))) tokens.pop();
  if (tokens.length === 0) return { first: null, last: null };
  if (tokens.length === 1) return { first: tokens[0]!, last: null };
  let lastStart = tokens.length - 1;
  while (lastStart > 1 && PARTICLES.has(bare(tokens[lastStart - 1]!))) lastStart--;
  return { first: tokens[0]!, last: tokens.slice(lastStart).join(' ') };
}

export function joinName(first: string | null, last: string | null): string {
  return [first, last].filter((part) => part && part.trim()).join(' ');
}

export interface PersonNameParts {
  /** Given name(s) as folded words, e.g. ["mary", "ann"]; empty when unknown. */
  first: string[];
  /** Family name as folded words, e.g. ["de", "la", "cruz"]; empty when unknown. */
  last: string[];
}

function stripTitles(tokens: string[], atEnd: boolean): string[] {
  let start = 0;
  while (start < tokens.length && HONORIFICS.has(tokens[start]!)) start++;
  let end = tokens.length;
  if (atEnd) {
    while (end > start + 1 && (GENERATIONAL.has(tokens[end - 1]!) || CREDENTIALS.has(tokens[end - 1]!)))
      end--;
  }
  return tokens.slice(start, end);
}

/**
 * Splits a full name into given and family names: "Smith, Mary Ann" and "Dr. Mary Ann Smith,
 * PhD" both give first ["mary","ann"], last ["smith"]. Without a comma the last word is the family
 * name (a simple, predictable rule; multi-word surnames without a comma keep only the last word).
 */
export function splitPersonName(raw: string | null | undefined): PersonNameParts {
  if (!raw) return { first: [], last: [] };
  const commaParts = raw.split(',');
  if (commaParts.length >= 2) {
    const head = stripTitles(wordTokens(commaParts[0]!), false);
    const tail = wordTokens(commaParts.slice(1).join(' '));
    // "Smith, Jr." or "Mary Smith, PhD": the part after the comma is only a suffix.
    const tailIsSuffix = tail.length > 0 && tail.every((t) => GENERATIONAL.has(t) || CREDENTIALS.has(t));
    if (tailIsSuffix) return splitPersonName(commaParts[0]);
    const first = stripTitles(tail, true);
    if (first.length > 0 && head.length > 0) return { first, last: head };
  }
  const tokens = stripTitles(wordTokens(raw), true);
  if (tokens.length === 0) return { first: [], last: [] };
  if (tokens.length === 1) return { first: [], last: tokens };
  return { first: tokens.slice(0, -1), last: tokens.slice(-1) };
}

/**
 * One key for a person's name: folded given names, then family name, titles and suffixes gone
 * ("Dr. José  Pérez-Díaz Jr." → "jose perez diaz"). Two spellings of one name share it.
 */
export function personNameKey(raw: string | null | undefined): string {
  const { first, last } = splitPersonName(raw);
  return [...first, ...last].join(' ');
}

/** Folded words of one name part (a given name or a surname column). */
export function namePartKey(raw: string | null | undefined): string {
  return raw ? wordTokens(raw).join(' ') : '';
}
