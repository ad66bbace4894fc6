import { MAX_EXPIRES_IN_SECONDS, TiledeskTokenError } from '@tiledesk-auth/server';
import express, { type Router } from 'express';
import type { TokenSettings } from './token-route';

/**
 * `/__test/*`, mounted only in emulator mode, for the e2e tests (docs/contracts.md):
 * `POST token-expires-in {seconds}`, `POST token-fault {status?, hang?, times}`,
 * `POST secret {secret}`. Bad bodies get 400 with a JSON reason.
 *
 * @example
 * ```ts
 * if (mode === 'emulator') app.use('/__test', testHooks(tokenSettings));
 * ```
 */
export function testHooks(settings: TokenSettings): Router {
  const router = express.Router();
  router.use(express.json({ limit: '4kb' }));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.post('/token-expires-in', (req, res) => {
    const seconds: unknown = bodyOf(req.body).seconds;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > MAX_EXPIRES_IN_SECONDS) {
      badRequest(res, `Send {"seconds": a whole number from 1 to ${MAX_EXPIRES_IN_SECONDS}}.`);
      return;
    }
    settings.update({ expiresIn: seconds });
    res.json({ ok: true, expiresIn: seconds });
  });

  router.post('/token-fault', (req, res) => {
    const { status = 500, hang = false, times } = bodyOf(req.body);
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 0 || times > 1000) {
      badRequest(res, 'Send {"times": a whole number from 0 to 1000, "status"?: 400-599, "hang"?: boolean}.');
      return;
    }
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      badRequest(res, '"status" must be an HTTP error status from 400 to 599.');
      return;
    }
    if (typeof hang !== 'boolean') {
      badRequest(res, '"hang" must be true or false.');
      return;
    }
    settings.injectFault({ status, hang, remaining: times });
    res.json({ ok: true });
  });

  router.post('/secret', (req, res) => {
    const secret: unknown = bodyOf(req.body).secret;
    try {
      settings.update({ secret: typeof secret === 'string' ? secret : '' });
    } catch (error) {
      if (error instanceof TiledeskTokenError) {
        badRequest(res, `"secret" ${error.message.replace(/^\S+ /, '')}`);
        return;
      }
      throw error;
    }
    res.json({ ok: true });
  });

  router.use((_req, res) => {
    res.status(404).json({ error: 'not-found', message: 'Test hooks: token-expires-in, token-fault, secret (POST).' });
  });
  return router;
}

function bodyOf(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

function badRequest(res: express.Response, message: string): void {
  res.status(400).json({ error: 'bad-request', message });
}
