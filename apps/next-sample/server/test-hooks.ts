import { MAX_EXPIRES_IN_SECONDS, TiledeskTokenError } from '@tiledesk-auth/server';
import { jsonNoStore, readJsonObject } from './json-response';
import { sampleRuntime } from './sample-runtime';

/**
 * `POST /__test/<hook>`, for the e2e tests, in emulator mode only (404 with a real Tiledesk
 * project, as if the route did not exist): `token-expires-in {seconds}`,
 * `token-fault {status?, hang?, times}`, `secret {secret}`. Bad bodies get 400 with a reason.
 *
 * @example
 * ```ts
 * export const POST = (request: Request, { params }: { params: Promise<{ hook: string }> }) =>
 *   params.then(({ hook }) => handleTestHook(hook, request));
 * ```
 */
export async function handleTestHook(hook: string, request: Request): Promise<Response> {
  const { testHooks, tokenEndpoint } = await sampleRuntime();
  if (!testHooks) return jsonNoStore({ error: 'not-found' }, 404);
  const body = await readJsonObject(request);
  if (body === undefined) return badRequest('Send a JSON object (Content-Type: application/json).');

  if (hook === 'token-expires-in') {
    const seconds = body['seconds'];
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > MAX_EXPIRES_IN_SECONDS) {
      return badRequest(`Send {"seconds": a whole number from 1 to ${MAX_EXPIRES_IN_SECONDS}}.`);
    }
    tokenEndpoint.update({ expiresIn: seconds });
    return jsonNoStore({ ok: true, expiresIn: seconds });
  }
  if (hook === 'token-fault') {
    const { status = 500, hang = false, times } = body;
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 0 || times > 1000) {
      return badRequest('Send {"times": a whole number from 0 to 1000, "status"?: 400-599, "hang"?: boolean}.');
    }
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      return badRequest('"status" must be an HTTP error status from 400 to 599.');
    }
    if (typeof hang !== 'boolean') return badRequest('"hang" must be true or false.');
    tokenEndpoint.injectFault({ status, hang, remaining: times });
    return jsonNoStore({ ok: true });
  }
  if (hook === 'secret') {
    const secret = body['secret'];
    try {
      tokenEndpoint.update({ secret: typeof secret === 'string' ? secret : '' });
    } catch (error) {
      if (error instanceof TiledeskTokenError) return badRequest(`"secret" ${error.message.replace(/^\S+ /, '')}`);
      throw error;
    }
    return jsonNoStore({ ok: true });
  }
  return jsonNoStore({ error: 'not-found', message: 'Test hooks: token-expires-in, token-fault, secret (POST).' }, 404);
}

function badRequest(message: string): Response {
  return jsonNoStore({ error: 'bad-request', message }, 400);
}
