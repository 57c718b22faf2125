const CANDIDATES = [',', '\t', ';', '|'] as const;

/** Fields in one line for a delimiter, ignoring delimiters inside double quotes. */
function countFields(line: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) fields++;
  }
  return fields;
}

/**
 * Picks the delimiter that splits the most lines into the same number of fields (more than one).
 * Title rows and preambles above the header (LinkedIn's "Notes:" paragraph) are outvoted by the
 * data lines below them.
 */
export function sniffDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 200);
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of CANDIDATES) {
    const frequency = new Map<number, number>();
    for (const line of lines) {
      const n = countFields(line, delimiter);
      if (n > 1) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const [fields, lineCount] of frequency) score = Math.max(score, lineCount * 1000 + fields);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
