import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TokenServerConfigError } from './token-server-options';

/**
 * Checks that `dir` holds a build of the real Tiledesk widget (its `launch.js` at the top) and
 * returns it as an absolute path. A wrong folder is reported at start-up, naming `setting`,
 * rather than as a widget that never boots in the browser.
 *
 * @example
 * ```ts
 * const dir = checkRealWidgetDir(process.env['TILEDESK_REAL_WIDGET_DIR'] ?? '', 'TILEDESK_REAL_WIDGET_DIR');
 * ```
 */
export function checkRealWidgetDir(dir: string, setting: string): string {
  const absolute = resolve(dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new TokenServerConfigError(
      setting,
      `${setting} must be a folder holding a build of the Tiledesk widget (no folder at ${absolute}).`,
    );
  }
  if (!existsSync(join(absolute, 'launch.js'))) {
    throw new TokenServerConfigError(
      setting,
      `${setting} must be a folder holding a build of the Tiledesk widget (no launch.js in ${absolute}).`,
    );
  }
  return absolute;
}
