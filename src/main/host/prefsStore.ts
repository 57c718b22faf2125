import fs from 'node:fs';
import type { Options } from 'conf';
import { z } from 'zod';
import {
  defaultPrefs,
  prefsSchema,
  type Prefs,
  type PrefsPatch,
  type PrefsState,
} from '@shared/domain/prefs';

/** The slice of conf / electron-store this module uses; both classes provide it. */
export interface ConfLike {
  readonly path: string;
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
}

export type StoreOptions = Options<Prefs>;

export type StoreFactory = (options: StoreOptions) => ConfLike;

/** The JSON Schema electron-store validates the file against, derived from the zod schema. */
export function prefsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(prefsSchema, { io: 'input' }) as { properties: Record<string, unknown> };
  return schema.properties;
}

/**
 * The seller's preferences, in electron-store's JSON file. A file that cannot be read or that
 * breaks the schema (hand-edited, half-written by a crash) is set aside as `…corrupt-<time>.json`
 * and replaced by the defaults, with a notice for the Settings page — never a crash at start.
 */
export class PrefsStore {
  private notice: string | null = null;
  private readonly store: ConfLike;

  constructor(factory: StoreFactory, cwd: string, configName = 'preferences') {
    const options: StoreOptions = {
      cwd,
      configName,
      // conf's Schema type is ajv's; zod's JSON Schema output is that shape, typed loosely.
      schema: prefsJsonSchema() as StoreOptions['schema'],
      defaults: defaultPrefs,
      clearInvalidConfig: false,
    };
    try {
      this.store = factory(options);
      prefsSchema.parse(this.store.store);
    } catch (error) {
      const file = `${cwd}/${configName}.json`;
      const kept = `${cwd}/${configName}.corrupt-${Date.now()}.json`;
      if (fs.existsSync(file)) fs.renameSync(file, kept);
      this.notice =
        `Your preferences file could not be read (${shortReason(error)}), so the defaults were restored. ` +
        `The old file was kept as ${kept}.`;
      this.store = factory(options);
    }
  }

  get path(): string {
    return this.store.path;
  }

  state(): PrefsState {
    return { prefs: prefsSchema.parse(this.store.store), notice: this.notice };
  }

  update(patch: PrefsPatch): Prefs {
    const next = prefsSchema.parse({ ...this.store.store, ...patch });
    this.store.set(next);
    return next;
  }

  dismissNotice(): PrefsState {
    this.notice = null;
    return this.state();
  }
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 160 ? `${message.slice(0, 157)}…` : message;
}
