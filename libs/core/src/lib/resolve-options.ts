import { fail } from './fail';
import type { TiledeskLogger, TiledeskOptions, TiledeskShowWhen } from './options';

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
  readonly getToken?: () => Promise<string>;
  readonly refreshMarginSeconds: number;
  readonly bootImmediately: boolean;
  readonly loadTimeoutMs: number;
  readonly showWhen: TiledeskShowWhen;
  readonly logger: TiledeskLogger;
}

const isFn = (f: unknown) => typeof f == 'function';
const isNum = (n: unknown, min: number) => typeof n == 'number' && n >= min && n < Infinity;

/**
 * Validates the options of `createTiledesk()` (pure: safe on a server) and fills in the defaults.
 * `tiledeskSettings` gets `projectid`, `autoStart: false` (we manage auth) and, unless given,
 * `startHidden` so the launcher does not flash before the visibility policy applies.
 *
 * @throws TiledeskAuthError `invalid-options`, naming the option.
 * @example
 * ```ts
 * resolveOptions({ projectId: 'nope' }); // throws: projectId must be 24 hexadecimal characters
 * ```
 */
export function resolveOptions(options: TiledeskOptions): ResolvedOptions {
  const bad = (what: string) => fail('invalid-options', 'createTiledesk(): ' + what + '.');
  if (!options || typeof options != 'object') throw bad('options must be an object');
  const {
    projectId,
    widgetUrl = CLOUD_WIDGET_URL,
    settings = {},
    getToken,
    refreshMarginSeconds = 60,
    bootImmediately = true,
    loadTimeoutMs = 15000,
    showWhen = 'signed-in',
    logger = { warn: noLog, error: noLog },
  } = options;
  if (typeof projectId != 'string' || !/^[\da-f]{24}$/i.test(projectId)) throw bad('projectId must be 24 hexadecimal characters');
  // The launcher finds its base URL by stripping "/launch.js" from its own src: a query breaks it.
  if (typeof widgetUrl != 'string' || !/^(https?:\/\/|\/)[^?#\s]*\/launch\.js$/.test(widgetUrl))
    throw bad('widgetUrl must be an http(s) or root-relative URL ending in /launch.js, without query');
  if (!settings || typeof settings != 'object' || Array.isArray(settings)) throw bad('settings must be an object');
  if (getToken !== undefined && !isFn(getToken)) throw bad('getToken must be a function returning a Promise of the token');
  if (!isNum(refreshMarginSeconds, 0)) throw bad('refreshMarginSeconds must be a number >= 0');
  if (typeof bootImmediately != 'boolean') throw bad('bootImmediately must be a boolean');
  if (!isNum(loadTimeoutMs, 1)) throw bad('loadTimeoutMs must be a number >= 1');
  if (!['signed-in', 'always', 'never'].includes(showWhen)) throw bad('showWhen must be "signed-in", "always" or "never"');
  if (!logger || !isFn(logger.warn) || !isFn(logger.error)) throw bad('logger must have warn() and error()');
  return {
    projectId,
    widgetUrl,
    settings: { startHidden: showWhen != 'always', ...settings, projectid: projectId, autoStart: false },
    getToken,
    refreshMarginSeconds,
    bootImmediately,
    loadTimeoutMs,
    showWhen,
    logger,
  };
}

function noLog(): void {
  // Silent by default: a library should not write to the console unasked.
}
