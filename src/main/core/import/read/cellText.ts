import type { CellValue } from 'exceljs';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as the seller typed it: a date alone when it has no time of day. */
function dateText(date: Date): string {
  const ymd = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() || date.getUTCMinutes() || date.getUTCSeconds();
  return hasTime
    ? `${ymd} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
    : ymd;
}

/** Numbers without binary noise (0.1 + 0.2 stored by Excel as 0.30000000000000004). */
function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/**
 * What an Excel cell shows, as text. A formula cell gives its last computed result — what the
 * seller sees — never the formula; rich text gives its plain text; a hyperlink its text.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: CellValue }).result;
      if (result && typeof result === 'object' && 'error' in result) return String(result.error);
      return cellText(result ?? null);
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('text' in value && value.text && typeof value.text === 'object')
      return cellText(value.text as CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
