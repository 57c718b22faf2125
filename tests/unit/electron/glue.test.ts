import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, Session, WebContents } from 'electron';
import { CALL_NAMES } from '../../../src/shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/domain/csp';
import { mainWindowOptions } from '../../../src/main/electron/windowOptions';
import { registerIpc } from '../../../src/main/electron/ipc';
import { applyContentSecurityPolicy, lockNavigation } from '../../../src/main/electron/security';
import { programInApp } from '../../../src/main/electron/browserProgram';
import { createHandlerTable } from '../../../src/main/host/handlerTable';
import { createMainHandlers, type HostServices } from '../../../src/main/host/mainHandlers';
import type { Result } from '../../../src/shared/contract/result';

// The Electron binary cannot run on the build machines, so the glue is checked against fakes of
// exactly the Electron APIs it calls.

function fakeServices(opened: string[]): HostServices {
  return {
    prefs: {
      state: () => ({ prefs: {}, notice: null }),
      update: () => ({}),
      dismissNotice: () => ({}),
    } as never,
    grantedPaths: new Set(),
    secrets: {} as never,
    audit: () => undefined,
    appInfo: () => ({ version: '1', dataDir: '/d', dbPath: '/d/x.db', packaged: true }),
    openExternal: async (url) => void opened.push(url),
    pickFiles: async () => [],
    pickSavePath: async () => null,
    pickBrowser: async () => null,
    showInFolder: () => undefined,
    copyText: () => undefined,
  };
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    handlers,
    listeners,
    ipcMain: {
      handle: (channel: string, fn: never) => handlers.set(channel, fn),
      on: (channel: string, fn: never) => listeners.set(channel, fn),
    } as unknown as IpcMain,
  };
}

describe('window options', () => {
  it('isolate and sandbox the renderer, without Node, and hide devtools in a packaged build', () => {
    const packaged = mainWindowOptions('/app/out/main', true);
    expect(packaged.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      preload: path.join('/app/out/preload/index.cjs'),
    });
    expect(mainWindowOptions('/app/out/main', false).webPreferences?.devTools).toBe(true);
  });
});

describe('IPC registration', () => {
  const appUrl = 'file:///app/out/renderer/index.html';

  it('answers every call of the contract over one channel', async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    const core = { call: async (name: string): Promise<Result<unknown>> => ({ ok: true, value: name }) };
    const table = createHandlerTable({ core, main: createMainHandlers(fakeServices([])) });
    registerIpc(ipcMain, table, appUrl, () => undefined);
    expect([...handlers.keys()]).toEqual(['pd:call']);
    const invoke = handlers.get('pd:call')!;
    for (const name of CALL_NAMES) {
      const result = (await invoke({ senderFrame: { url: appUrl } }, name, undefined)) as Result<unknown>;
      // Whatever the input's verdict, the name is known: never unknown_call.
      if (!result.ok) expect(result.error.code, name).not.toBe('unknown_call');
    }
    expect(await invoke({ senderFrame: { url: appUrl } }, 'nope.nothing', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
  });

  it('refuses calls from a frame that is not the app', async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    const seen: string[] = [];
    const core = {
      call: async (name: string): Promise<Result<unknown>> => (seen.push(name), { ok: true, value: 1 }),
    };
    registerIpc(
      ipcMain,
      createHandlerTable({ core, main: createMainHandlers(fakeServices([])) }),
      appUrl,
      () => undefined,
    );
    const call = handlers.get('pd:call')!;
    // Another site, and another local page (a dragged file:// link) are not the app.
    for (const url of [
      'https://evil.example/',
      'file:///tmp/evil.html',
      'file:///app/out/renderer/other.html',
    ])
      expect(await call({ senderFrame: { url } }, 'app.ping'), url).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
    expect(seen).toEqual([]);
    expect(await call({ senderFrame: { url: `${appUrl}#/review` } }, 'app.ping')).toMatchObject({ ok: true });
    expect(seen).toEqual(['app.ping']);
  });
});

describe('file grants', () => {
  it('accept a dropped file only from the app, and only a real file', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const granted: string[] = [];
    const table = createHandlerTable({
      core: { call: async () => ({ ok: true, value: 1 }) },
      main: createMainHandlers(fakeServices([])),
    });
    registerIpc(ipcMain, table, 'file:///app/out/renderer/index.html', (p) => granted.push(p));
    const grant = listeners.get('pd:grant-file')!;
    const app = { senderFrame: { url: 'file:///app/out/renderer/index.html' } };
    grant(app, __filename);
    grant({ senderFrame: { url: 'https://evil.example/' } }, __filename);
    grant({ senderFrame: { url: 'file:///tmp/evil.html' } }, __filename);
    grant(app, '/definitely/not/here.csv');
    grant(app, 'relative/path.csv');
    grant(app, path.dirname(__filename));
    expect(granted).toEqual([__filename]);
  });
});

describe('the browser dialog', () => {
  it('gives the program inside a macOS .app bundle, and any other choice as it is', () => {
    expect(programInApp('/Applications/Google Chrome.app')).toBe(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    expect(programInApp('/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });
});

describe('navigation lock', () => {
  function fakeContents() {
    const emitter = new EventEmitter();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = Object.assign(emitter, {
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    }) as unknown as WebContents;
    return { contents, emitter, open: (url: string) => openHandler!({ url }) };
  }

  it('keeps the window on the app and sends allowed links to the system browser', () => {
    const opened: string[] = [];
    const { contents, emitter, open } = fakeContents();
    lockNavigation(contents, 'file:///app/out/renderer/index.html', async (url) => void opened.push(url));
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      emitter.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///app/out/renderer/index.html#/review')).toBe(false);
    expect(navigate('file:///tmp/evil.html')).toBe(true);
    expect(navigate('file:///app/out/renderer/../../../tmp/evil.html')).toBe(true);

    // In development the app is the dev server's origin, not a prefix of its address.
    const dev = fakeContents();
    lockNavigation(dev.contents, 'http://localhost:5173', async () => undefined);
    const devNavigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      dev.emitter.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(devNavigate('http://localhost:5173/#/review')).toBe(false);
    expect(devNavigate('http://localhost:5173.evil.example/')).toBe(true);
    expect(open('https://www.linkedin.com/in/ann')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.linkedin.com/in/ann']);
    const attach = { preventDefault: vi.fn() };
    emitter.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('content security policy', () => {
  it('is sent with every response and every permission is refused', () => {
    let onHeaders: ((details: object, cb: (r: object) => void) => void) | undefined;
    let onPermission: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    const session = {
      webRequest: { onHeadersReceived: (fn: typeof onHeaders) => (onHeaders = fn) },
      setPermissionRequestHandler: (fn: typeof onPermission) => (onPermission = fn),
      setPermissionCheckHandler: vi.fn(),
    } as unknown as Session;
    applyContentSecurityPolicy(session, false);
    let headers: Record<string, string[]> = {};
    onHeaders!(
      { responseHeaders: { 'X-A': ['1'] } },
      (r) => (headers = (r as { responseHeaders: never }).responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-A']).toEqual(['1']);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    let granted: boolean | undefined;
    onPermission!(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
  });
});
