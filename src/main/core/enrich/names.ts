/**
 * People's names as they appear in email addresses: "Renée O'Brien-Smith, Jr." → first "renee",
 * last "obrien-smith". Addresses are ASCII, so accents are dropped (with the German ä → ae spelling
 * kept as a variant), apostrophes vanish, hyphens stay (and a hyphen-less variant is kept),
 * particles join the last name ("van der Berg" → "vanderberg"), and honorifics, suffixes,
 * credentials, nicknames and middle names are set aside.
 */

export interface NameInput {
  firstName?: string | null;
  lastName?: string | null;
  fullName?: string | null;
}

/** One part of a name, ready for an address. */
export interface NamePart {
  /** The usual spelling: lowercase ASCII letters and hyphens. */
  value: string;
  /** Other spellings seen in addresses for the same part, most likely first. */
  variants: string[];
  /** Only an initial was known ("J."), so patterns that need the whole part cannot be built. */
  initialOnly: boolean;
}

export interface PersonName {
  first: NamePart;
  last: NamePart;
  middle: string[];
}

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
};
const GERMAN_UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

const HONORIFICS = new Set([
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
const SUFFIXES = new Set([
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'phd',
  'md',
  'mba',
  'cpa',
  'esq',
  'dds',
  'dvm',
  'jd',
  'pe',
  'rn',
  'cfa',
  'cfp',
  'pmp',
  'ret',
]);
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'dela',
  'di',
  'da',
  'du',
  'des',
  'la',
  'le',
  'dos',
  'das',
  'do',
  'st',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
  'el',
  'zu',
  'op',
]);

/** Accents and letters outside ASCII folded to their usual ASCII spelling: "Łódź" → "Lodz". */
export function foldToAscii(text: string, german = false): string {
  let out = '';
  for (const ch of text) {
    out += (german ? GERMAN_UMLAUTS[ch] : undefined) ?? SPECIAL_LETTERS[ch] ?? ch;
  }
  return out.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** A word compared against the honorific and suffix lists: "Ph.D." → "phd". */
const bare = (word: string): string =>
  foldToAscii(word)
    .toLowerCase()
    .replace(/[^a-z]/g, '');

function toAddressText(raw: string, german: boolean): string {
  return foldToAscii(raw, german)
    .toLowerCase()
    .replace(/['’ʼ`´]/g, '')
    .replace(/[^a-z-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Builds a part from one or more words; `alternates` are whole other spellings to offer too. */
function makePart(words: string[], alternates: string[][] = []): NamePart | null {
  const value = words.map((w) => toAddressText(w, false)).join('');
  if (value === '') return null;
  const variants = new Set<string>();
  const germanValue = words.map((w) => toAddressText(w, true)).join('');
  for (const v of [germanValue, value.replace(/-/g, ''), germanValue.replace(/-/g, '')]) variants.add(v);
  for (const alt of alternates) {
    const v = alt.map((w) => toAddressText(w, false)).join('');
    if (v) variants.add(v);
  }
  variants.delete(value);
  variants.delete('');
  return { value, variants: [...variants], initialOnly: value.replace(/-/g, '').length === 1 };
}

function words(text: string): string[] {
  return text
    .replace(/\([^)]*\)|\[[^\]]*\]|"[^"]*"|“[^”]*”/g, ' ') // nicknames: Robert (Bob) Smith, John "Jack" Ryan
    .split(/[\s]+/)
    .map((w) => w.replace(/^[.,;]+|[,;]+$/g, ''))
    .filter((w) => w !== '' && toAddressText(w, false) !== '' && w !== '-');
}

function dropHonorifics(list: string[]): string[] {
  let i = 0;
  while (i < list.length - 1 && HONORIFICS.has(bare(list[i]!))) i++;
  return list.slice(i);
}

function dropSuffixes(list: string[], keep: number): string[] {
  let end = list.length;
  while (end > keep && SUFFIXES.has(bare(list[end - 1]!))) end--;
  return list.slice(0, end);
}

/** "Smith, John A." → "John A. Smith"; "John Smith, Jr., CPA" → "John Smith". */
function unComma(full: string): string {
  const segments = full
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  while (segments.length > 1 && words(segments[segments.length - 1]!).every((w) => SUFFIXES.has(bare(w)))) {
    segments.pop();
  }
  if (segments.length === 2) return `${segments[1]} ${segments[0]}`;
  return segments.join(' ');
}

/** The last name starts at the first particle before the final word: "Ludwig van der Rohe". */
function splitLast(list: string[]): { first: string; middle: string[]; last: string[] } {
  let start = list.length - 1;
  while (start - 1 >= 1 && PARTICLES.has(bare(list[start - 1]!))) start--;
  return { first: list[0]!, middle: list.slice(1, start), last: list.slice(start) };
}

/** Alternate spellings of a multi-word last name: the Spanish first surname alone ("García López"). */
function lastAlternates(last: string[]): string[][] {
  if (last.length > 1 && !PARTICLES.has(bare(last[0]!))) return [[last[0]!]];
  return [];
}

/**
 * A name ready for address patterns, or null when there is no usable first and last name (one
 * word only, or no Latin letters at all; we do not transliterate other scripts).
 */
export function parsePersonName(input: NameInput): PersonName | null {
  const firstField = input.firstName?.trim() ?? '';
  const lastField = input.lastName?.trim() ?? '';
  if (firstField && lastField) {
    const firstWords = dropHonorifics(words(firstField));
    const lastWords = dropSuffixes(words(unComma(lastField)), 1);
    if (firstWords.length === 0 || lastWords.length === 0) return null;
    const first = makePart([firstWords[0]!]);
    const last = makePart(lastWords, lastAlternates(lastWords));
    if (!first || !last) return null;
    return { first, last, middle: firstWords.slice(1).map((w) => toAddressText(w, false)) };
  }
  const full = input.fullName?.trim() || `${firstField} ${lastField}`.trim();
  if (!full) return null;
  const list = dropSuffixes(dropHonorifics(words(unComma(full))), 2);
  if (list.length < 2) return null;
  const split = splitLast(list);
  const first = makePart([split.first]);
  const last = makePart(split.last, lastAlternates(split.last));
  if (!first || !last) return null;
  return { first, last, middle: split.middle.map((w) => toAddressText(w, false)).filter(Boolean) };
}

/** "mary-jane" → "m"; initials come from the usual spelling. */
export const initialOf = (part: NamePart): string => part.value.replace(/-/g, '').charAt(0);
