import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClassifiedRequest } from './api-routes';
import { sendJson, sendText } from './http-helpers';
import type { ProjectRegistry } from './project-registry';
import { serveBuildFile, type WidgetBuild } from './widget-build';
import { widgetScript } from './widget-bundle';
import { widgetRemoteConfig } from './widget-config';

const LAUNCHER_PATH = /^\/(?:p\/([^/]+)\/)?(?:v\d+\/)?launch\.js$/;
const REMOTE_CONFIG_PATH = /^\/(?:p\/([^/]+)\/)?(?:v\d+\/)?widget-config\.json$/;
/** Any other file of a real build, below the same base as its launch.js. */
const BUILD_FILE_PATH = /^\/(?:p\/([^/]+)\/)?v\d+(\/.+)$/;

/**
 * What the widget URLs need from the emulator around them.
 *
 * @example
 * ```ts
 * const context: WidgetRoutesContext = { registry, build: undefined, defaultBootDelayMs: 5000, storagePrefix: 'widget_sv6', baseUrl: () => emulator.url };
 * ```
 */
export interface WidgetRoutesContext {
  readonly registry: ProjectRegistry;
  /** A real build to serve; undefined serves the emulated widget. */
  readonly build: WidgetBuild | undefined;
  readonly defaultBootDelayMs: number;
  /** The emulated widget's storage prefix. */
  readonly storagePrefix: string;
  /** The emulator's own URL, known once it listens. */
  readonly baseUrl: () => string;
}

/** The project segment of a widget URL; undefined when absent, null when malformed. */
function projectSegment(segment: string | undefined): string | undefined | null {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A project-scoped widget URL whose project is unknown (or malformed) is a 404. */
function withKnownProject(
  ctx: WidgetRoutesContext,
  req: IncomingMessage,
  res: ServerResponse,
  segment: string | undefined,
  answer: (projectId: string | undefined) => Promise<void>,
): Pick<ClassifiedRequest, 'projectId' | 'handle'> {
  const projectId = projectSegment(segment);
  return {
    projectId: projectId ?? undefined,
    async handle() {
      if (projectId === null || (projectId !== undefined && !ctx.registry.find(projectId))) {
        return sendText(req, res, 404, `no project ${JSON.stringify(projectId ?? segment)} in this emulator`);
      }
      return answer(projectId);
    },
  };
}

/**
 * Recognises a widget URL: `launch.js` (the emulated widget, or the real build's), the remote
 * config `widget-config.json` (always the emulator's own, pointing at itself) and, with a real
 * build, every other file of it below the same base. Returns undefined for anything else.
 *
 * @example
 * ```ts
 * const classified = classifyWidgetRequest(context, req, res, '/p/p1/v6/launch.js');
 * ```
 */
export function classifyWidgetRequest(
  ctx: WidgetRoutesContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): ClassifiedRequest | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const { build } = ctx;
  const launcher = LAUNCHER_PATH.exec(path);
  if (launcher) {
    return {
      route: 'widget',
      ...withKnownProject(ctx, req, res, launcher[1], async (projectId) => {
        if (build) return serveBuildFile(build, req, res, '/launch.js');
        const project = ctx.registry.find(projectId);
        const script = await widgetScript({
          bootDelayMs: project?.bootDelayMs ?? ctx.defaultBootDelayMs,
          storagePrefix: ctx.storagePrefix,
          projectId: project?.id ?? null,
        });
        sendText(req, res, 200, script, 'application/javascript; charset=utf-8');
      }),
    };
  }
  const config = REMOTE_CONFIG_PATH.exec(path);
  if (config) {
    // Never the build's own file: it names the ports of whoever built it.
    return {
      route: 'other',
      ...withKnownProject(ctx, req, res, config[1], async () => sendJson(req, res, 200, widgetRemoteConfig(ctx.baseUrl()))),
    };
  }
  const file = build ? BUILD_FILE_PATH.exec(path) : null;
  if (build && file) {
    return { route: 'other', ...withKnownProject(ctx, req, res, file[1], () => serveBuildFile(build, req, res, file[2])) };
  }
  return undefined;
}
