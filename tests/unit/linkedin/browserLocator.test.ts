import { describe, expect, it } from 'vitest';
import { locateBrowser, type LocateOptions } from '../../../src/main/core/linkedin/browserLocator';

/** The locator is pure: a fake "file exists" per OS, no real files. */
const withFiles =
  (...files: string[]): LocateOptions['exists'] =>
  (file) =>
    files.includes(file);

describe('finding the seller’s browser', () => {
  describe('on Windows', () => {
    const env = {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\riley\\AppData\\Local',
      Path: 'C:\\Windows\\system32;C:\\Tools\\Browsers',
    };

    it('prefers Chrome in Program Files', () => {
      expect(
        locateBrowser({
          platform: 'win32',
          env,
          exists: withFiles(
            'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
            'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
          ),
        }),
      ).toEqual({
        ok: true,
        executablePath: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
        kind: 'chrome',
        foundBy: 'standard_path',
      });
    });

    it('finds a per-user Chrome in LOCALAPPDATA', () => {
      const found = locateBrowser({
        platform: 'win32',
        env,
        exists: withFiles('C:\\Users\\riley\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'),
      });
      expect(found).toMatchObject({ ok: true, kind: 'chrome' });
    });

    it('falls back to Edge, which every Windows has', () => {
      expect(
        locateBrowser({
          platform: 'win32',
          env,
          exists: withFiles('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'),
        }),
      ).toMatchObject({
        ok: true,
        kind: 'edge',
        executablePath: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      });
    });

    it('looks on PATH (whatever the case of its name)', () => {
      expect(
        locateBrowser({ platform: 'win32', env, exists: withFiles('C:\\Tools\\Browsers\\chrome.exe') }),
      ).toEqual({
        ok: true,
        executablePath: 'C:\\Tools\\Browsers\\chrome.exe',
        kind: 'chrome',
        foundBy: 'path_lookup',
      });
    });
  });

  describe('on macOS', () => {
    const env = { HOME: '/Users/riley', PATH: '/usr/bin:/bin' };

    it('finds Chrome in /Applications', () => {
      expect(
        locateBrowser({
          platform: 'darwin',
          env,
          exists: withFiles('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
        }),
      ).toEqual({
        ok: true,
        executablePath: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        kind: 'chrome',
        foundBy: 'standard_path',
      });
    });

    it('finds Edge in the user’s own Applications folder', () => {
      expect(
        locateBrowser({
          platform: 'darwin',
          env,
          exists: withFiles('/Users/riley/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'),
        }),
      ).toMatchObject({ ok: true, kind: 'edge' });
    });
  });

  describe('on Linux', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin:/snap/bin', HOME: '/home/riley' };

    it('prefers Google Chrome over Chromium', () => {
      expect(
        locateBrowser({
          platform: 'linux',
          env,
          exists: withFiles('/usr/bin/chromium', '/opt/google/chrome/chrome'),
        }),
      ).toMatchObject({ ok: true, executablePath: '/opt/google/chrome/chrome', kind: 'chrome' });
    });

    it('finds google-chrome-stable on PATH', () => {
      expect(
        locateBrowser({
          platform: 'linux',
          env,
          exists: withFiles('/usr/local/bin/google-chrome-stable', '/usr/bin/chromium'),
        }),
      ).toEqual({
        ok: true,
        executablePath: '/usr/local/bin/google-chrome-stable',
        kind: 'chrome',
        foundBy: 'path_lookup',
      });
    });

    it('uses Debian’s chromium when that is all there is', () => {
      expect(locateBrowser({ platform: 'linux', env, exists: withFiles('/usr/bin/chromium') })).toEqual({
        ok: true,
        executablePath: '/usr/bin/chromium',
        kind: 'chromium',
        foundBy: 'standard_path',
      });
    });
  });

  it('lets the path chosen in Settings win over everything', () => {
    expect(
      locateBrowser({
        platform: 'linux',
        env: { PATH: '/usr/bin' },
        explicitPath: '/home/riley/bin/msedge-beta',
        exists: withFiles('/opt/google/chrome/chrome', '/home/riley/bin/msedge-beta'),
      }),
    ).toEqual({ ok: true, executablePath: '/home/riley/bin/msedge-beta', kind: 'edge', foundBy: 'settings' });
  });

  it('says so when the chosen path is gone, rather than quietly using another browser', () => {
    const result = locateBrowser({
      platform: 'darwin',
      env: {},
      explicitPath: '/Applications/Chromium.app/Contents/MacOS/Chromium',
      exists: withFiles('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    });
    expect(result).toMatchObject({
      ok: false,
      tried: ['/Applications/Chromium.app/Contents/MacOS/Chromium'],
    });
    expect(result.ok ? '' : result.message).toMatch(/chosen in Settings is not there/);
  });

  it('lists what it tried when nothing is installed', () => {
    const result = locateBrowser({ platform: 'linux', env: { PATH: '/usr/bin' }, exists: () => false });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toBe(
        'No Chrome, Edge or Chromium found on this computer. Install Google Chrome, or choose the browser in Settings.',
      );
      expect(result.tried).toContain('/usr/bin/google-chrome');
      expect(result.tried).toContain('/snap/bin/chromium');
    }
  });
});
