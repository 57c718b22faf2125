import type { Api } from '@shared/contract/api';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the test harness (Chromium); nothing else reaches the core. */
    api: Api;
  }
}

export {};
