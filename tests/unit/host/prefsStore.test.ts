import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrefsStore, type StoreFactory } from '../../../src/main/host/prefsStore';
import { defaultPrefs } from '../../../src/shared/domain/prefs';
import { tempDir } from '../../helpers/paths';

// electron-store is conf with Electron's paths; the harness and these tests use conf itself.
const factory: StoreFactory = (options) => new Conf(options);

describe('preferences', () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    tmp = tempDir();
    file = path.join(tmp.dir, 'preferences.json');
  });
  afterEach(() => tmp.cleanup());

  it('start with the defaults and keep what is set', () => {
    const store = new PrefsStore(factory, tmp.dir);
    expect(store.state()).toEqual({ prefs: defaultPrefs, notice: null });
    store.update({ theme: 'dark', lastImportFolder: '/home/me/lists' });
    const again = new PrefsStore(factory, tmp.dir);
    expect(again.state().prefs).toMatchObject({ theme: 'dark', lastImportFolder: '/home/me/lists' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ theme: 'dark' });
  });

  it('reset a file that is not JSON, keep the old one aside, and say so', () => {
    fs.writeFileSync(file, '{"theme": "dark", ');
    const store = new PrefsStore(factory, tmp.dir);
    const { prefs, notice } = store.state();
    expect(prefs).toEqual(defaultPrefs);
    expect(notice).toMatch(/could not be read/);
    const kept = fs.readdirSync(tmp.dir).filter((f) => f.startsWith('preferences.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(tmp.dir, kept[0]!), 'utf8')).toBe('{"theme": "dark", ');
    expect(store.dismissNotice().notice).toBeNull();
  });

  it('reset a file that breaks the schema', () => {
    fs.writeFileSync(file, JSON.stringify({ theme: 'purple', density: 'compact' }));
    const store = new PrefsStore(factory, tmp.dir);
    expect(store.state().prefs.theme).toBe('system');
    expect(store.state().notice).toMatch(/defaults were restored/);
  });

  it('refuse a value the schema does not allow, leaving the file as it was', () => {
    const store = new PrefsStore(factory, tmp.dir);
    store.update({ theme: 'light' });
    expect(() => store.update({ theme: 'neon' as never })).toThrow();
    expect(new PrefsStore(factory, tmp.dir).state().prefs.theme).toBe('light');
  });
});
