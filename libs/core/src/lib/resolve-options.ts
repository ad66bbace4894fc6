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

type Check = [test: (v: never) => unknown, hint: string, fallback?: unknown];

const num = (min: number) => (v: number) => typeof v === 'number' && v >= min && v < Infinity;
const fn = (v: unknown) => typeof v === 'function';

// One row per option: its test, what a valid value looks like (for the error), its default.
const CHECKS: Record<keyof TiledeskOptions, Check> = {
  projectId: [(v: string) => /^[\da-f]{24}$/i.test(v), '24 hex characters'],
  // The launcher finds its base URL by stripping "/launch.js" from its own src: a query breaks it.
  widgetUrl: [(v: string) => /^(https?:\/\/|\/)[^?#\s]*\/launch\.js$/.test(v), 'a URL ending in /launch.js, no query', CLOUD_WIDGET_URL],
  settings: [(v: object) => v && typeof v === 'object' && !Array.isArray(v), 'an object', {}],
  getToken: [(v: unknown) => v === undefined || fn(v), 'a function'],
  refreshMarginSeconds: [num(0), 'a number >= 0', 60],
  bootImmediately: [(v: unknown) => typeof v === 'boolean', 'a boolean', true],
  loadTimeoutMs: [num(1), 'a number >= 1', 15000],
  showWhen: [(v: string) => ['signed-in', 'always', 'never'].includes(v), '"signed-in", "always" or "never"', 'signed-in'],
  logger: [(v: TiledeskLogger) => v && fn(v.warn) && fn(v.error), 'an object with warn() and error()', { warn: noop, error: noop }],
};

// What the error says it got. Functions and loggers by type only: a token passed as `getToken` by
// mistake must not reach a log. Long strings are cut for the same reason.
const shown = (name: string, value: unknown): string =>
  name === 'getToken' || name === 'logger' || typeof value === 'function'
    ? (/^[aeiou]/.test(typeof value) ? 'an ' : 'a ') + typeof value
    : typeof value === 'string'
      ? JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
      : value && typeof value === 'object'
        ? Array.isArray(value) ? 'an array' : 'an object'
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
  if (!options || typeof options !== 'object') throw fail('invalid-options', 'createTiledesk(): options must be an object, got ' + shown('', options));
  const o: Record<string, unknown> = {};
  for (const [k, [test, hint, fallback]] of Object.entries(CHECKS)) {
    const v = (options as unknown as Record<string, unknown>)[k] ?? fallback;
    if (!test(v as never)) throw fail('invalid-options', 'createTiledesk(): ' + k + ' must be ' + hint + ', got ' + shown(k, v));
    o[k] = v;
  }
  const settings = o['settings'] as Record<string, unknown>;
  if (settings['apiUrl'] !== undefined) (o['logger'] as TiledeskLogger).warn(IGNORED_API_URL);
  o['settings'] = { ...settings, projectid: o['projectId'], autoStart: false };
  return o as unknown as ResolvedOptions;
}
