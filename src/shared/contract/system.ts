import { z } from 'zod';
import { defineCall } from './define';

export const systemCalls = {
  /** Opens an https link in the system browser; only hosts on the allow-list (see externalUrls). */
  'system.openExternal': defineCall('main', z.object({ url: z.string().max(2048) }).strict()).returns<void>(),
  /** Shows the system's open dialog for spreadsheets; resolves to the chosen paths (empty if none). */
  'system.pickFiles': defineCall(
    'main',
    z
      .object({ title: z.string().max(200).optional() })
      .strict()
      .optional(),
  ).returns<string[]>(),
  /** Puts text on the system clipboard (the page itself has no clipboard permission). */
  'system.copyText': defineCall('main', z.object({ text: z.string().max(100_000) }).strict()).returns<void>(),
  /**
   * Shows the system's save dialog for an export file; resolves to the chosen path, or null if the
   * seller cancelled. The path is then granted to the export call (see SAVE_FILE_CALLS).
   */
  'system.pickSavePath': defineCall(
    'main',
    z
      .object({
        title: z.string().max(200).optional(),
        /** A suggested file name ("close-leads.csv"). */
        defaultName: z.string().min(1).max(255).optional(),
      })
      .strict(),
  ).returns<string | null>(),
  /**
   * Shows the system's open dialog for the browser LinkedIn runs in; resolves to the chosen
   * program, or null if the seller cancelled. Only a program chosen here can become
   * `linkedin.browserPath` (see the handler table): the page never names one to run.
   */
  'system.pickBrowser': defineCall('main', z.undefined()).returns<string | null>(),
  /** Reveals a file in the system file manager. */
  'system.showInFolder': defineCall(
    'main',
    z.object({ path: z.string().min(1).max(4096) }).strict(),
  ).returns<void>(),
};
