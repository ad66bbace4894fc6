import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Which Tiledesk widget a scenario's page loads: the emulator's stand-in (`'emulated'`), or a
 * production build of the real Tiledesk widget served by the same emulator (`'real'`).
 *
 * @example
 * ```ts
 * for (const widget of selectedWidgets()) describe(`react sample, ${widget} widget`, () => {});
 * ```
 */
export type WidgetKind = 'emulated' | 'real';

/**
 * The environment variable naming the real widget build (its `dist/`, holding `launch.js`);
 * the token server reads the same one.
 *
 * @example
 * ```ts
 * const dir = process.env[REAL_WIDGET_DIR_VARIABLE];
 * ```
 */
export const REAL_WIDGET_DIR_VARIABLE = 'TILEDESK_REAL_WIDGET_DIR';

const ALL_WIDGETS: readonly WidgetKind[] = ['emulated', 'real'];

/**
 * The real widget build to test against, as an absolute path; `undefined` when
 * `TILEDESK_REAL_WIDGET_DIR` is unset. A set variable that names no build is an error, so a typo
 * cannot silently turn the real-widget half off.
 *
 * @example
 * ```ts
 * const dir = realWidgetDir(process.env);
 * ```
 */
export function realWidgetDir(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const raw = env[REAL_WIDGET_DIR_VARIABLE]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const dir = resolve(raw);
  if (!existsSync(join(dir, 'launch.js'))) {
    throw new Error(`${REAL_WIDGET_DIR_VARIABLE}=${raw} names no widget build (no launch.js in ${dir})`);
  }
  return dir;
}

/**
 * The widgets this run covers: the emulated one always, the real one when its build is given;
 * `E2E_WIDGETS=real` (or `emulated`) narrows it while working on one.
 *
 * @example
 * ```ts
 * selectedWidgets({ TILEDESK_REAL_WIDGET_DIR: '/builds/widget/dist' }); // ['emulated', 'real']
 * ```
 */
export function selectedWidgets(env: Readonly<Record<string, string | undefined>> = process.env): readonly WidgetKind[] {
  const available = ALL_WIDGETS.filter((widget) => widget === 'emulated' || realWidgetDir(env) !== undefined);
  const list = env['E2E_WIDGETS']?.trim();
  if (list === undefined || list === '') return available;
  const wanted = list.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !ALL_WIDGETS.includes(name as WidgetKind));
  if (unknown.length > 0) throw new Error(`E2E_WIDGETS names unknown widgets: ${unknown.join(', ')} (known: ${ALL_WIDGETS.join(', ')})`);
  if (wanted.includes('real') && !available.includes('real')) {
    throw new Error(`E2E_WIDGETS asks for the real widget: set ${REAL_WIDGET_DIR_VARIABLE} to its build`);
  }
  return available.filter((widget) => wanted.includes(widget));
}
