import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, shell, dialog, session } from 'electron';
import { CoreClient } from '../host/coreClient';
import { SecretStore } from '../core/secrets/secretStore';
import { createHandlerTable } from '../host/handlerTable';
import { createMainHandlers } from '../host/mainHandlers';
import { createFileLogger } from '../host/logger';
import { mainWindowOptions } from './windowOptions';
import { applyContentSecurityPolicy, lockNavigation } from './security';
import { broadcast, registerIpc } from './ipc';
import { electronServices } from './services';
import { installMenu } from './menu';

/**
 * The Electron main process: lifecycle, the window, and the relay between the window and the core
 * worker. It runs no query and no job itself, so the window stays responsive whatever the core does.
 */
export function startApp(mainDir: string): { core: CoreClient } | null {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const dataDir = process.env.PROSPECT_DESK_DATA_DIR ?? app.getPath('userData');
  const dbPath = path.join(dataDir, 'prospect-desk.db');
  const rendererUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const indexHtml = path.join(mainDir, '../renderer/index.html');
  // The one page that is the app (see isAppUrl): the dev server, or the built index.html.
  const appUrl = rendererUrl ?? pathToFileURL(indexHtml).href;
  const log = createFileLogger(dataDir, 'main');
  const secrets = new SecretStore();
  const core = new CoreClient({
    dbPath,
    dataDir,
    workerPath: path.join(mainDir, 'coreWorker.js'),
    jobWorkerPath: path.join(mainDir, 'jobWorker.js'),
    secrets,
  });
  const services = electronServices(dataDir, dbPath, secrets, (action, details) =>
    core.audit(action, details),
  );
  const table = createHandlerTable({
    core,
    main: createMainHandlers(services),
    isGrantedPath: (file) => services.grantedPaths.has(file),
    onError: (name, message) => log.error(`${name}: ${message}`),
  });
  core.onEvent((name, payload) =>
    broadcast(() => BrowserWindow.getAllWindows().map((w) => w.webContents), name, payload),
  );

  let window: BrowserWindow | null = null;
  const createWindow = () => {
    window = new BrowserWindow(mainWindowOptions(mainDir, app.isPackaged));
    lockNavigation(window.webContents, appUrl, (url) => shell.openExternal(url));
    window.once('ready-to-show', () => window?.show());
    window.on('closed', () => (window = null));
    if (rendererUrl) void window.loadURL(rendererUrl);
    else void window.loadFile(indexHtml);
  };

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(async () => {
    applyContentSecurityPolicy(session.defaultSession, Boolean(rendererUrl));
    installMenu(process.platform === 'darwin');
    registerIpc(ipcMain, table, appUrl, (file) => services.grantedPaths.add(file));
    createWindow();
    const startupError = await core.whenReady();
    if (startupError) {
      log.error(`core: ${startupError.message}`);
      // A damaged database is explained in the window, which offers the backups to restore.
      if (startupError.code !== 'database_corrupt')
        dialog.showErrorBox('Prospect Desk cannot open its database', startupError.message);
    }
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Let the core roll back a running job and close the database before the process ends.
    event.preventDefault();
    quitting = true;
    void Promise.all([core.close(), log.close()]).finally(() => app.quit());
  });
  return { core };
}
