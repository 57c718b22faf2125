import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { openSheet } from '../import/read/openSheet';
import { addSuppressions, type AddReport, type SuppressionInput } from './suppressions';
import { guessSuppressionKind, type SuppressionKind } from './suppressionValue';

export interface ImportListReport extends AddReport {
  fileName: string;
  rows: number;
  /** Rows with nothing that looks like an email, a domain or a LinkedIn profile (first few). */
  unrecognised: { row: number; text: string }[];
  unrecognisedCount: number;
}

const KIND_WORDS: Record<string, SuppressionKind> = {
  email: 'email',
  'e-mail': 'email',
  'email address': 'email',
  domain: 'domain',
  website: 'domain',
  linkedin: 'linkedin',
  'linkedin url': 'linkedin',
  'profile url': 'linkedin',
};
const REASON_WORDS = new Set(['reason', 'note', 'notes', 'comment', 'why']);

/**
 * Reads a do-not-contact list from a file the seller chose: a plain list (one address, domain or
 * profile a line), a CSV or a spreadsheet. A header row is used when there is one (an "email",
 * "domain" or "LinkedIn" column says the kind; a "reason" column is kept); otherwise every cell
 * that looks like an address, a domain or a LinkedIn profile is taken. All in one transaction.
 */
export async function importSuppressionList(db: Db, path: string, clock: Clock): Promise<ImportListReport> {
  const sheet = await openSheet({ path, noHeader: true });
  const entries: SuppressionInput[] = [];
  const unrecognised: { row: number; text: string }[] = [];
  let unrecognisedCount = 0;
  let rows = 0;
  let columns: (SuppressionKind | 'reason' | null)[] | null = null;
  try {
    for await (const batch of sheet.rows) {
      for (const { row, cells } of batch) {
        const texts = cells.map((c) => c.trim());
        if (texts.every((t) => t === '')) continue;
        if (rows === 0 && columns === null) {
          const named = texts.map((t) => {
            const word = t.toLowerCase();
            return KIND_WORDS[word] ?? (REASON_WORDS.has(word) ? 'reason' : null);
          });
          if (named.some((n) => n !== null && n !== 'reason')) {
            columns = named;
            continue;
          }
        }
        rows++;
        const reasonAt = columns?.indexOf('reason') ?? -1;
        const reason = reasonAt >= 0 ? texts[reasonAt] || null : `from ${sheet.fileName}`;
        let found = 0;
        texts.forEach((text, i) => {
          if (!text || i === reasonAt) return;
          const kind = (columns?.[i] as SuppressionKind | null | undefined) ?? guessSuppressionKind(text);
          if (!kind || kind === ('reason' as string)) return;
          entries.push({ kind, value: text, reason });
          found++;
        });
        if (found === 0) {
          unrecognisedCount++;
          if (unrecognised.length < 10) unrecognised.push({ row, text: texts.join(', ').slice(0, 200) });
        }
      }
    }
  } finally {
    sheet.close();
  }
  const report = addSuppressions(db, entries, clock);
  return { ...report, fileName: sheet.fileName, rows, unrecognised, unrecognisedCount };
}
