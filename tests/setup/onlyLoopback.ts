/**
 * Tests never reach a real third-party service: every `fetch` made in a test's own thread must go
 * to a fake server on this computer. A test that loses its fake's address (a settings write that
 * replaced a section, say) then fails here, naming the host, instead of trying Hunter or Close.
 * (Job worker threads a test starts load the built code, without this guard.)
 */
const realFetch = globalThis.fetch;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!LOOPBACK.has(url.hostname))
    return Promise.reject(
      new Error(`A test tried to reach ${url.host}: tests talk only to fake servers on 127.0.0.1.`),
    );
  return realFetch(input, init);
}) as typeof fetch;
