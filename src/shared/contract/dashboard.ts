import { z } from 'zod';
import { defineCall } from './define';
import type { DashboardData, FactorOutcomes } from '../domain/dashboard';

export const dashboardCalls = {
  /** Whether there is anything to show: the app opens on the dashboard once there are contacts. */
  'dashboard.status': defineCall('core', z.undefined()).returns<{ contacts: number }>(),
  'dashboard.data': defineCall(
    'core',
    z
      .object({
        /** How many days of quota use, ending today (days of the seller's outreach time zone). */
        quotaDays: z.number().int().min(7).max(365).default(30),
      })
      .strict()
      .optional(),
  ).returns<DashboardData>(),
  /** Reply and acceptance rates per level of each scoring factor: which weights predict replies. */
  'dashboard.factorOutcomes': defineCall('core', z.undefined()).returns<FactorOutcomes>(),
};
