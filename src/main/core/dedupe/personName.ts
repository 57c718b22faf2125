import { wordTokens } from './text';

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
