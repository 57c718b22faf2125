import { AppFailure } from '@shared/contract/result';
import type {
  ExportColumnChoice,
  ExportColumnInfo,
  ExportFormatInfo,
  ExportTarget,
} from '@shared/domain/export';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { readSettings, writeSettings } from '../settings/settingsStore';
import { FORMATS, type ColumnDef, type ExportFormat } from './formats';

/** A format column with the seller's choices applied. */
export interface ActiveColumn extends ColumnDef {
  header: string;
}

/**
 * The format's columns in the seller's order, with the seller's names and on/off choices; columns
 * the seller never saw (added by a later version) come after theirs with their defaults. Required
 * columns are always on.
 */
export function columnInfos(
  format: ExportFormat,
  saved: readonly ExportColumnChoice[] | undefined,
): ExportColumnInfo[] {
  const byKey = new Map(format.columns.map((c) => [c.key, c]));
  const out: ExportColumnInfo[] = [];
  const seen = new Set<string>();
  for (const choice of saved ?? []) {
    const def = byKey.get(choice.key);
    if (!def || seen.has(def.key)) continue;
    seen.add(def.key);
    out.push(info(def, choice.header, choice.enabled || Boolean(def.required)));
  }
  for (const def of format.columns) if (!seen.has(def.key)) out.push(info(def, def.header, !def.off));
  return out;
}

function info(def: ColumnDef, header: string, enabled: boolean): ExportColumnInfo {
  return {
    key: def.key,
    header,
    enabled,
    defaultHeader: def.header,
    description: def.description,
    required: Boolean(def.required),
  };
}

export function formatInfo(db: Db, target: ExportTarget): ExportFormatInfo {
  const format = FORMATS[target];
  return {
    target,
    label: format.label,
    summary: format.summary,
    maxRows: format.maxRows,
    columns: columnInfos(format, readSettings(db, 'export').mappings[target]),
  };
}

/** The columns an export of this target writes, in order. */
export function activeColumns(db: Db, target: ExportTarget): ActiveColumn[] {
  const format = FORMATS[target];
  const byKey = new Map(format.columns.map((c) => [c.key, c]));
  return columnInfos(format, readSettings(db, 'export').mappings[target])
    .filter((c) => c.enabled)
    .map((c) => ({ ...byKey.get(c.key)!, header: c.header }));
}

/**
 * Saves the seller's columns for a target. Refused, with the reason, when a column is unknown or
 * named twice, a required one is left out, or two written columns share a header.
 */
export function saveColumns(
  db: Db,
  target: ExportTarget,
  choices: readonly ExportColumnChoice[],
  clock: Clock,
): ExportFormatInfo {
  const format = FORMATS[target];
  const known = new Map(format.columns.map((c) => [c.key, c]));
  const keys = new Set<string>();
  const headers = new Map<string, string>();
  for (const choice of choices) {
    const def = known.get(choice.key);
    if (!def) throw new AppFailure('invalid_input', `${format.label} has no column “${choice.key}”.`);
    if (keys.has(choice.key))
      throw new AppFailure('invalid_input', `The column “${choice.key}” is listed twice.`);
    keys.add(choice.key);
    if (def.required && !choice.enabled)
      throw new AppFailure(
        'invalid_input',
        `${format.label} needs the column ${def.header}; rename it if you like, but keep it.`,
      );
    if (!choice.enabled) continue;
    const folded = choice.header.trim().toLowerCase();
    const other = headers.get(folded);
    if (other)
      throw new AppFailure(
        'invalid_input',
        `Two columns would both be called “${choice.header.trim()}” (${other} and ${choice.key}).`,
      );
    headers.set(folded, choice.key);
  }
  const settings = readSettings(db, 'export');
  writeSettings(
    db,
    'export',
    {
      ...settings,
      mappings: { ...settings.mappings, [target]: choices.map((c) => ({ ...c, header: c.header.trim() })) },
    },
    clock,
  );
  return formatInfo(db, target);
}

/** Back to the target's own columns. */
export function resetColumns(db: Db, target: ExportTarget, clock: Clock): ExportFormatInfo {
  const settings = readSettings(db, 'export');
  const { [target]: _dropped, ...rest } = settings.mappings;
  writeSettings(db, 'export', { ...settings, mappings: rest }, clock);
  return formatInfo(db, target);
}
