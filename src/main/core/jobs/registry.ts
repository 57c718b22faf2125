import { pathToFileURL } from 'node:url';
import type { JobDefinition } from './types';

// Definitions are stored with their parameter type erased: the registry only routes by kind, and
// each definition checks its own params when it runs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any, unknown>;

export class JobRegistry {
  private readonly byKind = new Map<string, AnyJobDefinition>();

  constructor(definitions: readonly AnyJobDefinition[]) {
    for (const definition of definitions) this.add(definition);
  }

  add(definition: AnyJobDefinition): void {
    if (this.byKind.has(definition.kind))
      throw new Error(`Job kind "${definition.kind}" is registered twice.`);
    this.byKind.set(definition.kind, definition);
  }

  get(kind: string): AnyJobDefinition | undefined {
    return this.byKind.get(kind);
  }

  /**
   * Adds job kinds from extra modules (each default-exports a definition). Used by the test harness
   * to register a job only tests need; the app passes none.
   */
  async load(modules: readonly string[]): Promise<void> {
    for (const file of modules) {
      const mod = (await import(pathToFileURL(file).href)) as { default: AnyJobDefinition };
      this.add(mod.default);
    }
  }
}
