import { devMode } from './dev-mode.js';
import { fail, noop } from './fail.js';
import type { TiledeskLogger, TiledeskOptions, TiledeskShowWhen } from './options.js';

/**
 * The cloud v6 launcher, the default `widgetUrl`.
 *
 * @example
 * ```ts
 * createTiledesk({ projectId, widgetUrl: CLOUD_WIDGET_URL });
 * ```
 */
export const CLOUD_WIDGET_URL = 'https://widget.tiledesk.com/v6/launch.js';

/**
 * {@link TiledeskOptions} after validation, with every default filled in.
 *
 * @example
 * ```ts
 * const { projectId, loadTimeoutMs } = resolveOptions(options);
 * ```
 */
export interface ResolvedOptions {
  readonly projectId: string;
  readonly widgetUrl: string;
  readonly settings: Record<string, unknown>;
  readonly getToken?: () => Promise<string | null>;
  readonly refreshMarginSeconds: number;
  readonly bootImmediately: boolean;
  readonly loadTimeoutMs: number;
  readonly showWhen: TiledeskShowWhen;
  readonly logger: TiledeskLogger;
}

type Check = [test: (v: never) => unknown, fallback?: unknown];

const numberAtLeast = (min: number) => (value: number) => typeof value === 'number' && value >= min && value < Infinity;
const isFunction = (value: unknown) => typeof value === 'function';

// One row per option: its test and its default.
const CHECKS: Record<keyof TiledeskOptions, Check> = {
  projectId: [(value: string) => /^[\da-f]{24}$/i.test(value)],
  // The launcher finds its base URL by stripping "/launch.js" from its own src: a query breaks it.
  widgetUrl: [(value: string) => /^(https?:\/\/|\/)[^?#\s]*\/launch\.js$/.test(value), CLOUD_WIDGET_URL],
  settings: [(value: object) => value && typeof value === 'object' && !Array.isArray(value), {}],
  getToken: [(value: unknown) => value === undefined || isFunction(value)],
  refreshMarginSeconds: [numberAtLeast(0), 60],
  bootImmediately: [(value: unknown) => typeof value === 'boolean', true],
  loadTimeoutMs: [numberAtLeast(1), 15000],
  showWhen: [(value: string) => ['signed-in', 'always', 'never'].includes(value), 'signed-in'],
  logger: [(value: TiledeskLogger) => value && isFunction(value.warn) && isFunction(value.error), { warn: noop, error: noop }],
};

// What a valid value of each option looks like, for the error (development only: the production
// build drops this table with the sentences).
const HINTS: Record<keyof TiledeskOptions, string> = {
  projectId: '24 hex characters',
  widgetUrl: 'a URL ending in /launch.js, no query',
  settings: 'an object',
  getToken: 'a function',
  refreshMarginSeconds: 'a number >= 0',
  bootImmediately: 'a boolean',
  loadTimeoutMs: 'a number >= 1',
  showWhen: '"signed-in", "always" or "never"',
  logger: 'an object with warn() and error()',
};

// What the error says it got. Functions and loggers by type only: a token passed as `getToken` by
// mistake must not reach a log. Long strings are cut for the same reason.
const shown = (name: string, value: unknown): string =>
  name === 'getToken' || name === 'logger' || typeof value === 'function'
    ? (/^[aeiou]/.test(typeof value) ? 'an ' : 'a ') + typeof value
    : typeof value === 'string'
      ? JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
      : value && typeof value === 'object'
        ? Array.isArray(value)
          ? 'an array'
          : 'an object'
        : String(value);

const IGNORED_API_URL =
  'tiledesk: settings.apiUrl has no effect: the widget reads its server addresses from beside its launch.js, so widgetUrl alone picks the Tiledesk deployment';

/**
 * Validates the options of `createTiledesk()` (touches no DOM: safe on a server) and fills in the
 * defaults. `tiledeskSettings` gets `projectid` and `autoStart: false` (we manage auth). Core adds no
 * `startHidden`: the widget does not hide at boot for it (core's boot-time hide does), it only makes
 * the next `show()` do nothing. Warns through the logger about a `settings.apiUrl`, which the
 * widget ignores: it takes every server address from beside its own `launch.js`.
 *
 * @throws TiledeskAuthError `invalid-options`, naming the option, what it must be and what it got.
 * @example
 * ```ts
 * resolveOptions({ projectId: 'nope' }); // throws: createTiledesk(): projectId must be 24 hex characters, got "nope"
 * ```
 */
export function resolveOptions(options: TiledeskOptions): ResolvedOptions {
  if (!options || typeof options !== 'object')
    throw fail('invalid-options', devMode && 'createTiledesk(): options must be an object, got ' + shown('', options));
  const resolved: Record<string, unknown> = {};
  for (const [name, [test, fallback]] of Object.entries(CHECKS)) {
    const value = (options as unknown as Record<string, unknown>)[name] ?? fallback;
    if (!test(value as never))
      throw fail(
        'invalid-options',
        devMode && 'createTiledesk(): ' + name + ' must be ' + HINTS[name as keyof TiledeskOptions] + ', got ' + shown(name, value),
      );
    resolved[name] = value;
  }
  const settings = resolved['settings'] as Record<string, unknown>;
  if (settings['apiUrl'] !== undefined) (resolved['logger'] as TiledeskLogger).warn(devMode ? IGNORED_API_URL : 'tiledesk: apiUrl ignored');
  resolved['settings'] = { ...settings, projectid: resolved['projectId'], autoStart: false };
  return resolved as unknown as ResolvedOptions;
}
