import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { fail } from '@shared/contract/result';
import type { EventName } from '@shared/contract/events';
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { CALL_CHANNEL, EVENT_CHANNEL, GRANT_FILE_CHANNEL } from '@shared/contract/channels';
import { invokeByName, type HandlerTable } from '../host/handlerTable';
import { isAppUrl } from './security';

/**
 * Binds the handler table to one IPC channel. Only the app's own page may call: a frame from
 * anywhere else (which should never load, see lockNavigation) is refused.
 */
export function registerIpc(
  ipcMain: IpcMain,
  table: HandlerTable,
  appUrl: string,
  grantFile: (path: string) => void,
): void {
  const trusted = (event: { senderFrame?: { url: string } | null }) =>
    isAppUrl(event.senderFrame?.url ?? '', appUrl);
  ipcMain.handle(CALL_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    if (!trusted(event))
      return fail('not_allowed', 'Calls are accepted only from Prospect Desk’s own window.');
    return invokeByName(table, name, input);
  });
  // The preload reports the path of every file dropped on the window (only it can see one: the
  // page gets a File without a path), so the import calls accept that path.
  ipcMain.on(GRANT_FILE_CHANNEL, (event, path: unknown) => {
    if (!trusted(event) || typeof path !== 'string' || !isAbsolute(path)) return;
    try {
      if (statSync(path).isFile()) grantFile(path);
    } catch {
      // a path that is gone is simply not granted
    }
  });
}

/** Pushes a core event to every open window. */
export function broadcast(targets: () => WebContents[], name: EventName, payload: unknown): void {
  for (const contents of targets()) {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { name, payload });
  }
}
