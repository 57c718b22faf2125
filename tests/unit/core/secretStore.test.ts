import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretStore } from '../../../src/main/core/secrets/secretStore';
import { openCore } from '../../../src/main/core/runtime';
import { recordAudit } from '../../../src/main/core/audit/audit';
import { createHandlerTable } from '../../../src/main/host/handlerTable';
import { createMainHandlers, type HostServices } from '../../../src/main/host/mainHandlers';
import { JOB_WORKER, tempDir, testKeychainService } from '../../helpers/paths';

/**
 * Against the real OS keychain: on Linux a gnome-keyring that `npm test` starts inside its own
 * D-Bus session, so the seller's real keyring is never touched.
 */
describe('API keys in the keychain', () => {
  const service = testKeychainService();
  const store = new SecretStore(service);
  afterEach(async () => {
    await store.delete('hunter');
    await store.delete('close');
  });

  it('saves a key, shows only its last four characters, replaces and deletes it', async () => {
    expect(await store.status('hunter')).toEqual({ name: 'hunter', saved: false, last4: null });
    expect(await store.save('hunter', 'hk_live_0000000000001a2b')).toEqual({
      name: 'hunter',
      saved: true,
      last4: '1a2b',
    });
    expect(await store.read('hunter')).toBe('hk_live_0000000000001a2b');
    expect(await store.save('hunter', 'hk_live_99999999999999ff')).toMatchObject({ last4: '99ff' });
    expect(await store.statusAll()).toEqual([
      { name: 'hunter', saved: true, last4: '99ff' },
      { name: 'close', saved: false, last4: null },
    ]);
    expect(await store.delete('hunter')).toEqual({ name: 'hunter', saved: false, last4: null });
    expect(await store.read('hunter')).toBeNull();
  });

  it('keeps keys apart from another service name (the seller’s real keys)', async () => {
    await store.save('close', 'api_close_abcdef123456');
    expect(await new SecretStore(testKeychainService()).read('close')).toBeNull();
  });

  it('says clearly when there is no keychain', async () => {
    const broken = new SecretStore(service, () => {
      throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    });
    await expect(broken.status('hunter')).rejects.toMatchObject({
      code: 'keychain_unavailable',
      message: expect.stringMatching(/Secret Service keyring/),
    });
  });

  it('never writes a saved key to the database, the audit log or any other file of the app', async () => {
    const tmp = tempDir();
    const secret = 'hk_live_SENTINEL_7e57c0de';
    const core = await openCore(
      { dbPath: path.join(tmp.dir, 'app.db'), dataDir: tmp.dir, jobWorkerPath: JOB_WORKER },
      () => undefined,
    );
    const services = {
      secrets: store,
      audit: (action: string, details: Record<string, unknown>) =>
        recordAudit(core.ctx.db, { action, details }),
    } as unknown as HostServices;
    const table = createHandlerTable({
      core: { call: (n, i) => core.dispatch(n, i) },
      main: createMainHandlers(services),
    });
    expect(await table['secrets.save']({ name: 'hunter', value: secret })).toEqual({
      ok: true,
      value: { name: 'hunter', saved: true, last4: 'c0de' },
    });
    expect(JSON.stringify(await table['secrets.status'](undefined))).not.toContain('SENTINEL');
    expect(core.ctx.db.prepare(`SELECT action, details FROM audit_log`).all()).toEqual([
      { action: 'secret.saved', details: '{"name":"hunter"}' },
    ]);
    await core.close();
    const files = fs.readdirSync(tmp.dir, { recursive: true }) as string[];
    for (const file of files) {
      const full = path.join(tmp.dir, file);
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes('SENTINEL'), file).toBe(false);
    }
    tmp.cleanup();
  });
});
