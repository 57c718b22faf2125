import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. The renderer is treated as untrusted: it runs sandboxed, isolated
 * from the preload, without Node, and reaches the core only through `window.api`.
 */
export function mainWindowOptions(
  mainDir: string,
  packaged: boolean,
  platform: NodeJS.Platform = process.platform,
): BrowserWindowConstructorOptions {
  return {
    // Linux windows take their icon from here (macOS and Windows use the app bundle's). The file
    // sits at resources/icon.png in the project and in the packaged app (see electron-builder.yml).
    ...(platform === 'linux' ? { icon: windowIconPath(mainDir) } : {}),
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

/** The window icon: resources/icon.png, two folders above out/main. */
export const windowIconPath = (mainDir: string) => path.join(mainDir, '../../resources/icon.png');
