import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { withBootData } from './boot-data-block';
import { sessionUser } from './demo-session';
import { DEMO_USERS } from './demo-users';
import { escapeHtml, htmlPage } from './html-page';
import { type InlineScriptHashes, inlineScriptHashes } from './inline-script-hashes';
import type { TokenServerPublicConfig } from './token-server-options';

/**
 * Serves a built single-page sample from `dir` under `mountPath` (e.g. `/react/`): files as
 * they are, `index.html` for the mount point and any other extension-less path (client-side
 * routing), with the CSP `pagePolicy` gives for that build's inline scripts. The page carries
 * what the sample would otherwise ask three API routes for before it can sign in (the public
 * `config`, the demo users, the session's user, read through `sessions`), a preload hint for the
 * widget's script and, for a logged-in visitor, an inline script that starts the token request, so
 * the token request and `launch.js` start as the page is read, before its bundle has run. Being
 * per visitor, the page is `no-store`. When the sample is not built, a 404 page
 * says how to build it. The folder is looked up per request, so building while the server runs
 * works.
 *
 * @example
 * ```ts
 * app.use('/react', sampleHosting({ mountPath: '/react', dir: 'dist/apps/react-sample', project: 'react-sample', pagePolicy, config, sessions }));
 * ```
 */
export function sampleHosting(options: {
  mountPath: string;
  dir: string;
  project: string;
  pagePolicy: (inline: InlineScriptHashes) => RequestHandler;
  config: TokenServerPublicConfig;
  sessions: RequestHandler;
}): Router {
  const { mountPath, dir, project, pagePolicy, config, sessions } = options;
  const index = join(dir, 'index.html');
  const router = express.Router();
  router.use((req, res, next) => {
    // "/react" must become "/react/", or the page's relative asset URLs resolve against "/".
    if (req.originalUrl.split('?')[0] === mountPath) {
      res.redirect(301, `${mountPath}/`);
      return;
    }
    next();
  });
  // index.html is served below, never as a plain file: it needs its own CSP.
  router.use(express.static(dir, { index: false, fallthrough: true, redirect: false }));
  router.use(async (req, res, next) => {
    const wantsPage = (req.method === 'GET' || req.method === 'HEAD') && (extname(req.path) === '' || req.path === '/index.html');
    const page = wantsPage ? await readIndex(index) : undefined;
    if (page) {
      sessions(req, res, (sessionError?: unknown) => {
        if (sessionError) return void next(sessionError);
        // The policy hashes the build's inline code and the early token request, when added.
        const served = withBootData(page, { config, users: DEMO_USERS, sessionUser: sessionUser(req) });
        pagePolicy(served.inline)(req, res, (error?: unknown) => {
          if (error) return void next(error);
          res.set('Cache-Control', 'no-store').type('html').send(served.html);
        });
      });
      return;
    }
    res.status(404).type('html');
    res.send(
      existsSync(index)
        ? htmlPage('Not found', `<h1>Not found</h1><p>${escapeHtml(req.originalUrl)} is not part of the ${project} build.</p>`)
        : htmlPage(
            `${project} is not built`,
            `<h1>${escapeHtml(project)} is not built</h1>
<p>Nothing to serve at <code>${escapeHtml(mountPath)}/</code>: the build output of <code>${escapeHtml(project)}</code> has no <code>index.html</code> yet.</p>
<p>Build it with <code>npx nx build ${escapeHtml(project)}</code> (or run <code>npm start</code>, which builds both samples), then reload.</p>`,
          ),
    );
  });
  return router;
}

const pages = new Map<string, { stamp: string; html: string; inline: InlineScriptHashes }>();

/** The built index.html and its inline-code hashes, re-read only when the file changed. */
async function readIndex(path: string): Promise<{ html: string; inline: InlineScriptHashes } | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const stamp = `${info.mtimeMs}:${info.size}`;
  const cached = pages.get(path);
  if (cached?.stamp === stamp) return cached;
  const html = await readFile(path, 'utf8');
  const page = { stamp, html, inline: inlineScriptHashes(html) };
  pages.set(path, page);
  return page;
}
