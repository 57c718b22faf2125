import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { AppFailure } from '@shared/contract/result';

/** The browser profile lives beside the database, so LinkedIn's sign-in survives restarts. */
export function linkedInProfileDir(dataDir: string): string {
  return path.join(dataDir, 'linkedin-browser');
}

export interface OpenBrowserOptions {
  executablePath: string;
  /** A folder of our own (never the seller's everyday Chrome profile, which Chrome keeps locked). */
  profileDir: string;
  /** False in the app: the seller sees the window, signs in there and presses Send there. */
  headless?: boolean;
  /** Extra Chromium switches; the tests add --no-sandbox (they run as root). */
  args?: string[];
}

/**
 * Opens the seller's browser on our persistent profile. The seller signs in to LinkedIn by hand in
 * this window once; cookies stay in `profileDir`, and we never see or store the password.
 */
export async function openLinkedInBrowser(options: OpenBrowserOptions): Promise<BrowserContext> {
  fs.mkdirSync(options.profileDir, { recursive: true });
  try {
    return await chromium.launchPersistentContext(options.profileDir, {
      executablePath: options.executablePath,
      headless: options.headless ?? false,
      // A real window size, as the seller's own browser would have; no emulated viewport.
      viewport: options.headless ? { width: 1280, height: 900 } : null,
      args: ['--no-first-run', '--no-default-browser-check', ...(options.args ?? [])],
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new AppFailure(
      'unavailable',
      `Could not open the browser for LinkedIn (${options.executablePath}). If its window is already open, close it and try again. (${reason})`,
    );
  }
}
