import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { OUT, tempDir } from '../../helpers/paths';

// A stand-in for the `electron` module with just what startApp touches, recording what it did.
const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  channels: [] as string[],
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  quit: 0,
  invoke: undefined as undefined | ((event: unknown, ...args: unknown[]) => Promise<unknown>),
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    static getFocusedWindow = () => null;
    record: { options: Record<string, unknown>; loaded: string[] };
    webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: () => undefined,
      send: () => undefined,
      isDestroyed: () => false,
    });
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, loaded: [] };
      recorded.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    loadFile(file: string) {
      this.record.loaded.push(file);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
  }
  const app = {
    isPackaged: true,
    requestSingleInstanceLock: () => true,
    getPath: () => '/nonexistent',
    getVersion: () => '0.1.0',
    whenReady: () => Promise.resolve(),
    on: (name: string, fn: (...args: unknown[]) => void) => recorded.appEvents.set(name, fn),
    quit: () => void recorded.quit++,
  };
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: () => undefined },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    },
  };
  const ipcMain = {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
      recorded.channels.push(channel);
      recorded.invoke = fn;
    },
    on: (channel: string) => recorded.channels.push(channel),
  };
  const Menu = { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined };
  return {
    default: { app, BrowserWindow, ipcMain, session, Menu },
    app,
    BrowserWindow,
    ipcMain,
    session,
    Menu,
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn() },
    shell: { openExternal: vi.fn(), showItemInFolder: vi.fn() },
  };
});

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  return { default: Conf };
});

describe('startApp (Electron main)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('opens one secure window on the built renderer and relays calls to a real core', async () => {
    process.env.PROSPECT_DESK_DATA_DIR = tmp.dir;
    const { startApp } = await import('../../../src/main/electron/app');
    const started = startApp(path.join(OUT, 'main'));
    expect(started).not.toBeNull();
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
    const [window] = recorded.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(window!.loaded).toEqual([path.join(OUT, 'renderer/index.html')]);
    expect(recorded.channels).toEqual(['pd:call', 'pd:grant-file']);
    const frame = { senderFrame: { url: `file://${path.join(OUT, 'renderer/index.html')}` } };
    const info = (await recorded.invoke!(frame, 'db.info')) as { ok: boolean; value: { path: string } };
    expect(info.ok).toBe(true);
    expect(info.value.path).toBe(path.join(tmp.dir, 'prospect-desk.db'));
    const bad = await recorded.invoke!(frame, 'jobs.cancel', { id: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // Quitting waits for the core to close the database, then quits for real.
    const quitEvent = { preventDefault: vi.fn() };
    recorded.appEvents.get('before-quit')!(quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(recorded.quit).toBe(1), { timeout: 10_000 });
    delete process.env.PROSPECT_DESK_DATA_DIR;
  });
});
