import { readQuotaConfig } from '../../core/quotas/config';
import { quotaMeters } from '../../core/quotas/quotaStatus';
import { wallText } from '../../core/quotas/windows';
import { inmailOutlook } from '../../core/outreach/inmailOutlook';
import type { CliCommand } from '../command';
import { clockAt } from './outreach';

export const quotasCommand: CliCommand = {
  name: 'quotas',
  usage: 'quotas [--at ISO-TIME] [--json]',
  summary: 'every quota: used of limit, when it resets, and the InMail advice',
  options: { at: { type: 'string' } },
  run({ db, io, json, options }) {
    const at = clockAt(options.at).now();
    const config = readQuotaConfig(db);
    const meters = quotaMeters(db, at, config);
    const inmail = inmailOutlook(
      db,
      meters.find((m) => m.id === 'inmail_month')!,
      config,
      10,
    );
    if (json) {
      io.out(JSON.stringify({ at: at.toISOString(), timeZone: config.timeZone, meters, inmail }));
      return;
    }
    io.out(`Quotas at ${wallText(at, config.timeZone)} (${config.timeZone}):`);
    for (const m of meters) {
      const flag = m.level === 'exhausted' ? '×' : m.level === 'warning' ? '!' : ' ';
      const resets = m.resetsAt ? `  resets ${wallText(new Date(m.resetsAt), config.timeZone)}` : '';
      io.out(
        `  ${flag} ${m.label.padEnd(32)} ${String(m.used).padStart(5)} / ${String(m.limit).padEnd(6)}${resets}`,
      );
      if (m.notice)
        io.out(
          `      LinkedIn said “${m.notice.message}”; stopped until ${wallText(new Date(m.notice.until), config.timeZone)}`,
        );
    }
    io.out(`InMail: ${inmail.recommendation}`);
  },
};
