import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext, ClassifiedRequest } from './api-routes';
import { sendJson, sendText, statusText } from './http-helpers';

/** `decodeURIComponent` that answers undefined for a malformed escape instead of throwing. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The caller's address as the real server reports it in `/widgets`: the `X-Forwarded-For` header
 * as sent, else the socket's remote address. The widget keeps its first entry as the visitor's
 * `ipAddress` attribute (and logs a TypeError when the field is missing).
 */
function callerAddress(req: IncomingMessage): string | undefined {
  const forwarded = req.headers['x-forwarded-for'];
  return (Array.isArray(forwarded) ? forwarded.join(', ') : forwarded) ?? req.socket.remoteAddress;
}

/**
 * What `GET <pid>/widgets` answers for a project nobody configured: online, open, no operating
 * hours, one default department, one available agent, and the caller's address. The real widget
 * reads these at boot to decide whether to show itself.
 */
function projectWidgetInfo(projectId: string, ip: string | undefined): Record<string, unknown> {
  return {
    project: {
      id: projectId,
      _id: projectId,
      name: `Emulated project ${projectId}`,
      status: 100,
      activeOperatingHours: false,
      widget: {},
      settings: {},
      profile: { name: 'free', type: 'free' },
      isActiveSubscription: true,
      trialExpired: false,
      versions: 20,
    },
    departments: [
      {
        _id: `${projectId}-default-department`,
        id: `${projectId}-default-department`,
        name: 'Default Department',
        default: true,
        status: 1,
      },
    ],
    user_available: [{ id: `${projectId}-agent`, firstname: 'Agent' }],
    waiting: [],
    ip,
  };
}

/**
 * The read-only API calls the real widget makes around a sign-in, answered the way a fresh
 * Tiledesk project answers them: the project's widget settings, the label overrides, the
 * visitor's (empty) conversation lists, the waiting time, avatars. Returns undefined for anything
 * else (the caller answers 404).
 *
 * @example
 * ```ts
 * const classified = classifyWidgetDataRequest(context, req, res, 'p1/widgets');
 * ```
 */
export function classifyWidgetDataRequest(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  apiPath: string,
): ClassifiedRequest | undefined {
  if (req.method !== 'GET') return undefined;
  const [pathOnly] = apiPath.split('?');

  const projectScoped = /^([^/]+)\/(widgets|labels\/([A-Za-z-]{2,10})|publicanalytics\/waiting\/current)$/.exec(pathOnly);
  if (projectScoped) {
    const projectId = decodeSegment(projectScoped[1]);
    const [, , what, lang] = projectScoped;
    return {
      route: 'other',
      projectId,
      async handle() {
        if (projectId === undefined || !ctx.registry.find(projectId)) return sendText(req, res, 404, statusText(404));
        if (what === 'widgets') return sendJson(req, res, 200, projectWidgetInfo(projectId, callerAddress(req)));
        // The real server answers a language it has defaults for with those labels; `data` empty
        // means "no overrides", so the widget keeps the labels it ships, as it would here.
        if (lang !== undefined) return sendJson(req, res, 200, { lang: lang.toUpperCase(), data: {} });
        return sendJson(req, res, 200, []);
      },
    };
  }

  const conversations = /^chatapi\/api\/([^/]+)\/([^/]+)\/conversations(\/archived)?$/.exec(pathOnly);
  if (conversations) {
    const credentials = ctx.hub.credentialsOf(req.headers.authorization);
    return {
      route: 'other',
      projectId: credentials?.projectId,
      async handle() {
        // The chat API takes the chat token (not the Tiledesk token), and only its own user's lists.
        if (!credentials || decodeSegment(conversations[2]) !== credentials.userId) return sendText(req, res, 401, statusText(401));
        sendJson(req, res, 200, { success: true, result: [] });
      },
    };
  }

  if (pathOnly === 'files') {
    return {
      route: 'other',
      projectId: undefined,
      // No file was ever uploaded to the emulator: every avatar is missing.
      handle: async () => sendText(req, res, 404, statusText(404)),
    };
  }
  return undefined;
}
