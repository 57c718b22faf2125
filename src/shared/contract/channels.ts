/** The two IPC channels: every call goes over one, every pushed event over the other. */
export const CALL_CHANNEL = 'pd:call';
export const EVENT_CHANNEL = 'pd:event';
