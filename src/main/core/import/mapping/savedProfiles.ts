import { createHash } from 'node:crypto';
import { isFieldId, type FieldId } from '@shared/domain/import/fields';
import type { ColumnMapping, SourceKind } from '@shared/domain/import/types';
import type { Db } from '../../db/database';
import { headerKey } from './headerKey';
import type { ImportProfile } from './profiles';

/** A header shape: the folded column names in order. Same shape, same profile. */
export function headerSignature(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(headerKey).join('\u0000')).digest('hex').slice(0, 32);
}

interface ProfileRow {
  id: number;
  name: string;
  header_signature: string;
  headers: string;
  mapping: string;
  source_kind: SourceKind;
}

/** Marks the signature of a layout saved from a file without a header row (see saveProfile). */
const HEADERLESS = 'headerless:';

/**
 * The seller's saved profiles as ImportProfiles: recognised by their exact header shape, or — a
 * layout saved from a file without a header — offered when the seller marks "no header", never
 * picked by itself (a row of data says nothing about which layout it follows).
 */
export function loadSavedProfiles(db: Db): (ImportProfile & { signature: string })[] {
  const rows = db.prepare('SELECT * FROM import_profiles ORDER BY updated_at DESC').all() as ProfileRow[];
  return rows.map((row) => {
    const mapping = JSON.parse(row.mapping) as Record<string, string | null>;
    const columns: Record<string, FieldId | null> = {};
    for (const [header, field] of Object.entries(mapping))
      columns[header] = field && isFieldId(field) ? field : null;
    const headers = JSON.parse(row.headers) as string[];
    return {
      id: `saved:${row.id}`,
      label: row.name,
      sourceKind: row.source_kind,
      columns,
      required: headers,
      signature: row.header_signature,
      ...(row.header_signature.startsWith(HEADERLESS)
        ? { headerless: { layout: headers, recognise: () => false } }
        : {}),
    };
  });
}

/**
 * Remembers how a header shape was mapped, so the next file of that shape maps itself. Called when
 * an import commits; a shape seen before has its profile updated.
 */
export function saveProfile(
  db: Db,
  name: string,
  headers: readonly string[],
  mapping: readonly ColumnMapping[],
  sourceKind: SourceKind,
  now: string,
  options: { headerless?: boolean } = {},
): void {
  // A headerless file's columns are "Column 1"…: one layout per width, the latest mapping kept.
  const signature = `${options.headerless ? HEADERLESS : ''}${headerSignature(headers)}`;
  const byHeader: Record<string, FieldId | null> = {};
  for (const m of mapping) byHeader[m.header] = m.field;
  const existing = db.prepare('SELECT id FROM import_profiles WHERE header_signature = ?').get(signature) as
    { id: number } | undefined;
  if (existing) {
    db.prepare('UPDATE import_profiles SET mapping = ?, source_kind = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(byHeader),
      sourceKind,
      now,
      existing.id,
    );
    return;
  }
  let unique = name;
  for (let n = 2; db.prepare('SELECT 1 FROM import_profiles WHERE name = ?').get(unique); n++)
    unique = `${name} (${n})`;
  db.prepare(
    'INSERT INTO import_profiles (name, header_signature, headers, mapping, source_kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(unique, signature, JSON.stringify(headers), JSON.stringify(byHeader), sourceKind, now, now);
}
