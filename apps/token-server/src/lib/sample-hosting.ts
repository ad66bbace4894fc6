import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { type Router } from 'express';
import { escapeHtml, htmlPage } from './html-page';

/**
 * Serves a built single-page sample from `dir` under `mountPath` (e.g. `/react/`): files as
 * they are, any other extension-less path as `index.html` (client-side routing). When the
 * sample is not built, a 404 page says how to build it. The folder is looked up per request,
 * so building while the server runs works.
 *
 * @example
 * ```ts
 * app.use('/react', sampleHosting({ mountPath: '/react', dir: 'dist/apps/react-sample', project: 'react-sample' }));
 * ```
 */
export function sampleHosting(options: { mountPath: string; dir: string; project: string }): Router {
  const { mountPath, dir, project } = options;
  const router = express.Router();
  router.use((req, res, next) => {
    // "/react" must become "/react/", or the page's relative asset URLs resolve against "/".
    if (req.originalUrl.split('?')[0] === mountPath) {
      res.redirect(301, `${mountPath}/`);
      return;
    }
    next();
  });
  router.use(express.static(dir, { index: 'index.html', fallthrough: true, redirect: false }));
  router.use((req, res) => {
    const index = join(dir, 'index.html');
    const wantsPage = (req.method === 'GET' || req.method === 'HEAD') && extname(req.path) === '';
    if (wantsPage && existsSync(index)) {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(index);
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
