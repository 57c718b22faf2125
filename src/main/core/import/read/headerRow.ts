import { parseDate } from '../../normalize/date';

const NUMBER = /^[\s$€£]*[+-]?[\d,]*\.?\d+\s*%?$/;
const EMAIL = /@.+\./;
const URL_LIKE = /^(https?:\/\/|www\.)/i;
const PHONE = /^[+(]?\d[\d\s().-]{6,}\d$/;

/** A cell that looks like a value (a number, date, email, link or phone) rather than a column name. */
function looksLikeData(cell: string): boolean {
  const text = cell.trim();
  if (!text) return false;
  return (
    NUMBER.test(text) ||
    EMAIL.test(text) ||
    URL_LIKE.test(text) ||
    PHONE.test(text) ||
    parseDate(text, false) !== null ||
    text.length > 60
  );
}

const filled = (cells: string[]) => cells.filter((c) => c.trim() !== '').length;

/**
 * Finds the header row among the first rows of a sheet, below title rows, blank rows and
 * preambles (LinkedIn's Connections.csv opens with a "Notes:" paragraph). The header is the first
 * row that fills at least half as many cells as the data does, with names rather than values.
 * Returns null when the first full row already looks like data: the file has no header (the
 * CSLB License Master is published that way).
 */
export function findHeaderRow(rows: readonly string[][]): number | null {
  const counts = rows.map(filled).filter((n) => n > 0);
  if (counts.length === 0) return null;
  // The width of the data: a high percentile, so a few short title rows do not pull it down.
  const sorted = [...counts].sort((a, b) => a - b);
  const width = sorted[Math.floor((sorted.length - 1) * 0.9)]!;
  const needed = Math.max(width >= 2 ? 2 : 1, Math.ceil(width / 2));
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const cells = rows[i]!;
    const n = filled(cells);
    if (n < needed) continue;
    const dataCells = cells.filter(looksLikeData).length;
    if (dataCells / n > 0.3) return null;
    const names = cells.map((c) => c.trim().toLowerCase()).filter(Boolean);
    // A row of the same word repeated is a group label above the header, not the header.
    if (names.length >= 3 && new Set(names).size <= names.length / 2) continue;
    return i;
  }
  return null;
}

/**
 * Column names as they will be shown and stored: trimmed, blanks named "Column N", repeated
 * names kept apart as "Phone", "Phone (2)".
 */
export function uniqueHeaders(cells: readonly string[], width: number): string[] {
  const seen = new Map<string, number>();
  const headers: string[] = [];
  for (let i = 0; i < width; i++) {
    const base = (cells[i] ?? '').replace(/\s+/g, ' ').trim() || `Column ${i + 1}`;
    const key = base.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    headers.push(count === 1 ? base : `${base} (${count})`);
  }
  // A generated "Phone (2)" may itself collide with a real column of that name; number on.
  const final = new Set<string>();
  return headers.map((h) => {
    let name = h;
    for (let n = 2; final.has(name.toLowerCase()); n++) name = `${h} (${n})`;
    final.add(name.toLowerCase());
    return name;
  });
}
