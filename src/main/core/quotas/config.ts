import type { QuotaId } from '@shared/domain/quotas';
import type { OutreachSettings } from '@shared/domain/settings/outreach';
import type { Db } from '../db/database';
import { readSettings } from '../settings/settingsStore';
import { systemTimeZone } from '../safety/zonedTime';
import type { WorkingHours } from '../safety/workingHours';

/** What the ledger and the queue need from the outreach settings, with the zone resolved. */
export interface QuotaConfig {
  limits: Record<QuotaId, number>;
  timeZone: string;
  warnAt: number;
  hours: WorkingHours;
  followUpAfterDays: number;
  withdrawAfterDays: number;
  senderName: string;
}

export function quotaConfigOf(settings: OutreachSettings): QuotaConfig {
  const timeZone = settings.timeZone || systemTimeZone();
  return {
    limits: settings.limits,
    timeZone,
    warnAt: settings.warnAt,
    hours: { ...settings.workingHours, timeZone },
    followUpAfterDays: settings.followUpAfterDays,
    withdrawAfterDays: settings.withdrawAfterDays,
    senderName: settings.senderName,
  };
}

/** Read fresh on every use: limits edited in Settings apply to the very next action. */
export function readQuotaConfig(db: Db): QuotaConfig {
  return quotaConfigOf(readSettings(db, 'outreach'));
}

/**
 * The seller's IANA zone, resolved (the setting, else the computer's): every "which day is it" in
 * the core counts in it: quota windows, the day's queue, the dashboard's days, the audit log's
 * from/to, the daily backup.
 */
export const sellerTimeZone = (db: Db): string => readQuotaConfig(db).timeZone;
