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
  /** Reveals a file in the system file manager. */
  'system.showInFolder': defineCall(
    'main',
    z.object({ path: z.string().min(1).max(4096) }).strict(),
  ).returns<void>(),
};
