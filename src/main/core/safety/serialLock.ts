/**
 * Runs tasks one at a time, first come first served. The LinkedIn session drives one page, so a
 * discovery job and the seller's "open this invite" must take turns, never interleave clicks.
 * Twenty lines do not justify a dependency (async-mutex, p-queue); aborting a queued task is the
 * one thing they would add, and we need it too.
 */
export class SerialLock {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  /** Tasks running or waiting. */
  get pending(): number {
    return this.holders;
  }

  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    this.holders++;
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    const waitTurn = new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      void previous.then(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
    // A task aborted while waiting still keeps its place in the chain until its turn comes, then
    // hands over at once, so the order of the others never changes.
    return waitTurn
      .then(() => {
        signal?.throwIfAborted();
        return task();
      })
      .finally(() => {
        void previous.then(() => {
          this.holders--;
          release();
        });
      });
  }
}
