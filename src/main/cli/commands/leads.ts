import { AppFailure } from '@shared/contract/result';
import { formatCount } from '@shared/domain/format';
import type { Tier } from '@shared/domain/settings/scoring';
import { systemClock } from '../../core/clock';
import { readSettings } from '../../core/settings/settingsStore';
import { rescore } from '../../core/scoring/rescore';
import { decideLeads } from '../../core/scoring/approvals';
import { RecordLists } from '../../core/records/recordLists';
import type { CliCommand } from '../command';
import { UsageError } from '../io';

export const scoreCommand: CliCommand = {
  name: 'score',
  usage: 'score [--json]',
  summary: 'score every lead with the current rules: counts per tier and the time taken',
  run({ db, io, json }) {
    const report = rescore(db, readSettings(db, 'scoring'), systemClock.now().toISOString());
    if (json) {
      io.out(
        JSON.stringify({
          scored: report.scored,
          changed: report.changed,
          tiers: report.tiers,
          seconds: Number(report.seconds.toFixed(3)),
        }),
      );
      return;
    }
    io.out(
      `Scored ${formatCount(report.scored)} leads in ${report.seconds.toFixed(2)} s (${formatCount(report.changed)} changed).`,
    );
    io.out(
      `  HOT ${formatCount(report.tiers.HOT)}   WARM ${formatCount(report.tiers.WARM)}   COLD ${formatCount(report.tiers.COLD)}`,
    );
  },
};

const TIERS: Tier[] = ['HOT', 'WARM', 'COLD'];

export const approveCommand: CliCommand = {
  name: 'approve',
  usage: 'approve (--tier HOT|WARM|COLD | --all) [--json]',
  summary: 'approve the leads waiting for a decision, of one tier or all',
  options: { tier: { type: 'string' }, all: { type: 'boolean' } },
  run({ db, io, json, options }) {
    const tier = options.tier as string | undefined;
    if (!tier && !options.all) throw new UsageError('approve needs --tier HOT|WARM|COLD or --all.');
    if (tier && !TIERS.includes(tier.toUpperCase() as Tier))
      throw new UsageError(`--tier must be HOT, WARM or COLD, not “${tier}”.`);
    const lists = new RecordLists(db);
    const ids = lists.contactIds({
      tiers: tier ? [tier.toUpperCase() as Tier] : TIERS,
      statuses: ['new', 'changed'],
      suppressed: false,
    });
    const decided = decideLeads(db, Array.from(ids), 'approved', null, systemClock, 'cli');
    if (json) io.out(JSON.stringify({ approved: decided, tier: tier?.toUpperCase() ?? 'ALL' }));
    else io.out(`Approved ${formatCount(decided)} lead${decided === 1 ? '' : 's'}.`);
  },
};

export const rejectCommand: CliCommand = {
  name: 'reject',
  usage: 'reject --contact ID --reason TEXT [--json]',
  summary: 'reject one lead, saying why (it comes back only if its data changes)',
  options: { contact: { type: 'string' }, reason: { type: 'string' } },
  run({ db, io, json, options }) {
    const id = Number(options.contact);
    const reason = (options.reason as string | undefined)?.trim();
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('reject needs --contact ID (a number).');
    if (!reason) throw new UsageError('reject needs --reason TEXT.');
    const decided = decideLeads(db, [id], 'rejected', reason, systemClock, 'cli');
    if (decided === 0) throw new AppFailure('not_found', `Contact ${id} is not a scored lead.`);
    if (json) io.out(JSON.stringify({ rejected: id, reason }));
    else io.out(`Rejected contact ${id}: ${reason}`);
  },
};
