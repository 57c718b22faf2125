import { formatCount } from '@shared/domain/format';
import { UNVERIFIED_RULE } from '@shared/domain/privacy';
import { systemClock } from '../../core/clock';
import { erasePerson } from '../../core/privacy/erase';
import { exportPerson, personExportsFolder } from '../../core/privacy/exportPerson';
import { previewRetention, purgeUnverified } from '../../core/privacy/retention';
import { readSettings } from '../../core/settings/settingsStore';
import type { CliCommand } from '../command';
import { UsageError } from '../io';

const contactId = (value: string | undefined, command: string): number => {
  const id = Number(value);
  if (!value || !Number.isInteger(id) || id <= 0)
    throw new UsageError(`${command} needs a contact id (a number).`);
  return id;
};

export const personExportCommand: CliCommand = {
  name: 'person export',
  usage: 'person export ID [--out FILE] [--json]',
  summary: 'everything held on a person, as one JSON file',
  options: { out: { type: 'string' } },
  run({ db, dbPath, io, json, positionals, options }) {
    const id = contactId(positionals[0], 'person export');
    const out = options.out as string | undefined;
    const written = exportPerson(
      db,
      id,
      systemClock,
      out ? { out } : { folder: personExportsFolder(dbPath) },
    );
    if (json) io.out(JSON.stringify(written));
    else io.out(`Wrote everything held on contact ${id} to ${written.path}.`);
  },
};

export const personEraseCommand: CliCommand = {
  name: 'person erase',
  usage: 'person erase ID --yes [--suppress] [--json]',
  summary: 'erase a person everywhere (the audit log keeps only the id and counts)',
  options: { yes: { type: 'boolean' }, suppress: { type: 'boolean' } },
  run({ db, io, json, positionals, options }) {
    const id = contactId(positionals[0], 'person erase');
    if (!options.yes)
      throw new UsageError(
        `Erasing contact ${id} cannot be undone (except by restoring a backup). Add --yes.`,
      );
    const report = erasePerson(db, id, systemClock, { suppress: options.suppress === true, actor: 'cli' });
    if (json) io.out(JSON.stringify(report));
    else {
      io.out(
        `Erased contact ${id}: ${report.contacts} record(s), ${report.emails} email(s), ${report.outreachActions} outreach action(s), ${report.sourceRowsRedacted} raw row(s) blanked.`,
      );
      if (report.personExports)
        io.out(`Deleted ${report.personExports} export(s) of their data from the person-exports folder.`);
      if (report.inExports)
        io.out(
          `They were in ${report.inExports} export file(s) already written; remove them from your CRM too.`,
        );
    }
  },
};

export const purgeCommand: CliCommand = {
  name: 'purge',
  usage: 'purge [--days N] [--dry-run] [--json]',
  summary: 'the retention rule: erase unverified contacts older than N days (default: the setting)',
  options: { days: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  run({ db, io, json, options }) {
    const days =
      options.days === undefined ? readSettings(db, 'privacy').retentionDays : Number(options.days);
    if (!Number.isInteger(days) || days < 0) throw new UsageError('--days must be a whole number of days.');
    if (days === 0) throw new UsageError('The retention rule is off: give --days N, or set it in Settings.');
    if (options['dry-run']) {
      const preview = previewRetention(db, days, systemClock);
      if (json) io.out(JSON.stringify(preview));
      else {
        io.out(
          `${formatCount(preview.count)} unverified contact(s) older than ${days} days would be erased.`,
        );
        io.out(`Unverified: ${UNVERIFIED_RULE.join('; ')}.`);
      }
      return;
    }
    const report = purgeUnverified(db, days, systemClock);
    if (json) io.out(JSON.stringify(report));
    else io.out(`Erased ${formatCount(report.purged)} unverified contact(s) older than ${days} days.`);
  },
};
