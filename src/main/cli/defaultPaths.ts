import os from 'node:os';
import path from 'node:path';

/**
 * Where the app keeps its data, computed the way Electron computes `userData` for an app named
 * "Prospect Desk", so the CLI works on the app's own database when no --db is given.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (env.PROSPECT_DESK_DATA_DIR) return env.PROSPECT_DESK_DATA_DIR;
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Prospect Desk');
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Prospect Desk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Prospect Desk');
}

export const DB_FILE_NAME = 'prospect-desk.db';
