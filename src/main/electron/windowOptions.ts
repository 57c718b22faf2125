import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. The renderer is treated as untrusted: it runs sandboxed, isolated
 * from the preload, without Node, and reaches the core only through `window.api`.
 */
export function mainWindowOptions(mainDir: string, packaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Prospect Desk',
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: path.join(mainDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}
