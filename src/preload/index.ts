import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '@shared/contract/api';
import type { EventName } from '@shared/contract/events';
import { CALL_CHANNEL, EVENT_CHANNEL, GRANT_FILE_CHANNEL } from '@shared/contract/channels';

/**
 * Exposes `window.api`: the contract's calls as named functions, and nothing else — never
 * `ipcRenderer` itself, so the page cannot reach a channel the contract does not name.
 */
const api = buildApi({
  invoke: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input),
  subscribe(listener) {
    const handler = (_event: unknown, message: { name: EventName; payload: unknown }) =>
      listener(message.name, message.payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
  pathForFile(file) {
    const filePath = webUtils.getPathForFile(file);
    if (filePath === '') return null;
    ipcRenderer.send(GRANT_FILE_CHANNEL, filePath);
    return filePath;
  },
});

contextBridge.exposeInMainWorld('api', api);
