import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import type { ChatHub } from './chat-hub';
import { readJsonObject, sendJson, sendText, statusText } from './http-helpers';
import type { ProjectRegistry } from './project-registry';
import type { EmulatorRoute } from './types';
import { checkCustomToken, projectFromAudience, type SecretLookup } from './verify-custom-token';
import { classifyWidgetDataRequest } from './widget-data-routes';

/**
 * What the API handlers share with the server around them.
 *
 * @example
 * ```ts
 * const context: ApiContext = { registry, hub, secrets };
 * ```
 */
export interface ApiContext {
  readonly registry: ProjectRegistry;
  readonly hub: ChatHub;
  readonly secrets: SecretLookup;
}

/**
 * A recognised request: its route and project (for faults, latency and the log) and its handler.
 *
 * @example
 * ```ts
 * const { route, projectId } = classifyApiRequest(context, req, res, apiPath) ?? notFound();
 * ```
 */
export interface ClassifiedRequest {
  route: EmulatorRoute | 'other';
  projectId: string | undefined;
  /** Long-polls skip latency and faults: they are the chat transport, not an API call. */
  transport?: boolean;
  handle(): Promise<void>;
}

const PRIVILEGED_ROLES = new Set(['owner', 'admin', 'agent']);

function projectOfHeader(header: string | undefined): string | undefined {
  const token = /^\S+\s+(\S+)$/.exec(header ?? '')?.[1];
  if (!token) return undefined;
  try {
    const payload = decodeJwt(token);
    const fromAud = projectFromAudience(payload);
    if (fromAud !== undefined && fromAud !== 'not-a-url') return fromAud;
    return typeof payload['id_project'] === 'string' ? payload['id_project'] : undefined;
  } catch {
    return undefined;
  }
}

function hasQueryParameter(req: IncomingMessage, name: string): boolean {
  return new URL(req.url ?? '/', 'http://emulator.invalid').searchParams.has(name);
}

function unauthorized(req: IncomingMessage, res: ServerResponse, status = 401): void {
  sendText(req, res, status, statusText(status));
}

/**
 * Whether later calls accept this token: they dispatch on `sub`, and only `userexternal` (custom
 * tokens) or the emulator's own `guest` tokens (anonymous sign-in, signed with the global secret)
 * are visitors.
 */
function isVisitor(payload: JWTPayload, projectFromAud: string | undefined): boolean {
  return payload.sub === 'userexternal' || (payload.sub === 'guest' && projectFromAud === undefined);
}

/**
 * Recognises a request under `/api/` and returns how to answer it, or undefined for 404.
 *
 * @example
 * ```ts
 * const classified = classifyApiRequest(context, req, res, 'auth/signinWithCustomToken');
 * ```
 */
export function classifyApiRequest(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  apiPath: string,
): ClassifiedRequest | undefined {
  const auth = req.headers.authorization;
  const post = req.method === 'POST';

  if (post && apiPath === 'auth/signinWithCustomToken') {
    return {
      route: 'signinWithCustomToken',
      projectId: projectOfHeader(auth),
      async handle() {
        // The server also reads the token from `?secret_token=`, but the route still demands an
        // Authorization header: the query parameter alone is refused, in JSON, with 403.
        if (auth === undefined && hasQueryParameter(req, 'secret_token')) {
          return sendJson(req, res, 403, { success: false, msg: 'Unauthorized.' });
        }
        const check = await checkCustomToken(auth, ctx.secrets);
        if (!check.ok) return unauthorized(req, res, check.status);
        if (PRIVILEGED_ROLES.has(String(check.payload['role']))) return unauthorized(req, res);
        sendJson(req, res, 200, { success: true, token: `${check.scheme} ${check.token}`, user: check.payload });
      },
    };
  }

  if (post && apiPath === 'auth/signinAnonymously') {
    let projectId: string | undefined;
    return {
      route: 'other',
      get projectId() {
        return projectId;
      },
      async handle() {
        const body = await readJsonObject(req).catch(() => ({}) as Record<string, unknown>);
        projectId = typeof body['id_project'] === 'string' ? body['id_project'] : undefined;
        if (!ctx.registry.find(projectId)) return sendText(req, res, 400, 'id_project is required and must name an existing project');
        const payload = { _id: `guest_${randomBytes(8).toString('hex')}`, sub: 'guest', id_project: projectId, firstname: 'Guest' };
        const jwt = await new SignJWT(payload)
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setIssuedAt()
          .sign(new TextEncoder().encode(ctx.secrets.globalSecret));
        sendJson(req, res, 200, { success: true, token: `JWT ${jwt}`, user: payload });
      },
    };
  }

  if (post && apiPath === 'chat21/native/auth/createCustomToken') {
    return {
      route: 'createCustomToken',
      projectId: projectOfHeader(auth),
      async handle() {
        const check = await checkCustomToken(auth, ctx.secrets);
        if (!check.ok) return unauthorized(req, res, check.status === 403 ? 403 : 401);
        if (!isVisitor(check.payload, check.projectId)) return unauthorized(req, res);
        const projectId = check.projectId ?? (check.payload['id_project'] as string | undefined);
        const userId = String(check.payload['_id']);
        const firstname = typeof check.payload['firstname'] === 'string' ? check.payload['firstname'] : '';
        const lastname = typeof check.payload['lastname'] === 'string' ? check.payload['lastname'] : '';
        // `token` is the chat password: the real widget logs into the MQTT broker with it.
        sendJson(req, res, 200, {
          userid: userId,
          fullname: `${firstname} ${lastname}`.trim(),
          firstname,
          lastname,
          token: ctx.hub.issueToken(projectId, userId),
        });
      },
    };
  }

  const events = /^([^/]+)\/events$/.exec(apiPath);
  if (post && events) {
    const projectId = decodeURIComponent(events[1]);
    return {
      route: 'events',
      projectId,
      async handle() {
        if (!ctx.registry.find(projectId)) return sendText(req, res, 404, statusText(404));
        const check = await checkCustomToken(auth, ctx.secrets);
        if (!check.ok) return unauthorized(req, res, check.status === 403 ? 403 : 401);
        const tokenProject = check.projectId ?? check.payload['id_project'];
        if (!isVisitor(check.payload, check.projectId) || tokenProject !== projectId) return unauthorized(req, res);
        const body = await readJsonObject(req).catch(() => ({}) as Record<string, unknown>);
        sendJson(req, res, 200, { success: true, name: typeof body['name'] === 'string' ? body['name'] : 'event' });
      },
    };
  }

  if (post && apiPath === 'chat21/connect') {
    return {
      route: 'other',
      projectId: ctx.hub.projectOfToken(auth),
      async handle() {
        const connection = ctx.hub.connect(auth);
        if (!connection) return unauthorized(req, res);
        sendJson(req, res, 200, connection);
      },
    };
  }

  const poll = /^chat21\/poll\/([0-9a-f]+)$/.exec(apiPath);
  if (post && poll) {
    const connectionId = poll[1];
    return {
      route: 'other',
      projectId: ctx.hub.projectOfConnection(connectionId),
      transport: true,
      async handle() {
        const answer = () => {
          if (!res.headersSent) sendJson(req, res, 200, { event: 'dropped' });
        };
        const unpark = ctx.hub.park(connectionId, answer);
        if (!unpark) return answer();
        res.once('close', () => {
          unpark();
          // Closed before any answer: the client went away (page left, tab closed). Its widget
          // would open a new connection if it came back, so this one is forgotten, not kept forever.
          if (!res.headersSent) ctx.hub.disconnect(connectionId);
        });
      },
    };
  }

  const disconnect = /^chat21\/disconnect\/([0-9a-f]+)$/.exec(apiPath);
  if (post && disconnect) {
    return {
      route: 'other',
      projectId: ctx.hub.projectOfConnection(disconnect[1]),
      async handle() {
        ctx.hub.disconnect(disconnect[1]);
        sendJson(req, res, 200, { success: true });
      },
    };
  }
  return classifyWidgetDataRequest(ctx, req, res, apiPath);
}
