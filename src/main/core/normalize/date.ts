const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 02/30
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years as spreadsheets read them: 00–29 → 2000s, 30–99 → 1900s. */
const fullYear = (y: number) => (y >= 100 ? y : y < 30 ? 2000 + y : 1900 + y);

/** Excel's day 1 is 1900-01-01, and it counts a 29 Feb 1900 that never was. */
function fromExcelSerial(serial: number): string | null {
  if (serial < 1 || serial > 2_958_465) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A date as YYYY-MM-DD from what spreadsheets hold: US `M/D/YYYY` and `M/D/YY`, ISO with or
 * without time, `05 Nov 2024` and `Nov 5, 2024` (LinkedIn, CRMs), and Excel serial numbers
 * (only when `serials` is set: a bare number is a date only in a column known to hold dates).
 * Null when it cannot be read; never a guess between day-first and month-first (US first).
 */
export function parseDate(raw: string, serials = true): string | null {
  const text = raw.trim();
  if (!text) return null;
  let m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?)?$/i.exec(text);
  if (m) return ymd(fullYear(+m[3]!), +m[1]!, +m[2]!);
  m = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-,]+(\d{2}|\d{4})$/i.exec(text);
  if (m && MONTHS[m[2]!.slice(0, 3).toLowerCase()])
    return ymd(fullYear(+m[3]!), MONTHS[m[2]!.slice(0, 3).toLowerCase()]!, +m[1]!);
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text);
  if (m && MONTHS[m[1]!.slice(0, 3).toLowerCase()])
    return ymd(+m[3]!, MONTHS[m[1]!.slice(0, 3).toLowerCase()]!, +m[2]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  if (serials && /^\d{4,6}(\.\d+)?$/.test(text)) {
    const serial = Number(text);
    // Serials between 1955 and 2099: anything else in a date column is more likely junk.
    if (serial >= 20_000 && serial <= 73_000) return fromExcelSerial(serial);
  }
  return null;
}
