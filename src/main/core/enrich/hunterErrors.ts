import { AppFailure } from '@shared/contract/result';

/** One entry of Hunter's `errors` array: `{ id, code, details }`. */
export interface HunterApiError {
  id: string;
  code: number;
  details: string;
}

export type HunterErrorKind =
  | 'auth' // 401: the key is wrong or revoked; stop
  | 'quota' // 429: the plan's searches or verifications are used up; stop
  | 'rate_limited' // 403 after every retry: still too fast
  | 'unavailable' // 5xx, network, timeouts after every retry, or the circuit breaker is open
  | 'bad_request' // another 4xx: our request was wrong
  | 'bad_response'; // a 2xx we could not read

/** Every failure of a Hunter call is one of these, with a kind a caller can switch on. */
export class HunterError extends Error {
  override readonly name = 'HunterError';
  constructor(
    readonly kind: HunterErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly errors: HunterApiError[] = [],
  ) {
    super(message);
  }

  /** True when no further Hunter call in this run can succeed (bad key, plan used up). */
  get stopsRun(): boolean {
    return this.kind === 'auth' || this.kind === 'quota';
  }
}

/**
 * The failure the lead's handlers return across IPC. `quota` maps to `quota_exceeded` so the UI can
 * say "Hunter's monthly searches are used up" the same way it does for our own ledger.
 */
export function hunterErrorToAppFailure(error: HunterError): AppFailure {
  switch (error.kind) {
    case 'quota':
      return new AppFailure(
        'quota_exceeded',
        "Hunter says this month's searches or verifications are used up. Emails were guessed from patterns instead.",
      );
    case 'auth':
      return new AppFailure('not_allowed', 'Hunter refused the API key. Check the Hunter key in Settings.');
    case 'rate_limited':
    case 'unavailable':
      return new AppFailure(
        'unavailable',
        `Hunter is not answering right now (${error.message}). Try again later.`,
      );
    default:
      return new AppFailure('internal', `Hunter call failed: ${error.message}`);
  }
}
