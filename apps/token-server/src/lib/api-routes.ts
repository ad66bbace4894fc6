import express, { type Router } from 'express';
import { DEMO_USERS, findDemoUser } from './demo-users';
import { endSession, sessionUser, startSession } from './demo-session';
import type { TokenServerPublicConfig } from './token-server-options';

/**
 * `GET /api/config`, `GET /api/demo-users` and `GET|POST|DELETE /api/session`
 * (docs/contracts.md). Every answer is JSON and `no-store`.
 *
 * @example
 * ```ts
 * app.use('/api', apiRoutes(config));
 * ```
 */
export function apiRoutes(config: TokenServerPublicConfig): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.get('/config', (_req, res) => {
    res.json(config);
  });
  router.get('/demo-users', (_req, res) => {
    res.json(DEMO_USERS);
  });
  router.get('/session', (req, res) => {
    res.json({ user: sessionUser(req) });
  });
  router.post('/session', express.json({ limit: '4kb' }), async (req, res) => {
    const userId: unknown = (req.body as { userId?: unknown } | undefined)?.userId;
    const user = findDemoUser(userId);
    if (!user) {
      res.status(400).json({
        error: 'unknown-user',
        message: `Send JSON {"userId": one of ${DEMO_USERS.map((u) => `"${u.id}"`).join(', ')}}.`,
      });
      return;
    }
    await startSession(req, user);
    res.json({ user });
  });
  router.delete('/session', async (req, res) => {
    await endSession(req, res);
    res.json({ user: null });
  });
  return router;
}
