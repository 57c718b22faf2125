import { z } from 'zod';
import {
  calls,
  CALL_NAMES,
  isCallName,
  type CallName,
  type CallOutput,
  type MainCallName,
  type ParsedInput,
} from '@shared/contract';
import { fail, ok, toAppError, type Result } from '@shared/contract/result';
import { USER_FILE_CALLS } from '@shared/contract/imports';
import { SAVE_FILE_CALLS } from '@shared/contract/exports';
import type { AllSettings } from '@shared/domain/settings';
import type { CoreCaller } from './coreClient';

export type MainHandlers = {
  [N in MainCallName]: (input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
};

export type HandlerTable = { [N in CallName]: (input: unknown) => Promise<Result<CallOutput<N>>> };

export interface HandlerTableDeps {
  core: CoreCaller;
  main: MainHandlers;
  /**
   * Whether the seller gave the app this file (chose it in the dialog or dropped it on the
   * window). Calls that read a file from disk are refused for any other path, so a page that went
   * wrong cannot read files it was never given.
   */
  isGrantedPath?(path: string): boolean;
  /** Told about failures (without their input, which may hold a secret). */
  onError?(name: CallName, message: string): void;
}

type SettingsUpdate = { section: string; value: unknown };

/**
 * The LinkedIn browser is a program the core starts: the page may keep the one stored, clear it
 * (find one automatically) or set one the seller chose in the open dialog (system.pickBrowser) —
 * never name a program of its own, as it could name any program on the computer.
 */
async function browserPathRefusal(
  deps: HandlerTableDeps,
  update: SettingsUpdate,
): Promise<Result<never> | null> {
  if (update.section !== 'linkedin') return null;
  const wanted = (update.value as { browserPath?: unknown } | null)?.browserPath;
  if (typeof wanted !== 'string' || wanted.trim() === '' || deps.isGrantedPath!(wanted.trim())) return null;
  const stored = await deps.core.call('settings.all', undefined);
  const linkedin = stored.ok ? (stored.value as Partial<AllSettings> | null)?.linkedin : undefined;
  if (linkedin?.browserPath === wanted.trim()) return null;
  return fail('not_allowed', 'Choose the browser with Settings → LinkedIn → Choose…, first.');
}

/**
 * The one table every host binds: Electron's ipcMain and the browser test harness. Each entry
 * checks its input against the contract first — the renderer is untrusted, so a bad input is
 * answered with `invalid_input` here and never reaches the core — then relays to the core worker
 * or answers from the host.
 */
export function createHandlerTable(deps: HandlerTableDeps): HandlerTable {
  const table: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const name of CALL_NAMES) {
    const spec = calls[name];
    table[name] = async (input: unknown) => {
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        return fail('invalid_input', `${name}: ${z.prettifyError(parsed.error)}`, parsed.error.issues);
      }
      let result: Result<unknown>;
      const readField = (USER_FILE_CALLS as Record<string, string | undefined>)[name];
      const saveField = (SAVE_FILE_CALLS as Record<string, string | undefined>)[name];
      const fileField = readField ?? saveField;
      if (fileField && deps.isGrantedPath) {
        const file = (parsed.data as Record<string, unknown>)[fileField];
        if (typeof file !== 'string' || !deps.isGrantedPath(file)) {
          return fail(
            'not_allowed',
            readField
              ? 'Choose the file with Import → Choose files, or drop it on the window, first.'
              : 'Choose where to save the file with Export → Choose where to save, first.',
          );
        }
      }
      if (name === 'settings.update' && deps.isGrantedPath) {
        const refusal = await browserPathRefusal(deps, parsed.data as SettingsUpdate);
        if (refusal) return refusal;
      }
      if (spec.host === 'core') {
        result = await deps.core.call(name, parsed.data);
      } else {
        try {
          const handler = deps.main[name as MainCallName] as (input: unknown) => unknown;
          result = ok(await handler(parsed.data));
        } catch (error) {
          result = { ok: false, error: toAppError(error) };
        }
      }
      if (!result.ok && result.error.code === 'internal') deps.onError?.(name, result.error.message);
      return result;
    };
  }
  return table as HandlerTable;
}

/** For hosts that receive a name from outside (an IPC channel): refuses names not in the contract. */
export function invokeByName(table: HandlerTable, name: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isCallName(name))
    return Promise.resolve(fail('unknown_call', `There is no call named "${String(name)}".`));
  return table[name](input);
}
