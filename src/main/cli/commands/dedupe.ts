import { formatCount } from '@shared/domain/format';
import { systemClock } from '../../core/clock';
import { readSettings } from '../../core/settings/settingsStore';
import { resolveStored } from '../../core/resolution/resolveStored';
import { clusters } from '../../core/resolution/clusters';
import type { CliCommand } from '../command';

export const dedupeCommand: CliCommand = {
  name: 'dedupe',
  usage: 'dedupe [--json]',
  summary: 'find duplicates across everything stored: merge sure ones, queue doubtful ones',
  run({ db, io, json }) {
    const started = performance.now();
    const stats = db.transaction(() =>
      resolveStored({ db, clock: systemClock, settings: readSettings(db, 'dedupe') }, { kind: 'all' }),
    )();
    const seconds = (performance.now() - started) / 1000;
    const pairsCompared = stats.company.pairsCompared + stats.contact.pairsCompared;
    const merged = stats.company.merged + stats.contact.merged;
    const sentToReview = stats.company.sentToReview + stats.contact.sentToReview;
    if (json) {
      io.out(
        JSON.stringify({
          pairsCompared,
          merged,
          sentToReview,
          seconds: Number(seconds.toFixed(3)),
          companies: stats.company,
          contacts: stats.contact,
        }),
      );
      return;
    }
    io.out(`Compared ${formatCount(pairsCompared)} candidate pairs in ${seconds.toFixed(2)} s.`);
    io.out(
      `  companies: ${formatCount(stats.company.merged)} merged, ${formatCount(stats.company.sentToReview)} to review`,
    );
    io.out(
      `  contacts:  ${formatCount(stats.contact.merged)} merged, ${formatCount(stats.contact.sentToReview)} to review`,
    );
  },
};

export const clustersCommand: CliCommand = {
  name: 'clusters',
  usage: 'clusters --json',
  summary: 'every company and contact with the source rows it came from',
  run({ db, io, json }) {
    const all = clusters(db);
    if (json) {
      io.out(JSON.stringify(all));
      return;
    }
    for (const c of all)
      io.out(`${c.kind} ${c.entity_id}: ${c.rows.map((r) => `#${r.batch}:${r.row}`).join(' ')}`);
  },
};
