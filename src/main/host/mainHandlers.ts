import { AppFailure } from '@shared/contract/result';
import { isAllowedExternalUrl } from '@shared/domain/externalUrls';
import type { AppInfo } from '@shared/contract/app';
import type { MainHandlers } from './handlerTable';
import type { PrefsStore } from './prefsStore';
import type { SecretStore } from '../core/secrets/secretStore';

/** The host's own powers, which differ between Electron and the test harness. */
export interface HostServices {
  prefs: PrefsStore;
  /** The OS keychain (keytar), used from this thread only. */
  secrets: SecretStore;
  /** Records what the host did in the core's audit log (never a key). */
  audit(action: string, details: Record<string, unknown>): void;
  /** Paths the seller gave the app (dialog or drop); see HandlerTableDeps.isGrantedPath. */
  grantedPaths: Set<string>;
  appInfo(): AppInfo;
  openExternal(url: string): Promise<void>;
  pickFiles(title: string): Promise<string[]>;
  /** The save dialog: the chosen path, or null when the seller cancelled. */
  pickSavePath(title: string, defaultName: string): Promise<string | null>;
  /** The open dialog for a browser program: its path, or null when the seller cancelled. */
  pickBrowser(title: string): Promise<string | null>;
  showInFolder(path: string): void;
  copyText(text: string): void;
}

/** The calls answered by the host itself; the rules (like the link allow-list) live here, once. */
export function createMainHandlers(services: HostServices): MainHandlers {
  return {
    'app.info': () => services.appInfo(),
    'prefs.get': () => services.prefs.state(),
    'prefs.set': (patch) => services.prefs.update(patch),
    'prefs.dismissNotice': () => services.prefs.dismissNotice(),
    'system.openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppFailure(
          'not_allowed',
          `Prospect Desk only opens https links to LinkedIn, Hunter and CRMs, not ${url}.`,
        );
      }
      await services.openExternal(url);
    },
    'system.pickFiles': async (input) => {
      const paths = await services.pickFiles(input?.title ?? 'Choose spreadsheets to import');
      for (const path of paths) services.grantedPaths.add(path);
      return paths;
    },
    'system.pickSavePath': async (input) => {
      const path = await services.pickSavePath(
        input.title ?? 'Save the export as',
        input.defaultName ?? 'prospect-desk-export.csv',
      );
      if (path) services.grantedPaths.add(path);
      return path;
    },
    'system.pickBrowser': async () => {
      const path = await services.pickBrowser('Choose Chrome, Edge or Chromium');
      if (path) services.grantedPaths.add(path);
      return path;
    },
    'system.showInFolder': ({ path }) => services.showInFolder(path),
    'system.copyText': ({ text }) => services.copyText(text),
    'secrets.status': () => services.secrets.statusAll(),
    'secrets.save': async ({ name, value }) => {
      const status = await services.secrets.save(name, value);
      services.audit('secret.saved', { name });
      return status;
    },
    'secrets.delete': async ({ name }) => {
      const status = await services.secrets.delete(name);
      services.audit('secret.deleted', { name });
      return status;
    },
  };
}
