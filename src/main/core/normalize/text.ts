import { decodeHTML } from 'entities';
import { foldCase } from './fold';

const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i;
// Anything cleanText would change besides the ends; most cells have none of it.
const NEEDS_CLEANING = /&|\s\s|[\t\n\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
// Spaces that look like spaces but are not: no-break, thin, zero-width, byte-order mark.
const ODD_SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;

/**
 * A cell as a seller means it: HTML entities decoded (`AT&amp;T` → `AT&T`), odd spaces made plain,
 * line breaks and runs of spaces folded to one space, trimmed. `multiline` keeps line breaks
 * (for notes), folding only runs of spaces within each line.
 */
export function cleanText(raw: string, multiline = false): string {
  if (raw === '') return '';
  if (!NEEDS_CLEANING.test(raw)) return raw.trim();
  let text = ENTITY.test(raw) ? decodeHTML(raw) : raw;
  text = text.replace(ODD_SPACES, (ch) => (ch === '\u200b' || ch === '\ufeff' ? '' : ' '));
  if (multiline) {
    return text
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
      .join('\n')
      .trim();
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Lowercase, accents removed, only letters and digits separated by single spaces. */
export function foldText(text: string): string {
  return foldCase(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
