import { systemTimeZone } from '@shared/time/zonedTime';
import { api, unwrap } from '../api';
import { useDataVersion } from './useDataVersion';
import { useLoaded } from './useLoaded';

/**
 * The seller's time zone (Settings → Outreach; empty means this computer's), the one the core
 * counts every day in: pages that show "on which day" something happened show it in this zone,
 * so a send at 23:30 in Los Angeles is not shown on the next (UTC) day. Until the settings have
 * loaded, this computer's zone.
 */
export function useSellerTimeZone(): string {
  const version = useDataVersion();
  const { value } = useLoaded<string>(
    `seller-zone:${version}`,
    () => unwrap(api().settings.all()).then((all) => all.outreach.timeZone || systemTimeZone()),
    'seller-zone',
  );
  return value ?? systemTimeZone();
}
