import { join } from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { apiRoutes } from './api-routes';
import { demoSessions } from './demo-session';
import { landingPage } from './landing-page';
import { sampleHosting } from './sample-hosting';
import { samplePagePolicy, securityHeaders, type WidgetSources } from './security-headers';
import { testHooks } from './test-hooks';
import type { TokenSettings } from './token-route';
import type { TokenServerLogger, TokenServerPublicConfig } from './token-server-options';

/**
 * Builds the Express app: one session middleware for every `/api` route (the token endpoint
 * included), helmet's headers on every answer but the token endpoint's JSON, the JSON API, test
 * hooks in emulator mode only, the landing page and the built samples under a CSP that allows
 * the widget's origins.
 *
 * @example
 * ```ts
 * const app = createTokenServerApp({ config, tokenSettings, sessionSecret, samplesDir, widgetSources, logger });
 * ```
 */
export function createTokenServerApp(options: {
  config: TokenServerPublicConfig;
  tokenSettings: TokenSettings;
  sessionSecret: string;
  samplesDir: string;
  widgetSources: WidgetSources;
  logger: TokenServerLogger;
}): Express {
  const { config, tokenSettings, sessionSecret, samplesDir, widgetSources, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // A TLS-terminating proxy on the same machine tells us the visitor's scheme (for the Secure cookie).
  app.set('trust proxy', 'loopback');

  const sessions = demoSessions(sessionSecret);
  // The token endpoint comes first: it answers JSON with its own nosniff and no-store, and is the
  // route every page load hits, so it skips the document headers below (a CSP means nothing on
  // JSON). It checks the session with the same middleware as every other /api route.
  app.all('/api/tiledesk-token', sessions, tokenSettings.route);
  app.use(securityHeaders());
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

  const jsonErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const status = (error as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Body-parser errors: malformed JSON, too large, wrong charset. Their message can quote the
      // body, so only its first words go back.
      res
        .status(status)
        .set('Cache-Control', 'no-store')
        .json({ error: 'bad-request', message: (error as Error).message.slice(0, 200) });
      return;
    }
    logger.error(`token-server: unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : typeof error}`);
    if (!res.headersSent)
      res.status(500).set('Cache-Control', 'no-store').json({ error: 'internal-error', message: 'Unexpected server error.' });
  };
  app.use(jsonErrors);
  return app;
}
