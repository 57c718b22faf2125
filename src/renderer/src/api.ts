import type { Result, AppError } from '@shared/contract/result';

export const api = () => window.api;

/** Thrown by `unwrap` so a component can show `error.message` and test on `error.code`. */
export class CallError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}
