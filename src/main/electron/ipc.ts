import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { fail } from '@shared/contract/result';
import type { EventName } from '@shared/contract/events';
import { CALL_CHANNEL, EVENT_CHANNEL } from '@shared/contract/channels';
import { invokeByName, type HandlerTable } from '../host/handlerTable';
import { isAppUrl } from './security';

/**
 * Binds the handler table to one IPC channel. Only the app's own page may call: a frame from
 * anywhere else (which should never load, see lockNavigation) is refused.
 */
export function registerIpc(ipcMain: IpcMain, table: HandlerTable, rendererUrl: string | undefined): void {
  ipcMain.handle(CALL_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl, rendererUrl)) {
      return fail('not_allowed', 'Calls are accepted only from Prospect Desk’s own window.');
    }
    return invokeByName(table, name, input);
  });
}

/** Pushes a core event to every open window. */
export function broadcast(targets: () => WebContents[], name: EventName, payload: unknown): void {
  for (const contents of targets()) {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { name, payload });
  }
}
