import path from 'node:path';

/**
 * The program to run for what the open dialog gave: on macOS a browser is picked as its .app
 * bundle, whose program is Contents/MacOS/<name> ("Google Chrome.app" → ".../MacOS/Google Chrome").
 */
export function programInApp(chosen: string): string {
  if (!chosen.endsWith('.app')) return chosen;
  return path.join(chosen, 'Contents', 'MacOS', path.basename(chosen, '.app'));
}
