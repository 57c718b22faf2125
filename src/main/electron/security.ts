import type { Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '@shared/domain/csp';
import { isAllowedExternalUrl } from '@shared/domain/externalUrls';

/** Same-origin check for the app's own pages (the dev server in development, file:// when built). */
export function isAppUrl(url: string, rendererUrl: string | undefined): boolean {
  if (rendererUrl) return url.startsWith(rendererUrl);
  return url.startsWith('file://');
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
  rendererUrl: string | undefined,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
