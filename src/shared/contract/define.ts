import type { z } from 'zod';

/**
 * Where a call is answered. `core` calls are relayed to the core worker (database, jobs, anything
 * slow); `main` calls are answered by the host itself (preferences file, dialogs, the system
 * browser) because they need the host's own powers and never touch the database.
 */
export type Host = 'core' | 'main';

export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown, H extends Host = Host> {
  readonly host: H;
  readonly input: I;
  /** Phantom field: carries the result type; never set at run time. */
  readonly output?: O;
}

/** `defineCall('core', schema).returns<Result>()` — the one way a call enters the contract. */
export function defineCall<H extends Host, I extends z.ZodType>(host: H, input: I) {
  return { returns: <O>(): CallSpec<I, O, H> => ({ host, input }) };
}
