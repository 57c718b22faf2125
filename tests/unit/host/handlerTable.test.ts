import { describe, expect, it } from 'vitest';
import { calls, CALL_NAMES, type CallName, type MainCallName } from '../../../src/shared/contract';
import { createHandlerTable, invokeByName, type MainHandlers } from '../../../src/main/host/handlerTable';
import { createMainHandlers, type HostServices } from '../../../src/main/host/mainHandlers';
import { coreHandlers } from '../../../src/main/core/handlers';
import type { CoreCaller } from '../../../src/main/host/coreClient';
import type { Result } from '../../../src/shared/contract/result';

/** A core that records what reached it, to prove bad input never does. */
function recordingCore(): CoreCaller & { seen: { name: CallName; input: unknown }[] } {
  const seen: { name: CallName; input: unknown }[] = [];
  return {
    seen,
    async call(name, input): Promise<Result<unknown>> {
      seen.push({ name, input });
      return { ok: true, value: `core:${name}` };
    },
  };
}

function fakeServices(opened: string[] = []): HostServices {
  let prefs = {
    theme: 'system' as const,
    density: 'comfortable' as const,
    lastImportFolder: null,
    confirmDestructive: true,
  };
  return {
    prefs: {
      state: () => ({ prefs, notice: null }),
      update: (patch: object) => (prefs = { ...prefs, ...patch }),
      dismissNotice: () => ({ prefs, notice: null }),
    } as unknown as HostServices['prefs'],
    grantedPaths: new Set(),
    secrets: {} as never,
    audit: () => undefined,
    appInfo: () => ({ version: '0.0.0', dataDir: '/d', dbPath: '/d/x.db', packaged: false }),
    openExternal: async (url) => {
      opened.push(url);
    },
    pickFiles: async () => ['/tmp/a.csv'],
    pickSavePath: async () => '/tmp/out/leads.csv',
    pickBrowser: async () => '/usr/bin/chromium',
    showInFolder: () => undefined,
    copyText: () => undefined,
  };
}

describe('the handler table', () => {
  it('has an entry for every call, and every call has an answer on its side', () => {
    const table = createHandlerTable({ core: recordingCore(), main: createMainHandlers(fakeServices()) });
    expect(Object.keys(table).sort()).toEqual([...CALL_NAMES].sort());
    const main = createMainHandlers(fakeServices());
    for (const name of CALL_NAMES) {
      if (calls[name].host === 'core') expect(coreHandlers, name).toHaveProperty([name]);
      else expect(main, name).toHaveProperty([name]);
    }
  });

  it('refuses bad input with invalid_input before the core sees it', async () => {
    const core = recordingCore();
    const table = createHandlerTable({ core, main: createMainHandlers(fakeServices()) });
    const cases: [CallName, unknown][] = [
      ['jobs.cancel', { id: -3 }],
      ['jobs.cancel', { id: '7' }],
      ['jobs.cancel', { id: 7, extra: true }],
      ['secrets.save', { name: 'hunter', value: 'short' }],
      ['secrets.save', { name: 'stripe', value: 'abcdefgh12345678' }],
      ['secrets.save', { name: 'hunter', value: 'has spaces in it 1234' }],
      ['app.ping', { surprise: 1 }],
      // The page cannot point the app's API keys (or the signed-in LinkedIn browser) at another host.
      ['settings.update', { section: 'export', value: { close: { baseUrl: 'https://evil.example' } } }],
      [
        'settings.update',
        { section: 'export', value: { close: { baseUrl: 'https://api.close.com.evil.example' } } },
      ],
      ['settings.update', { section: 'enrich', value: { hunterBaseUrl: 'https://evil.example/v2' } }],
      ['settings.update', { section: 'enrich', value: { hunterBaseUrl: 'https://x:y@api.hunter.io/v2' } }],
      ['settings.update', { section: 'linkedin', value: { baseUrl: 'https://linkedin.com.evil.example' } }],
      ['settings.update', { section: 'linkedin', value: { baseUrl: 'http://192.168.1.9:8080' } }],
    ];
    for (const [name, input] of cases) {
      const result = await table[name](input);
      expect(result.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    expect(core.seen).toEqual([]);
  });

  it('lets the LinkedIn browser be only one the seller chose in the dialog, or the one stored', async () => {
    const seen: string[] = [];
    const core: CoreCaller = {
      async call(name, input): Promise<Result<unknown>> {
        seen.push(name);
        if (name === 'settings.all')
          return { ok: true, value: { linkedin: { browserPath: '/opt/stored/chrome' } } };
        return { ok: true, value: input };
      },
    };
    const services = fakeServices();
    const table = createHandlerTable({
      core,
      main: createMainHandlers(services),
      isGrantedPath: (file) => services.grantedPaths.has(file),
    });
    const browser = (browserPath: string) =>
      table['settings.update']({ section: 'linkedin', value: { browserPath } });
    expect(await browser('/bin/sh')).toMatchObject({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'Choose the browser with Settings → LinkedIn → Choose…, first.',
      },
    });
    expect(seen).toEqual(['settings.all']);
    // Kept as stored, cleared, or chosen in the dialog: each goes through.
    expect((await browser('/opt/stored/chrome')).ok).toBe(true);
    expect((await browser('')).ok).toBe(true);
    expect(await table['system.pickBrowser'](undefined)).toEqual({ ok: true, value: '/usr/bin/chromium' });
    expect((await browser('/usr/bin/chromium')).ok).toBe(true);
    expect(seen.filter((n) => n === 'settings.update')).toHaveLength(3);
  });

  it('relays good input to the core after the schema has cleaned it', async () => {
    const core = recordingCore();
    const saved: string[] = [];
    const services = {
      ...fakeServices(),
      secrets: {
        save: async (_name: string, value: string) => (
          saved.push(value),
          { name: 'hunter', saved: true, last4: value.slice(-4) }
        ),
      },
    } as unknown as HostServices;
    const table = createHandlerTable({ core, main: createMainHandlers(services) });
    expect(await table['review.queue']({})).toEqual({ ok: true, value: 'core:review.queue' });
    expect(await table['jobs.list'](undefined)).toEqual({ ok: true, value: 'core:jobs.list' });
    expect(core.seen).toEqual([
      { name: 'review.queue', input: { status: 'pending', limit: 50 } },
      { name: 'jobs.list', input: undefined },
    ]);
    // A pasted key is trimmed before it reaches the keychain (which the host, not the core, holds).
    expect(await table['secrets.save']({ name: 'hunter', value: '  abcd1234efgh1a2b \n' })).toMatchObject({
      ok: true,
    });
    expect(saved).toEqual(['abcd1234efgh1a2b']);
    expect(core.seen).toHaveLength(2);
  });

  it('refuses a name outside the contract', async () => {
    const table = createHandlerTable({ core: recordingCore(), main: createMainHandlers(fakeServices()) });
    expect(await invokeByName(table, 'db.exec', { sql: 'DROP TABLE companies' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    expect(await invokeByName(table, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
  });

  it('turns a throwing host handler into an error result', async () => {
    const main = {
      ...createMainHandlers(fakeServices()),
      'app.info': () => {
        throw new Error('disk on fire');
      },
    } satisfies MainHandlers;
    const errors: string[] = [];
    const table = createHandlerTable({
      core: recordingCore(),
      main,
      onError: (n, m) => errors.push(`${n}: ${m}`),
    });
    expect(await table['app.info'](undefined)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
    expect(errors).toEqual(['app.info: disk on fire']);
  });

  it('opens only https links on the allow-list in the system browser', async () => {
    const opened: string[] = [];
    const table = createHandlerTable({
      core: recordingCore(),
      main: createMainHandlers(fakeServices(opened)),
    });
    const open = (url: string) => table['system.openExternal']({ url });
    expect((await open('https://www.linkedin.com/in/ann-lee')).ok).toBe(true);
    expect((await open('https://app.close.com/leads/')).ok).toBe(true);
    for (const bad of [
      'http://www.linkedin.com/in/x',
      'https://linkedin.com.evil.example/in/x',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:pw@www.linkedin.com/',
      'https://evil.example/?u=https://linkedin.com',
    ]) {
      const result = await open(bad);
      expect(result, bad).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    expect(opened).toEqual(['https://www.linkedin.com/in/ann-lee', 'https://app.close.com/leads/']);
  });

  it('reads only files the seller gave the app (dialog or drop)', async () => {
    const core = recordingCore();
    const services = fakeServices();
    const table = createHandlerTable({
      core,
      main: createMainHandlers(services),
      isGrantedPath: (p) => services.grantedPaths.has(p),
    });
    expect(await table['imports.inspect']({ path: '/home/me/.ssh/id_rsa' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(core.seen).toEqual([]);
    expect(await table['system.pickFiles'](undefined)).toEqual({ ok: true, value: ['/tmp/a.csv'] });
    expect((await table['imports.inspect']({ path: '/tmp/a.csv' })).ok).toBe(true);
    expect(core.seen).toEqual([{ name: 'imports.inspect', input: { path: '/tmp/a.csv' } }]);
    // A do-not-contact list is read under the same rule.
    expect(await table['suppressions.import']({ path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect((await table['suppressions.import']({ path: '/tmp/a.csv' })).ok).toBe(true);
  });

  it('writes an export only where the seller chose in the save dialog', async () => {
    const core = recordingCore();
    const services = fakeServices();
    const table = createHandlerTable({
      core,
      main: createMainHandlers(services),
      isGrantedPath: (p) => services.grantedPaths.has(p),
    });
    const run = (path: string) => table['exports.run']({ target: 'close', path });
    expect(await run('/home/me/.bashrc')).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringMatching(/Choose where to save/) },
    });
    expect(core.seen).toEqual([]);
    expect(await table['system.pickSavePath']({ defaultName: 'close-leads.csv' })).toEqual({
      ok: true,
      value: '/tmp/out/leads.csv',
    });
    expect((await run('/tmp/out/leads.csv')).ok).toBe(true);
    expect(core.seen).toEqual([
      {
        name: 'exports.run',
        input: {
          target: 'close',
          path: '/tmp/out/leads.csv',
          scope: { kind: 'approved' },
          sinceLast: false,
          bom: false,
        },
      },
    ]);
  });

  it('sends main calls to the host, not the core', async () => {
    const core = recordingCore();
    const table = createHandlerTable({ core, main: createMainHandlers(fakeServices()) });
    const mainCalls = CALL_NAMES.filter((n): n is MainCallName => calls[n].host === 'main');
    expect(await table['system.pickFiles'](undefined)).toEqual({ ok: true, value: ['/tmp/a.csv'] });
    expect(await table['prefs.set']({ theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(await table['prefs.set']({ colour: 'red' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(mainCalls.length).toBeGreaterThan(0);
    expect(core.seen).toEqual([]);
  });
});
