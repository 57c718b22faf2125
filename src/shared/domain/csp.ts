/**
 * The renderer's Content Security Policy: only the app's own scripts and styles, no inline script,
 * no eval, no network. Injected into the built index.html and sent as a header by Electron; the
 * browser harness serves the same built file, so the e2e tests run under it too.
 *
 * `development` loosens it for the dev server only (React refresh's inline preamble and its
 * websocket); a build never uses it.
 */
export function contentSecurityPolicy(development = false): string {
  const inline = development ? " 'unsafe-inline'" : '';
  return [
    "default-src 'none'",
    `script-src 'self'${inline}`,
    `style-src 'self'${inline}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws:' : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-src 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();
