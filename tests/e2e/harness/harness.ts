import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CoreClient } from '../../../src/main/host/coreClient';
import { createHandlerTable, invokeByName } from '../../../src/main/host/handlerTable';
import { createMainHandlers, type HostServices } from '../../../src/main/host/mainHandlers';
import { PrefsStore } from '../../../src/main/host/prefsStore';
import { SecretStore } from '../../../src/main/core/secrets/secretStore';
import { CORE_WORKER, JOB_WORKER, OUT, tempDir, testKeychainService } from '../../helpers/paths';
import { launchChromium } from './browser';
import type { CoreOptions } from '../../../src/main/core/worker/protocol';
import { serveFolder } from './staticServer';

export interface HarnessOptions {
  extraJobModules?: string[];
  /** Write this preferences file before the app starts (e.g. a corrupt one). */
  prefsFile?: string;
  viewport?: { width: number; height: number };
  /** The page to open first, e.g. 'settings'. */
  startPage?: string;
  /** What shows that the app is up, when it is not that page (the damaged-database window). */
  startTestId?: string;
  /** The core's daily backup and retention round; off unless a test asks (it would race with it). */
  maintenanceDelayMs?: number;
  /** Fills the new database before the app opens it (imports, settings). */
  seed?(dbPath: string): Promise<void> | void;
  /** The LinkedIn browser as the core should open it (headless and unpaced in tests). */
  linkedin?: CoreOptions['linkedin'];
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  core: CoreClient;
  dataDir: string;
  dbPath: string;
  keychainService: string;
  /**
   * What the app asked the host to do that a browser cannot (open a link, pick files, choose where
   * to save). A test queues the answers of the dialogs; each save dialog asked is recorded.
   */
  host: {
    opened: string[];
    pickQueue: string[][];
    saveQueue: (string | null)[];
    /** Answers of the "choose the browser" dialog. */
    browserQueue: (string | null)[];
    saveAsked: { title: string; defaultName: string }[];
    shown: string[];
    /** Text the app put on the clipboard. */
    copied: string[];
  };
  /** Errors the page logged (CSP violations show up here) and uncaught exceptions. */
  pageErrors: string[];
  goto(pageId: string): Promise<void>;
  /**
   * Drops files on the window as a seller would: a real drag-and-drop of File objects. Electron's
   * preload would tell the host each file's path (webUtils) and grant it; here the test does.
   */
  dropFiles(paths: string[], target?: string): Promise<void>;
  close(): Promise<void>;
}

let sharedBrowser: Promise<Browser> | null = null;

/**
 * The app as Electron runs it, in Chromium: the built renderer served on 127.0.0.1, `window.api`
 * bound by exposeBinding to the same handler table Electron's ipcMain uses, over a real core worker
 * and a real database in a fresh folder. Only the host's window-system powers are stand-ins.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const tmp = tempDir('pd-e2e-');
  const dataDir = tmp.dir;
  const dbPath = path.join(dataDir, 'prospect-desk.db');
  const keychainService = testKeychainService();
  if (options.prefsFile !== undefined)
    fs.writeFileSync(path.join(dataDir, 'preferences.json'), options.prefsFile);
  await options.seed?.(dbPath);

  const secrets = new SecretStore(keychainService);
  const core = new CoreClient({
    workerPath: CORE_WORKER,
    jobWorkerPath: JOB_WORKER,
    dbPath,
    dataDir,
    secrets,
    extraJobModules: options.extraJobModules ?? [],
    maintenanceDelayMs: options.maintenanceDelayMs ?? false,
    linkedin: options.linkedin,
  });
  const host: Harness['host'] = {
    opened: [],
    pickQueue: [],
    saveQueue: [],
    browserQueue: [],
    saveAsked: [],
    shown: [],
    copied: [],
  };
  const services: HostServices = {
    prefs: new PrefsStore((o) => new Conf(o), dataDir),
    grantedPaths: new Set(),
    secrets,
    audit: (action, details) => core.audit(action, details),
    appInfo: () => ({ version: 'test', dataDir, dbPath, packaged: false }),
    openExternal: async (url) => void host.opened.push(url),
    pickFiles: async () => host.pickQueue.shift() ?? [],
    pickSavePath: async (title, defaultName) => {
      host.saveAsked.push({ title, defaultName });
      return host.saveQueue.shift() ?? null;
    },
    pickBrowser: async () => host.browserQueue.shift() ?? null,
    showInFolder: (p) => void host.shown.push(p),
    copyText: (text) => void host.copied.push(text),
  };
  const table = createHandlerTable({
    core,
    main: createMainHandlers(services),
    isGrantedPath: (file) => services.grantedPaths.has(file),
  });
  const server = await serveFolder(path.join(OUT, 'renderer'));

  sharedBrowser ??= launchChromium();
  const browser = await sharedBrowser;
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 820 } });
  await context.exposeBinding('__pdInvoke', (_source, name: unknown, input: unknown) =>
    invokeByName(table, name, input),
  );
  await context.addInitScript({ path: path.join(OUT, 'test-harness/pageApi.js') });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  // Events are delivered in order, one after the other, as Electron's webContents.send would.
  let delivery = Promise.resolve();
  const offEvents = core.onEvent((name, payload) => {
    delivery = delivery
      .then(() =>
        page.evaluate(
          ([n, p]) => (window as unknown as { __pdEmit(n: string, p: unknown): void }).__pdEmit(n, p),
          [name, payload] as const,
        ),
      )
      .then(
        () => undefined,
        () => undefined,
      );
  });

  const goto = async (pageId: string, testId = `page-${pageId}`) => {
    await page.goto(`${server.url}/index.html#/${pageId}`);
    await page.getByTestId(testId).waitFor();
  };
  await goto(options.startPage ?? 'import', options.startTestId);

  return {
    page,
    context,
    core,
    dataDir,
    dbPath,
    keychainService,
    host,
    pageErrors,
    goto,
    async dropFiles(paths, target = 'body') {
      for (const file of paths) services.grantedPaths.add(file);
      const files = paths.map((file) => ({
        name: path.basename(file),
        path: file,
        base64: fs
          .readFileSync(file)
          .subarray(0, 1 << 20)
          .toString('base64'),
      }));
      const dataTransfer = await page.evaluateHandle((list) => {
        const transfer = new DataTransfer();
        const registry = (window as unknown as { __pdFiles: Record<string, string> }).__pdFiles;
        for (const f of list) {
          const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
          transfer.items.add(new File([bytes], f.name));
          registry[f.name] = f.path;
        }
        return transfer;
      }, files);
      await page.dispatchEvent(target, 'dragenter', { dataTransfer });
      await page.dispatchEvent(target, 'dragover', { dataTransfer });
      await page.dispatchEvent(target, 'drop', { dataTransfer });
    },
    async close() {
      offEvents();
      await context.close();
      await core.close();
      await server.close();
      tmp.cleanup();
    },
  };
}

/** Closes the shared Chromium; call from afterAll in each e2e file. */
export async function closeBrowser(): Promise<void> {
  if (sharedBrowser) await (await sharedBrowser).close();
  sharedBrowser = null;
}
