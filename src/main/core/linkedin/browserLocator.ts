import path from 'node:path';

/**
 * Finds the seller's own Chrome, Edge or Chromium. We drive their installed browser (playwright-core
 * downloads none), so this is a pure function over "does this file exist" and the environment: the
 * same code is tested for Windows, macOS and Linux on any machine.
 */

export type BrowserKind = 'chrome' | 'edge' | 'chromium';
export type HostPlatform = 'linux' | 'darwin' | 'win32';

export interface BrowserLocation {
  executablePath: string;
  kind: BrowserKind;
  /** Where it came from: the path in Settings, a standard install folder, or a PATH lookup. */
  foundBy: 'settings' | 'standard_path' | 'path_lookup';
}

export type LocateResult = ({ ok: true } & BrowserLocation) | { ok: false; message: string; tried: string[] };

export interface LocateOptions {
  platform: HostPlatform;
  /** Environment variables (PATH, ProgramFiles, LOCALAPPDATA, HOME …). */
  env: Record<string, string | undefined>;
  /** A path the seller chose in Settings; it wins, and a missing one is an error, not a fallback. */
  explicitPath?: string | null;
  exists(file: string): boolean;
}

interface Candidate {
  file: string;
  kind: BrowserKind;
  foundBy: BrowserLocation['foundBy'];
}

/** Names on PATH, in order of preference; Linux packages use these. */
const LINUX_COMMANDS: [string, BrowserKind][] = [
  ['google-chrome-stable', 'chrome'],
  ['google-chrome', 'chrome'],
  ['microsoft-edge-stable', 'edge'],
  ['microsoft-edge', 'edge'],
  ['chromium', 'chromium'],
  ['chromium-browser', 'chromium'],
];

function linuxCandidates(env: LocateOptions['env']): Candidate[] {
  const standard: Candidate[] = [
    { file: '/opt/google/chrome/chrome', kind: 'chrome', foundBy: 'standard_path' },
    { file: '/opt/microsoft/msedge/msedge', kind: 'edge', foundBy: 'standard_path' },
    { file: '/usr/bin/chromium', kind: 'chromium', foundBy: 'standard_path' },
    { file: '/usr/bin/chromium-browser', kind: 'chromium', foundBy: 'standard_path' },
    { file: '/snap/bin/chromium', kind: 'chromium', foundBy: 'standard_path' },
  ];
  const dirs = (env.PATH ?? '').split(':').filter(Boolean);
  const onPath = LINUX_COMMANDS.flatMap(([command, kind]) =>
    dirs.map((dir): Candidate => ({ file: path.posix.join(dir, command), kind, foundBy: 'path_lookup' })),
  );
  return [...standard, ...onPath];
}

function macCandidates(env: LocateOptions['env']): Candidate[] {
  const apps: [string, string, BrowserKind][] = [
    ['Google Chrome.app', 'Google Chrome', 'chrome'],
    ['Microsoft Edge.app', 'Microsoft Edge', 'edge'],
    ['Chromium.app', 'Chromium', 'chromium'],
  ];
  const roots = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
  return apps.flatMap(([app, binary, kind]) =>
    roots.map((root): Candidate => ({
      file: path.posix.join(root, app, 'Contents', 'MacOS', binary),
      kind,
      foundBy: 'standard_path',
    })),
  );
}

function windowsCandidates(env: LocateOptions['env']): Candidate[] {
  // Environment names are case-insensitive on Windows; Node keeps their own spelling.
  const get = (name: string) =>
    Object.entries(env).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  const programFiles = get('ProgramFiles') ?? 'C:\\Program Files';
  const programFilesX86 = get('ProgramFiles(x86)') ?? 'C:\\Program Files (x86)';
  const localAppData = get('LOCALAPPDATA');
  const roots = [programFiles, programFilesX86, ...(localAppData ? [localAppData] : [])];
  const installs: [string[], BrowserKind][] = [
    [['Google', 'Chrome', 'Application', 'chrome.exe'], 'chrome'],
    [['Microsoft', 'Edge', 'Application', 'msedge.exe'], 'edge'],
    [['Chromium', 'Application', 'chrome.exe'], 'chromium'],
  ];
  const standard = installs.flatMap(([parts, kind]) =>
    roots.map((root): Candidate => ({
      file: path.win32.join(root, ...parts),
      kind,
      foundBy: 'standard_path',
    })),
  );
  const dirs = (get('PATH') ?? '').split(';').filter(Boolean);
  const onPath = (
    [
      ['chrome.exe', 'chrome'],
      ['msedge.exe', 'edge'],
    ] as [string, BrowserKind][]
  ).flatMap(([exe, kind]) =>
    dirs.map((dir): Candidate => ({ file: path.win32.join(dir, exe), kind, foundBy: 'path_lookup' })),
  );
  return [...standard, ...onPath];
}

/** What kind of browser a path the seller chose is, from its file name. */
export function browserKindOf(file: string): BrowserKind {
  const name = file.toLowerCase();
  if (name.includes('edge')) return 'edge';
  if (name.includes('chromium')) return 'chromium';
  return 'chrome';
}

/** Chrome first, then Edge, then Chromium: the order most sellers would expect. */
export function locateBrowser(options: LocateOptions): LocateResult {
  const { platform, env, explicitPath, exists } = options;
  if (explicitPath) {
    if (exists(explicitPath))
      return {
        ok: true,
        executablePath: explicitPath,
        kind: browserKindOf(explicitPath),
        foundBy: 'settings',
      };
    return {
      ok: false,
      message: `The browser chosen in Settings is not there any more: ${explicitPath}. Choose it again or clear the setting.`,
      tried: [explicitPath],
    };
  }
  const candidates =
    platform === 'win32'
      ? windowsCandidates(env)
      : platform === 'darwin'
        ? macCandidates(env)
        : linuxCandidates(env);
  const byPreference = (['chrome', 'edge', 'chromium'] as BrowserKind[]).flatMap((kind) =>
    candidates.filter((c) => c.kind === kind),
  );
  const found = byPreference.find((c) => exists(c.file));
  if (found) return { ok: true, executablePath: found.file, kind: found.kind, foundBy: found.foundBy };
  return {
    ok: false,
    message:
      'No Chrome, Edge or Chromium found on this computer. Install Google Chrome, or choose the browser in Settings.',
    tried: byPreference.map((c) => c.file),
  };
}
