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

/** Lower case, accents removed (é → e, ß → ss), compatibility forms folded (ﬁ → fi). */
export function foldCase(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(LIGATURE_RE, (ch) => LIGATURES[ch] ?? ch);
}

/**
 * Folded text as word tokens: apostrophes join (children's → childrens), and a `?` or U+FFFD
 * between two letters is read as a lost curly apostrophe (a common encoding accident in exports);
 * every other non-alphanumeric character separates words. `&` becomes the word "and".
 */
export function wordTokens(raw: string): string[] {
  const folded = foldCase(raw)
    .replace(/([a-z])['’‘`´?\ufffd]([a-z])/g, '$1$2')
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' and ');
  const tokens = folded.split(/[^a-z0-9]+/).filter((t) => t.length > 0);
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
