import type { Locator } from 'playwright-core';
import type { ConnectionDegree, MutualConnections } from '../types';

/** Whitespace collapsed and trimmed; null for nothing. */
export function clean(text: string | null | undefined): string | null {
  const cleaned = (text ?? '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** "• 2nd", "2nd degree connection", "· 3rd+", "1st" → 1 | 2 | 3; anything else null. */
export function parseDegree(text: string | null | undefined): ConnectionDegree {
  const digit = /\b([123])(?:st|nd|rd)\b/.exec(text ?? '')?.[1];
  return digit === '1' ? 1 : digit === '2' ? 2 : digit === '3' ? 3 : null;
}

/**
 * "Jordan Lee, Sam Patel, and 12 other mutual connections" → 14; "A and B are mutual connections"
 * → 2; "A is a mutual connection" → 1; "A and 1 other mutual connection" → 2. The named people
 * come from the page's bold spans, the rest from the number.
 */
export function parseMutualConnections(text: string | null, names: string[]): MutualConnections {
  if (!text || !/mutual connection/i.test(text)) return { count: 0, names: [] };
  const others = /(\d[\d,]*)\s+other/i.exec(text);
  const count = names.length + (others ? Number(others[1]!.replace(/,/g, '')) : 0);
  return { count: Math.max(count, names.length), names };
}

/**
 * The company in a line like "Current: CEO at Acme Roofing" or a headline "CEO at Acme Roofing |
 * Storm restoration": the words after the last " at " of the first part that has one. Headlines
 * without " at " ("VP of Sales, Acme") give null rather than a guess.
 */
export function companyFromLine(line: string | null): string | null {
  if (!line) return null;
  const body = line.replace(/^current:\s*/i, '');
  for (const part of body.split(/\s[|·•–—-]\s|\|/)) {
    const match = /\s(?:at|@)\s+(.+)$/i.exec(part.trim());
    if (match?.[1]) return clean(match[1]);
  }
  return null;
}

/** The text of the first match inside `scope`, without waiting: absent is null. */
export async function textIn(scope: Locator, selector: string): Promise<string | null> {
  const texts = await scope.locator(selector).allTextContents();
  return clean(texts[0]);
}

/** An attribute of the first match inside `scope`, without waiting: absent is null. */
export async function attributeIn(scope: Locator, selector: string, name: string): Promise<string | null> {
  const match = scope.locator(selector);
  if ((await match.count()) === 0) return null;
  return match.first().getAttribute(name, { timeout: 2000 });
}
