import { foldCase, intern } from '../normalize/fold';

/** A street address split into the parts that are compared. All parts folded to lower case. */
export interface NormalizedAddress {
  /** House number; the first of a range ("3450-54" → "3450"). */
  number?: string;
  /** Pre-directional, one letter or two: "n", "sw". */
  direction?: string;
  /** The street's name words, types and directions removed: "lake shore", "113". */
  street: string;
  /** Street type in USPS form ("st", "ave", "blvd"), when one was written. */
  type?: string;
  /** Suite, unit, room or floor designator value: "200" from "Suite 200". */
  unit?: string;
}

/**
 * number + direction + street name with spaces removed: "540 n lakeshore" for both "540 N. Lake
 * Shore Drive" and "540 N Lakeshore Dr". Empty when there is no street name.
 */
export function addressKey(a: NormalizedAddress): string {
  if (a.street.length === 0) return '';
  const compact = a.street.replace(/ /g, '');
  if (a.number && a.direction) return `${a.number} ${a.direction} ${compact}`;
  if (a.number) return `${a.number} ${compact}`;
  if (a.direction) return `${a.direction} ${compact}`;
  return compact;
}

const DIRECTIONS: Readonly<Record<string, string>> = {
  n: 'n',
  north: 'n',
  s: 's',
  south: 's',
  e: 'e',
  east: 'e',
  w: 'w',
  west: 'w',
  ne: 'ne',
  northeast: 'ne',
  nw: 'nw',
  northwest: 'nw',
  se: 'se',
  southeast: 'se',
  sw: 'sw',
  southwest: 'sw',
};

/** Street suffixes (USPS Publication 28, the common ones) → their standard abbreviation. */
const STREET_TYPES: Readonly<Record<string, string>> = {
  street: 'st',
  st: 'st',
  str: 'st',
  avenue: 'ave',
  ave: 'ave',
  av: 'ave',
  aven: 'ave',
  boulevard: 'blvd',
  blvd: 'blvd',
  boul: 'blvd',
  road: 'rd',
  rd: 'rd',
  drive: 'dr',
  dr: 'dr',
  drv: 'dr',
  lane: 'ln',
  ln: 'ln',
  court: 'ct',
  ct: 'ct',
  place: 'pl',
  pl: 'pl',
  parkway: 'pkwy',
  pkwy: 'pkwy',
  pky: 'pkwy',
  highway: 'hwy',
  hwy: 'hwy',
  terrace: 'ter',
  ter: 'ter',
  circle: 'cir',
  cir: 'cir',
  square: 'sq',
  sq: 'sq',
  trail: 'trl',
  trl: 'trl',
  way: 'way',
  wy: 'way',
  plaza: 'plz',
  plz: 'plz',
  expressway: 'expy',
  expy: 'expy',
  freeway: 'fwy',
  fwy: 'fwy',
  turnpike: 'tpke',
  tpke: 'tpke',
  alley: 'aly',
  aly: 'aly',
  crescent: 'cres',
  cres: 'cres',
  row: 'row',
  walk: 'walk',
  path: 'path',
  pike: 'pike',
  loop: 'loop',
  run: 'run',
  cove: 'cv',
  cv: 'cv',
  point: 'pt',
  pt: 'pt',
  center: 'ctr',
  ctr: 'ctr',
};

/** Words that introduce a unit; the next word (or number) is the unit's value. */
const UNIT_WORDS: ReadonlySet<string> = new Set([
  'apt',
  'apartment',
  'suite',
  'ste',
  'unit',
  'rm',
  'room',
  'fl',
  'flr',
  'floor',
  'bldg',
  'building',
  'dept',
  'office',
  'ofc',
  'lot',
  'spc',
  'space',
  'no',
  '#',
]);

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  fifth: '5',
  sixth: '6',
  seventh: '7',
  eighth: '8',
  ninth: '9',
  tenth: '10',
};

const EMPTY: NormalizedAddress = Object.freeze({ street: '' });

/**
 * Normalises the street line of a US-style address: "4800 South Paulina Street, Suite 2B" →
 * number "4800", direction "s", street "paulina", type "st", unit "2b". Ordinals lose their
 * suffix ("61st" → "61"); a written-out unit ("Rm. 105", "#105", "Fl 2") is kept apart, since two
 * businesses in one building differ only there.
 */
export function normalizeAddress(raw: string | null | undefined): NormalizedAddress {
  if (!raw) return EMPTY;
  const text = foldCase(raw)
    .replace(/#/g, ' # ')
    .replace(/(\d)\s*-\s*(\d)/g, '$1-$2')
    .replace(/[^a-z0-9#\- ]+/g, ' ')
    .replace(/([a-z])-([a-z])/g, '$1 $2');
  let tokens = text.split(/[\s]+/).filter((t) => t.length > 0 && t !== '-');
  if (tokens.length === 0) return EMPTY;

  let unit: string | undefined;
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (UNIT_WORDS.has(t) && i > 0) {
      const value = tokens[i + 1];
      if (value !== undefined) {
        unit ??= value.replace(/^#/, '');
        i++;
      }
      continue;
    }
    kept.push(t);
  }
  tokens = kept;

  let number: string | undefined;
  const first = tokens[0];
  if (first !== undefined && /^\d/.test(first)) {
    // "3450-54", "3450-3454", "12a": the leading digits are the house number.
    number = /^\d+/.exec(first)![0];
    tokens = tokens.slice(1);
    // "3416 -18 W 79th": the rest of a range written apart from its start.
    if (tokens.length > 1 && /^-\d+$/.test(tokens[0]!)) tokens = tokens.slice(1);
  }

  let direction: string | undefined;
  if (tokens.length > 1 && DIRECTIONS[tokens[0]!] !== undefined) {
    direction = DIRECTIONS[tokens[0]!];
    tokens = tokens.slice(1);
  }

  let type: string | undefined;
  const streetWords: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const asType = STREET_TYPES[t];
    // A type word ends the street name ("Paulina St"); a trailing direction ("Main St NW") and
    // anything after the type (a city, a stray unit) are not part of the name.
    if (asType !== undefined && streetWords.length > 0) {
      type = asType;
      const rest = tokens.slice(i + 1);
      if (rest.length > 0 && /^\d+[a-z]?$/.test(rest[0]!) && unit === undefined) unit = rest[0];
      break;
    }
    if (DIRECTIONS[t] !== undefined && streetWords.length > 0 && i === tokens.length - 1) break;
    streetWords.push(ordinal(t));
  }
  const street = streetWords.join(' ');
  if (street.length === 0 && number === undefined) return EMPTY;
  // Street names and house numbers repeat across records: share one string per value.
  return { number: intern(number), direction, street: intern(street)!, type, unit };
}

function ordinal(word: string): string {
  const numeric = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  if (numeric) return numeric[1]!;
  return NUMBER_WORDS[word] ?? word;
}

/** The first five digits of a US ZIP code ("60609-1234" → "60609"), or undefined. */
export function normalizeZip(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const m = /^\s*(\d{5})(?:[-\s]?\d{4})?\s*$/.exec(raw);
  if (m) return m[1];
  // A non-US postcode: folded, spaces removed ("SW1A 1AA" → "sw1a1aa"; "4011" stays).
  const other = foldCase(raw).replace(/[^a-z0-9]/g, '');
  return other.length >= 3 ? other : undefined;
}
