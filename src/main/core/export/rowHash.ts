import type { Cell } from './formats';

/**
 * A fingerprint of what was sent for one record: 64 bits from two FNV-1a lanes with different
 * seeds. "Changed since the last export" compares one record's fingerprint with its own earlier
 * one, so a chance collision (one in 2^64) is the only way a change could be missed.
 */
export function rowHash(cells: readonly Cell[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? null;
    const text = cell === null ? '\u0000' : typeof cell === 'number' ? `#${cell}` : cell;
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 13);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
