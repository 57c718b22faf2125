import path from 'node:path';
import { app, clipboard, dialog, shell, BrowserWindow } from 'electron';
import ElectronStore from 'electron-store';
import type { HostServices } from '../host/mainHandlers';
import { PrefsStore } from '../host/prefsStore';
import { programInApp } from './browserProgram';
import type { SecretStore } from '../core/secrets/secretStore';

export const SPREADSHEET_FILTERS = [
  { name: 'Spreadsheets', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xlsm'] },
  { name: 'All files', extensions: ['*'] },
];

export const CSV_FILTERS = [{ name: 'CSV', extensions: ['csv'] }];

/** Electron's implementation of the host's powers. */
export function electronServices(
  dataDir: string,
  dbPath: string,
  secrets: SecretStore,
  audit: HostServices['audit'],
): HostServices {
  const prefs = new PrefsStore((options) => new ElectronStore(options), dataDir);
  return {
    prefs,
    grantedPaths: new Set(),
    secrets,
    audit,
    appInfo: () => ({ version: app.getVersion(), dataDir, dbPath, packaged: app.isPackaged }),
    openExternal: (url) => shell.openExternal(url),
    async pickFiles(title) {
      const owner = BrowserWindow.getFocusedWindow();
      const options = {
        title,
        defaultPath: prefs.state().prefs.lastImportFolder ?? undefined,
        properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
        filters: SPREADSHEET_FILTERS,
      };
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async pickSavePath(title, defaultName) {
      const owner = BrowserWindow.getFocusedWindow();
      const options = {
        title,
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: CSV_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'] as (
          'createDirectory' | 'showOverwriteConfirmation'
        )[],
      };
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickBrowser(title) {
      const owner = BrowserWindow.getFocusedWindow();
      const options = { title, properties: ['openFile'] as 'openFile'[] };
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      const chosen = result.canceled ? undefined : result.filePaths[0];
      return chosen ? programInApp(chosen) : null;
    },
    showInFolder: (file) => shell.showItemInFolder(file),
    copyText: (text) => clipboard.writeText(text),
  };
}
