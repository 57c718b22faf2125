/**
 * What every call across a process boundary returns. Errors never cross IPC as thrown Errors
 * (Electron strips their class and fields); they cross as data with a code a test can assert on.
 */
export type ErrorCode =
  | 'invalid_input' // the input failed the contract's schema; the core never saw it
  | 'unknown_call' // no such call in the contract
  | 'not_found'
  | 'conflict'
  | 'busy' // the database is held by a running job; try again when it ends
  | 'cancelled'
  | 'quota_exceeded'
  | 'unsupported_file'
  | 'keychain_unavailable'
  | 'database_too_new'
  | 'database_corrupt'
  | 'not_allowed'
  | 'unavailable' // the host cannot do this here (e.g. a dialog in the test harness)
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Extra data a caller can act on, e.g. the list of schema issues for `invalid_input`. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Thrown inside the core to end a call with a specific code; the dispatcher turns it into a
 * `{ ok: false }` result. Anything else thrown becomes `internal`.
 */
export class AppFailure extends Error {
  override readonly name = 'AppFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Turns anything thrown into an AppError without leaking a stack trace to the UI. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      return { code: 'busy', message: 'The database is busy with a running job. Try again when it ends.' };
    }
    return { code: 'internal', message: error.message };
  }
  return { code: 'internal', message: String(error) };
}
