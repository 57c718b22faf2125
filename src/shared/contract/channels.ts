/** The two IPC channels: every call goes over one, every pushed event over the other. */
export const CALL_CHANNEL = 'pd:call';
export const EVENT_CHANNEL = 'pd:event';
/** Preload → main only: a file the seller dropped on the window, which the app may now read. */
export const GRANT_FILE_CHANNEL = 'pd:grant-file';
