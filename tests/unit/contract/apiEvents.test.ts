import { describe, expect, it, vi } from 'vitest';
import { buildApi, type ApiTransport } from '../../../src/shared/contract/api';
import type { EventName } from '../../../src/shared/contract/events';

/** A transport that counts its subscriptions, as ipcRenderer would count its listeners. */
function fakeTransport() {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const transport: ApiTransport = {
    invoke: () => Promise.resolve({ ok: true, value: null }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pathForFile: () => null,
  };
  const emit = (event: EventName, payload: unknown) => {
    for (const l of [...listeners]) l(event, payload);
  };
  return { transport, listeners, emit };
}

describe('window.api.on', () => {
  it('shares one transport listener among every subscriber, and lets it go with the last', () => {
    const t = fakeTransport();
    const api = buildApi(t.transport);
    const seen: string[] = [];
    const offs = Array.from({ length: 12 }, (_, i) =>
      api.on('data.changed', (p) => seen.push(`${i}:${p.scope}`)),
    );
    const offJob = api.on('job', () => seen.push('job'));
    expect(t.listeners.size).toBe(1);
    t.emit('data.changed', { scope: 'contacts' });
    expect(seen).toHaveLength(12);
    expect(seen[0]).toBe('0:contacts');
    // Only the event's own subscribers hear it.
    t.emit('linkedin.session', {});
    expect(seen).toHaveLength(12);
    for (const off of offs) off();
    t.emit('data.changed', { scope: 'x' });
    expect(seen).toHaveLength(12);
    expect(t.listeners.size).toBe(1); // the job subscriber still holds it
    offJob();
    expect(t.listeners.size).toBe(0);
    // A later subscriber takes a new one.
    const again = vi.fn();
    const off = api.on('data.changed', again);
    expect(t.listeners.size).toBe(1);
    t.emit('data.changed', { scope: 'y' });
    expect(again).toHaveBeenCalledWith({ scope: 'y' });
    off();
    off(); // twice is harmless
    expect(t.listeners.size).toBe(0);
  });

  it('the same function subscribed twice is two subscriptions; one that throws does not stop the rest', () => {
    const t = fakeTransport();
    const api = buildApi(t.transport);
    const calls = vi.fn();
    const offA = api.on('data.changed', calls);
    api.on('data.changed', calls);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.on('data.changed', () => {
      throw new Error('a page failed');
    });
    const after = vi.fn();
    api.on('data.changed', after);
    t.emit('data.changed', { scope: 'z' });
    expect(calls).toHaveBeenCalledTimes(2);
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
    offA();
    t.emit('data.changed', { scope: 'z' });
    expect(calls).toHaveBeenCalledTimes(3);
  });

  it('a listener that unsubscribes another while the event goes round does not skip anyone', () => {
    const t = fakeTransport();
    const api = buildApi(t.transport);
    const second = vi.fn();
    let offSecond = () => {};
    api.on('data.changed', () => offSecond());
    offSecond = api.on('data.changed', second);
    t.emit('data.changed', { scope: 'a' });
    expect(second).toHaveBeenCalledTimes(1);
    t.emit('data.changed', { scope: 'b' });
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('refuses an event the contract does not name', () => {
    const api = buildApi(fakeTransport().transport);
    expect(() => api.on('nope' as EventName, () => undefined)).toThrow(/Unknown event "nope"/);
  });
});
