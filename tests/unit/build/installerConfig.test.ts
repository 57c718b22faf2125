import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { mainWindowOptions, windowIconPath } from '../../../src/main/electron/windowOptions';
import { OUT, ROOT } from '../../helpers/paths';

/**
 * The installers are built on a laptop (the Electron binary cannot be downloaded here), so their
 * configuration is checked here: with electron-builder's own loader and schema, and against the
 * files the build actually writes.
 */
const load = () => getConfig(ROOT, null, null);

/** electron-builder's own matcher for a file-set option (files, asarUnpack) of the configuration. */
function matcher(config: Configuration, name: 'files' | 'asarUnpack'): (file: string) => boolean {
  const matchers = getFileMatchers(config, name, '/app', {
    macroExpander: (pattern) => pattern,
    customBuildOptions: config.linux ?? {},
    globalOutDir: path.join(ROOT, 'dist'),
    defaultSrc: ROOT,
  });
  expect(matchers).not.toBeNull();
  const filters = matchers!.map((m) => m.createFilter());
  return (file) => {
    const full = path.join(ROOT, file);
    return filters.some((filter) => filter(full, fs.statSync(full)));
  };
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [path.relative(ROOT, full)];
  });
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the installer configuration (electron-builder.yml)', () => {
  it('passes electron-builder’s own schema, which does catch a mistake', async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const broken = { ...config, asarUnpak: config.asarUnpack } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });

  it('names the app and builds a dmg, an NSIS installer, an AppImage and a deb', async () => {
    const config = await load();
    expect(config.appId).toBe('com.prospectdesk.app');
    expect(config.productName).toBe('Prospect Desk');
    const targets = (value: unknown) =>
      (Array.isArray(value) ? value : [value]).map((t) =>
        typeof t === 'string' ? t : (t as { target: string }).target,
      );
    expect(targets(config.mac?.target)).toEqual(['dmg']);
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    // A .deb must name its maintainer; keytar needs libsecret, which electron-builder's default
    // deb dependencies include.
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      productName: string;
      scripts: Record<string, string>;
    };
    expect(pkg.productName).toBe(config.productName);
    expect(pkg.scripts.dist).toMatch(/electron-vite build && electron-builder/);
  });

  it('has a real 1024 × 1024 icon in resources/, drawn from the SVG beside it', async () => {
    const config = await load();
    expect(config.icon).toBe('resources/icon.png');
    for (const platform of [config.mac, config.win, config.linux])
      expect(platform?.icon).toBe('resources/icon.png');
    expect(pngSize(path.join(ROOT, 'resources/icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(fs.readFileSync(path.join(ROOT, 'resources/icon.svg'), 'utf8')).toContain(
      'viewBox="0 0 1024 1024"',
    );
    // The Linux window icon is that file, found from out/main in the project and in the package.
    const icon = windowIconPath(path.join(ROOT, 'out/main'));
    expect(icon).toBe(path.join(ROOT, 'resources/icon.png'));
    expect(mainWindowOptions(path.join(ROOT, 'out/main'), true, 'linux').icon).toBe(icon);
    expect(mainWindowOptions(path.join(ROOT, 'out/main'), true, 'darwin').icon).toBeUndefined();
    expect(matcher(config, 'files')(path.relative(ROOT, icon))).toBe(true);
  });

  it('packs every file the build writes to out/, and nothing the tests write there', async () => {
    const config = await load();
    const packed = matcher(config, 'files');
    const built = ['main', 'preload', 'renderer'].flatMap((dir) => walk(path.join(OUT, dir)));
    expect(built.length).toBeGreaterThan(5);
    expect(built.filter((file) => !packed(file))).toEqual([]);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    for (const needed of [
      pkg.main,
      'out/main/coreWorker.js',
      'out/main/jobWorker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'package.json',
    ])
      expect(packed(needed), needed).toBe(true);
    if (fs.existsSync(path.join(OUT, 'test-harness'))) {
      for (const file of walk(path.join(OUT, 'test-harness'))) expect(packed(file), file).toBe(false);
    }
    expect(packed('resources/icon.svg')).toBe(false);
    expect(packed('src/main/index.ts')).toBe(false);
  });

  it('unpacks every native module file from the asar, and only those', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    const unpacked = matcher(config, 'asarUnpack');
    for (const module of ['better-sqlite3', 'keytar']) {
      const natives = walk(path.join(ROOT, 'node_modules', module)).filter((f) => f.endsWith('.node'));
      expect(natives.length, module).toBeGreaterThan(0);
      expect(natives.filter((f) => !unpacked(f))).toEqual([]);
      expect(unpacked(`node_modules/${module}/package.json`)).toBe(false);
    }
    expect(unpacked('out/main/index.js')).toBe(false);
  });

  it('does not rebuild native modules, because they are N-API builds that Electron loads as they are', async () => {
    const config = await load();
    expect(config.npmRebuild).toBe(false);
    const keytar = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules/keytar/package.json'), 'utf8'),
    ) as {
      binary: { napi_versions: number[] };
    };
    expect(keytar.binary.napi_versions.length).toBeGreaterThan(0);
    // better-sqlite3 ships a prebuilt N-API binary per platform; each platform's installer finds its own.
    const prebuilds = fs.readdirSync(path.join(ROOT, 'node_modules/better-sqlite3/prebuilds'));
    for (const platform of ['darwin-arm64.node', 'darwin-x64.node', 'win32-x64.node', 'linux-x64.node'])
      expect(prebuilds).toContain(platform);
  });
});
