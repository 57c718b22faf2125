/**
 * Text folding shared by every normaliser: the same input always gives the same output, with no
 * locale or clock involved, so keys computed on two machines (or two years apart) still meet.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Letters that Unicode does not decompose into a base letter plus an accent. */
const LIGATURES: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const LIGATURE_RE = /[ßæœøłđðþı]/g;
// eslint-disable-next-line no-control-regex -- the ASCII range, on purpose
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case, accents removed (é → e, ß → ss), compatibility forms folded (ﬁ → fi). */
export function foldCase(raw: string): string {
  // Most text is plain ASCII: skip the Unicode decomposition, which costs several times more.
  if (!NON_ASCII.test(raw)) return raw.toLowerCase();
  return raw
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(LIGATURE_RE, (ch) => LIGATURES[ch] ?? ch);
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function isLetter(c: number | undefined): boolean {
  return c !== undefined && c >= 97 && c <= 122;
}

/** Apostrophes and their stand-ins: ' ’ ‘ ` ´, and ? / U+FFFD (a lost curly apostrophe). */
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 96 || c === 0xb4 || c === 63 || c === 0xfffd;
}

/**
 * Folded text as word tokens: apostrophes join (children's → childrens), and a `?` or U+FFFD
 * between two letters is read as a lost curly apostrophe (a common encoding accident in exports);
 * every other non-alphanumeric character separates words. `&` and `+` become the word "and".
 * One pass over the characters: this runs on every name and address of an import.
 */
export function wordTokens(raw: string): string[] {
  const text = foldCase(raw);
  const tokens: string[] = [];
  let start = -1;
  let word = '';
  const flush = (end: number): void => {
    if (start >= 0) word += text.slice(start, end);
    if (word.length > 0) tokens.push(word);
    word = '';
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (isApostrophe(c)) {
      // Inside a word the apostrophe vanishes; elsewhere a ? or ' is just a separator.
      const inside = isLetter(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i + 1));
      if (inside || (c !== 63 && c !== 0xfffd && start >= 0)) {
        if (start >= 0) word += text.slice(start, i);
        start = -1;
        continue;
      }
    }
    flush(i);
    if (c === 38 || c === 43) tokens.push('and');
  }
  flush(text.length);
  return joinInitials(tokens);
}

/**
 * Runs of two or more single letters are one word: "u s a" (from U.S.A.) → "usa", "l l c" → "llc",
 * so dotted and undotted spellings meet. A lone initial stays as it is.
 */
export function joinInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run.length > 0) out.push(run);
    run = '';
  };
  for (const t of tokens) {
    if (t.length === 1 && t >= 'a' && t <= 'z') {
      run += t;
    } else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out;
}

/** Trimmed, or undefined for a blank or missing value. */
export function clean(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const t = raw.trim();
  return t.length > 0 ? t : undefined;
}

const INTERNED = new Map<string, string>();
const INTERN_LIMIT = 200_000;

/**
 * One shared copy of a frequent short value (a street name, a city): 350,000 records hold a few
 * thousand distinct ones. Bounded, so a long-running worker does not grow without end.
 */
export function intern(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const known = INTERNED.get(value);
  if (known !== undefined) return known;
  if (INTERNED.size >= INTERN_LIMIT) INTERNED.clear();
  INTERNED.set(value, value);
  return value;
}
