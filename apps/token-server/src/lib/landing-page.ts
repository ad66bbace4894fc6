import { htmlPage } from './html-page';
import type { TokenServerPublicConfig } from './token-server-options';

/**
 * The page at `/`: what runs and links to both samples. Shows no secret.
 *
 * @example
 * ```ts
 * app.get('/', (_req, res) => res.type('html').send(landingPage(config)));
 * ```
 */
export function landingPage(config: TokenServerPublicConfig): string {
  const where =
    config.mode === 'emulator'
      ? 'offline, against the embedded Tiledesk emulator'
      : `against the real Tiledesk project <code>${config.projectId}</code>`;
  return htmlPage(
    'tiledesk-auth demo',
    `<h1>tiledesk-auth demo</h1>
<p>Sign in as a demo user and watch the Tiledesk widget sign in with a server-minted token, ${where}.</p>
<ul>
<li><a href="/react/">React sample</a></li>
<li><a href="/angular/">Angular sample</a></li>
</ul>
<p>API: <a href="/api/config"><code>/api/config</code></a>, <a href="/api/demo-users"><code>/api/demo-users</code></a>,
<code>/api/session</code>, <code>POST /api/tiledesk-token</code>.</p>`,
  );
}
