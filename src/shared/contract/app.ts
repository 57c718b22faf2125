import { z } from 'zod';
import { defineCall } from './define';
import type { DbInfo } from '../domain/db';

export interface AppInfo {
  version: string;
  dataDir: string;
  dbPath: string;
  packaged: boolean;
}

export const appCalls = {
  'app.info': defineCall('main', z.undefined()).returns<AppInfo>(),
  /** A cheap round trip through the core; the UI uses it to show that the core is alive. */
  'app.ping': defineCall('core', z.undefined()).returns<{ at: string }>(),
  'db.info': defineCall('core', z.undefined()).returns<DbInfo>(),
};
