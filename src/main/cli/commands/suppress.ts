import path from 'node:path';
import { formatCount } from '@shared/domain/format';
import { systemClock } from '../../core/clock';
import { addSuppressions, listSuppressions, removeSuppression } from '../../core/suppression/suppressions';
import { guessSuppressionKind, type SuppressionKind } from '../../core/suppression/suppressionValue';
import { importSuppressionList } from '../../core/suppression/importList';
import type { CliCommand } from '../command';
import { UsageError } from '../io';

const KINDS: SuppressionKind[] = ['email', 'domain', 'linkedin'];

export const suppressListCommand: CliCommand = {
  name: 'suppress list',
  usage: 'suppress list [--json]',
  summary: 'the do-not-contact list',
  run({ db, io, json }) {
    const list = listSuppressions(db);
    if (json) io.out(JSON.stringify({ suppressions: list }));
    else if (list.length === 0) io.out('The do-not-contact list is empty.');
    else
      for (const s of list)
        io.out(`#${s.id}  ${s.kind.padEnd(8)} ${s.value}${s.reason ? `  — ${s.reason}` : ''}`);
  },
};

export const suppressAddCommand: CliCommand = {
  name: 'suppress add',
  usage: 'suppress add VALUE... [--kind email|domain|linkedin] [--reason TEXT] [--json]',
  summary: 'never contact these addresses, domains or LinkedIn profiles',
  options: { kind: { type: 'string' }, reason: { type: 'string' } },
  run({ db, io, json, options, positionals }) {
    if (positionals.length === 0) throw new UsageError('suppress add needs at least one value.');
    const kind = options.kind as SuppressionKind | undefined;
    if (kind && !KINDS.includes(kind)) throw new UsageError('--kind must be email, domain or linkedin.');
    const unknown: string[] = [];
    const entries = positionals.flatMap((value) => {
      const k = kind ?? guessSuppressionKind(value);
      if (!k) {
        unknown.push(value);
        return [];
      }
      return [{ kind: k, value, reason: (options.reason as string | undefined) ?? null }];
    });
    const report = addSuppressions(db, entries, systemClock, 'cli');
    const invalid = [...unknown, ...report.invalid.map((i) => i.value)];
    if (json) io.out(JSON.stringify({ ...report, invalid }));
    else {
      io.out(`Added ${report.added}; ${report.alreadyListed} already listed.`);
      if (invalid.length) io.out(`Not an email, a domain or a LinkedIn profile: ${invalid.join(', ')}`);
    }
  },
};

export const suppressRemoveCommand: CliCommand = {
  name: 'suppress remove',
  usage: 'suppress remove ID [--json]',
  summary: 'take an entry off the do-not-contact list',
  run({ db, io, json, positionals }) {
    const id = Number(positionals[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('suppress remove needs an entry id.');
    const removed = removeSuppression(db, id, systemClock);
    if (!removed) throw new UsageError(`There is no entry ${id} on the do-not-contact list.`);
    if (json) io.out(JSON.stringify({ removed: id }));
    else io.out(`Removed entry ${id}.`);
  },
};

export const suppressImportCommand: CliCommand = {
  name: 'suppress import',
  usage: 'suppress import FILE [--json]',
  summary: 'add a do-not-contact list from a CSV, text or Excel file',
  async run({ db, io, json, positionals }) {
    if (!positionals[0]) throw new UsageError('suppress import needs a file.');
    const report = await importSuppressionList(db, path.resolve(positionals[0]), systemClock);
    if (json) io.out(JSON.stringify(report));
    else {
      io.out(
        `${report.fileName}: ${formatCount(report.added)} added, ${formatCount(report.alreadyListed)} already listed, ${formatCount(report.invalid.length)} invalid.`,
      );
      if (report.unrecognisedCount)
        io.out(`${formatCount(report.unrecognisedCount)} rows had nothing to list.`);
    }
  },
};
