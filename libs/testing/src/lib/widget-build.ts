import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import send from 'send';
import { EmulatorError } from './emulator-error';
import { sendText, statusText } from './http-helpers';

/**
 * A real Tiledesk widget build (the folder with `launch.js`, `index.html`, `main.js`, chunks and
 * `assets/`) that the emulator serves in place of its emulated widget.
 *
 * @example
 * ```ts
 * const build = await openWidgetBuild('/path/to/chat21-web-widget/dist');
 * build.storagePrefix; // 'widget_sv5'
 * ```
 */
export interface WidgetBuild {
  /** Absolute path of the build folder. */
  readonly dir: string;
  /** The localStorage prefix compiled into the build (`storage_prefix` of its environment). */
  readonly storagePrefix: string;
}

/** What the public source's build configuration sets, used when the bundle does not say. */
export const REAL_WIDGET_DEFAULT_STORAGE_PREFIX = 'widget_sv5';

const STORAGE_PREFIX_IN_BUNDLE = /storage_prefix\s*:\s*["']([A-Za-z0-9_]+)["']/;

/**
 * Checks that `dir` holds a widget build and reads its storage prefix from `main.js`.
 *
 * @example
 * ```ts
 * const build = await openWidgetBuild(process.env.TILEDESK_REAL_WIDGET_DIR!);
 * ```
 */
export async function openWidgetBuild(dir: string): Promise<WidgetBuild> {
  const absolute = resolve(dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new EmulatorError('invalid-argument', `widgetBuildDir ${JSON.stringify(dir)} is not a folder`);
  }
  if (!existsSync(join(absolute, 'launch.js'))) {
    throw new EmulatorError(
      'invalid-argument',
      `widgetBuildDir ${JSON.stringify(dir)} has no launch.js: point it at the widget's build output (its dist folder)`,
    );
  }
  const main = join(absolute, 'main.js');
  const bundle = existsSync(main) ? await readFile(main, 'utf8') : '';
  const storagePrefix = STORAGE_PREFIX_IN_BUNDLE.exec(bundle)?.[1] ?? REAL_WIDGET_DEFAULT_STORAGE_PREFIX;
  return { dir: absolute, storagePrefix };
}

/**
 * Serves one file of the build: `filePath` is the URL path below the widget base, still
 * percent-encoded (`/main.js`, `/assets/i18n/en.json`). `send` does the decoding, refuses paths
 * that climb out of the folder (403), dotfiles and folders (404), and sets the content type, ETag
 * and ranges. Every answer allows any origin: the widget's page and the host page are on other origins
 * and `main.js` is a module script, which the browser loads with CORS.
 *
 * @example
 * ```ts
 * serveBuildFile(build, req, res, '/launch.js');
 * ```
 */
export function serveBuildFile(build: WidgetBuild, req: IncomingMessage, res: ServerResponse, filePath: string): Promise<void> {
  return new Promise((resolveServed) => {
    const stream = send(req, filePath, { root: build.dir, dotfiles: 'ignore', index: false, etag: true, lastModified: true });
    stream.on('headers', (response: ServerResponse) => {
      response.setHeader('Access-Control-Allow-Origin', '*');
      // The build is fixed for the emulator's lifetime; revalidate rather than cache blindly.
      response.setHeader('Cache-Control', 'no-cache');
    });
    // A folder is not a file of the build: no listing, no redirect to its trailing slash.
    stream.on('directory', () => {
      sendText(req, res, 404, statusText(404));
      resolveServed();
    });
    stream.on('error', (error: { status?: number }) => {
      const status = typeof error.status === 'number' ? error.status : 500;
      if (!res.headersSent) sendText(req, res, status, statusText(status));
      else res.destroy();
      resolveServed();
    });
    stream.on('end', () => resolveServed());
    res.once('close', () => resolveServed());
    stream.pipe(res);
  });
}
