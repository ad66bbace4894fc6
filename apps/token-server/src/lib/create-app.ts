import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { apiRoutes } from './api-routes';
import { demoSessions } from './demo-session';
import { answerError, jsonErrors } from './json-errors';
import { landingPage } from './landing-page';
import { sampleHosting } from './sample-hosting';
import { samplePagePolicy, securityHeaders, type WidgetSources } from './security-headers';
import { testHooks } from './test-hooks';
import { nodeMiddleware, TOKEN_PATH, tokenRequestsFirst } from './token-fast-path';
import type { TokenSettings } from './token-route';
import type { TokenServerLogger, TokenServerPublicConfig } from './token-server-options';

/**
 * Builds the server's request listener: helmet's headers on every answer, one session
 * middleware for every `/api` route (the token endpoint included), the JSON API, test hooks in
 * emulator mode only, the landing page and the built samples under a CSP that allows the
 * widget's origins. `POST /api/tiledesk-token` skips Express's router (see
 * {@link tokenRequestsFirst}) but not its headers, session check or route.
 *
 * @example
 * ```ts
 * const server = createServer(createTokenServerListener({ config, tokenSettings, sessionSecret, samplesDir, widgetSources, logger }));
 * ```
 */
export function createTokenServerListener(options: {
  config: TokenServerPublicConfig;
  tokenSettings: TokenSettings;
  sessionSecret: string;
  samplesDir: string;
  widgetSources: WidgetSources;
  logger: TokenServerLogger;
}): RequestListener {
  const { config, tokenSettings, sessionSecret, samplesDir, widgetSources, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // A TLS-terminating proxy on the same machine tells us the visitor's scheme (for the Secure cookie).
  app.set('trust proxy', 'loopback');

  const sessions = demoSessions(sessionSecret);
  const headers = securityHeaders();
  app.use(headers);
  app.all(TOKEN_PATH, sessions, tokenSettings.route);
  app.use('/api', sessions);
  app.use('/api', apiRoutes(config));
  app.use('/api', (_req, res) => {
    res.status(404).set('Cache-Control', 'no-store').json({ error: 'not-found', message: 'No such API route.' });
  });
  if (config.mode === 'emulator') app.use('/__test', testHooks(tokenSettings));

  app.get('/', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(landingPage(config));
  });
  const pagePolicy = samplePagePolicy(widgetSources);
  const pageData = { config, sessions };
  app.use(
    '/react',
    sampleHosting({ mountPath: '/react', dir: join(samplesDir, 'react-sample'), project: 'react-sample', pagePolicy, ...pageData }),
  );
  app.use(
    '/angular',
    sampleHosting({ mountPath: '/angular', dir: join(samplesDir, 'angular-sample'), project: 'angular-sample', pagePolicy, ...pageData }),
  );

  app.use(jsonErrors(logger));
  return tokenRequestsFirst({
    app,
    middleware: [nodeMiddleware(headers), nodeMiddleware(sessions)],
    route: tokenSettings.route,
    onError: (error, res) => answerError(error, res, logger),
  });
}
