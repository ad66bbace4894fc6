import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * What the served `launch.js` is told by the emulator (see `src/widget/emulator-config.ts`).
 *
 * @example
 * ```ts
 * const config: WidgetServeConfig = { bootDelayMs: 0, storagePrefix: 'widget_sv6', projectId: null };
 * ```
 */
export interface WidgetServeConfig {
  bootDelayMs: number;
  storagePrefix: string;
  /** Set for project-scoped URLs; informative only, the widget still reads `tiledeskSettings.projectid`. */
  projectId: string | null;
}

let bundled: Promise<string> | undefined;

/** Where `launch.ts` is: beside this file's folder, or (when bundled into ESM) from the workspace root. */
function widgetEntry(): string {
  const candidates = [
    ...(typeof __dirname === 'string' ? [join(__dirname, '..', 'widget', 'launch.ts')] : []),
    resolve(process.cwd(), 'libs', 'testing', 'src', 'widget', 'launch.ts'),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Tiledesk emulator: cannot find the widget source; looked at ${candidates.join(', ')}`);
  return found;
}

/**
 * The widget emulator (`src/widget/launch.ts`) as an IIFE, once per process: the published package
 * ships it prebuilt (`widget/launch.js`, written by `nx build testing`); in this workspace it is
 * bundled from source with esbuild. Later calls reuse the first result.
 *
 * @example
 * ```ts
 * const code = await bundleWidget();
 * ```
 */
export function bundleWidget(): Promise<string> {
  const prebuilt = typeof __dirname === 'string' ? join(__dirname, '..', 'widget', 'launch.js') : undefined;
  bundled ??=
    prebuilt && existsSync(prebuilt)
      ? readFile(prebuilt, 'utf8')
      : import('esbuild')
          .then(({ build }) =>
            build({
              entryPoints: [widgetEntry()],
              bundle: true,
              format: 'iife',
              platform: 'browser',
              target: 'es2020',
              write: false,
              legalComments: 'none',
              logLevel: 'silent',
            }),
          )
          .then((result) => result.outputFiles[0].text);
  bundled.catch(() => {
    bundled = undefined;
  });
  return bundled;
}

/**
 * The emulated `launch.js` with these settings (passed as a function parameter, so nothing leaks
 * into the host page's globals). Use it to serve the emulator in place of the real widget URL,
 * e.g. from a Playwright route; then set `tiledeskSettings.apiUrl` to the emulator's `apiUrl`.
 *
 * @example
 * ```ts
 * await page.route('https://widget.tiledesk.com/v6/launch.js', async (route) =>
 *   route.fulfill({ contentType: 'application/javascript', body: await widgetScript({ bootDelayMs: 0, storagePrefix: 'widget_sv6', projectId: null }) }));
 * ```
 */
export async function widgetScript(config: WidgetServeConfig): Promise<string> {
  const code = await bundleWidget();
  return `/* Tiledesk widget emulator (@tiledesk-auth/testing) */\n(function (__tiledeskEmulatorConfig) {\n${code}\n})(${JSON.stringify(config)});\n`;
}
