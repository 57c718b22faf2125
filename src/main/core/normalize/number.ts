/** "1,234", "$1,234.50", "15%", " 42 " → a number; null when it is not one. */
export function parseNumber(raw: string): number | null {
  const text = raw
    .trim()
    .replace(/^\$/, '')
    .replace(/,(?=\d{3}\b)/g, '')
    .replace(/%$/, '')
    .trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
