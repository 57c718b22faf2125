import type { Session, WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from '@shared/domain/csp';
import { isAllowedExternalUrl } from '@shared/domain/externalUrls';

const originOf = (u: string): string | null => {
  try {
    return new URL(u).origin;
  } catch {
    return null;
  }
};

/**
 * Whether a page is the app's own: under the dev server in development; when built, exactly the
 * renderer's index.html (any hash or query). Not "any file://": a local page the window was led
 * to (a dragged link) would otherwise get the preload's whole API. `appUrl` is the dev server's
 * address or the index.html's file URL.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  if (!appUrl.startsWith('file:')) return originOf(url) === originOf(appUrl);
  const pathOf = (u: string): string | null => {
    try {
      const parsed = new URL(u);
      if (parsed.protocol !== 'file:') return null;
      parsed.hash = '';
      parsed.search = '';
      const file = fileURLToPath(parsed);
      return process.platform === 'win32' ? file.toLowerCase() : file;
    } catch {
      return null;
    }
  };
  const page = pathOf(url);
  return page !== null && page === pathOf(appUrl);
}

/** The CSP header for every response; in development the dev server needs its HMR socket. */
export function applyContentSecurityPolicy(session: Session, development: boolean): void {
  const policy = contentSecurityPolicy(development);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  // The app needs no camera, microphone, notifications or geolocation: refuse every request.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The window never navigates away from the app and never opens a window of its own; an allowed
 * https link asked for by `window.open` goes to the system browser instead.
 */
export function lockNavigation(
  contents: WebContents,
  appUrl: string,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
