import { AppFailure } from '@shared/contract/result';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import {
  SETTINGS_SECTIONS,
  SECTION_NAMES,
  type AllSettings,
  type SectionName,
  type SectionValue,
} from '@shared/domain/settings';

/** A section's rules as stored, completed with defaults; the defaults when nothing is stored. */
export function readSettings<S extends SectionName>(db: Db, section: S): SectionValue<S> {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(section) as
    string | undefined;
  const schema = SETTINGS_SECTIONS[section];
  let stored: unknown = {};
  if (row !== undefined) {
    try {
      stored = JSON.parse(row);
    } catch {
      stored = {};
    }
  }
  const parsed = schema.safeParse(stored);
  // A stored value that no longer fits (edited by hand, written by a future version) falls back
  // to the defaults rather than stopping every feature that reads it.
  return (parsed.success ? parsed.data : schema.parse({})) as SectionValue<S>;
}

/** Replaces a section's rules after checking them; the change is recorded in the audit log. */
export function writeSettings<S extends SectionName>(
  db: Db,
  section: S,
  value: unknown,
  clock: Clock,
): SectionValue<S> {
  const parsed = SETTINGS_SECTIONS[section].safeParse(value);
  if (!parsed.success) {
    throw new AppFailure(
      'invalid_input',
      parsed.error.issues.map((i) => `${i.path.join('.') || section}: ${i.message}`).join('; '),
    );
  }
  const before = readSettings(db, section);
  db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(section, JSON.stringify(parsed.data), clock.now().toISOString());
  recordAudit(db, { action: 'settings.changed', details: { section, before, after: parsed.data } }, clock);
  return parsed.data as SectionValue<S>;
}

export function readAllSettings(db: Db): AllSettings {
  return Object.fromEntries(SECTION_NAMES.map((name) => [name, readSettings(db, name)])) as AllSettings;
}
