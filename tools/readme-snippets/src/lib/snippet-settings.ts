/**
 * What one Markdown file's snippets need around them: named preludes (code a block picks with
 * `<!-- snippet: prelude=NAME -->`), stand-ins for the user's own files that its blocks import
 * relatively (`./app`), and links to workspace folders its relative imports reach.
 *
 * @example
 * ```ts
 * const settings: ReadmeSettings = { stubs: { 'app.tsx': 'export function App() { return null; }' } };
 * ```
 */
export interface ReadmeSettings {
  /** Code put before a block, by name; it must compile (and run, for a `run` block) by itself. */
  readonly preludes?: Readonly<Record<string, string>>;
  /** Code put after a block, by name (`<!-- snippet: run after=NAME -->`): it uses what the block made. */
  readonly epilogues?: Readonly<Record<string, string>>;
  /** Files written beside the blocks (path relative to the README's snippet folder → content). */
  readonly stubs?: Readonly<Record<string, string>>;
  /** Folders linked beside the blocks (name → workspace path), for imports such as `./apps/...`. */
  readonly links?: Readonly<Record<string, string>>;
}

/**
 * Stand-ins for packages a reader has and the workspace does not, by import specifier.
 * `@/auth` is a Next.js app's own session helper (Auth.js style): a user id, e-mail and name.
 *
 * @example
 * ```ts
 * Object.keys(packageStubs); // ['@/auth']
 * ```
 */
export const packageStubs: Readonly<Record<string, string>> = {
  '@/auth': `/** The signed-in user of a Next.js app, as its session library gives it. */
export interface Session { user: { id: string; email: string; name: string } }
/** Always signed in as Ada: the snippets' handlers then mint a token. */
export async function auth(): Promise<Session | null> {
  return { user: { id: 'ada', email: 'ada@example.com', name: 'Ada' } };
}
`,
};

// An NgModule root component, as an Angular app has it, and the Express app of the server
// package's README, which the SSR server starts from.
const angularAppStubs = {
  'server/app.ts': `import express from 'express';
export const app = express();
`,
  'app.component.ts': `import { Component } from '@angular/core';
@Component({ selector: 'app-root', standalone: false, template: '<p>Support</p>' })
export class AppComponent {}
`,
};

// A same-origin JSON POST, as the browser snippets send it, must get a token from the block's POST.
const postTokenRequest = `
{
  const answer = await POST(new Request('http://127.0.0.1:3000/api/tiledesk-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:3000', 'Sec-Fetch-Site': 'same-origin' },
    body: '{}',
  }));
  const body = (await answer.json()) as { token?: string };
  if (answer.status !== 200 || !body.token?.startsWith('JWT ')) throw new Error(\`the route answered \${answer.status} \${JSON.stringify(body)}\`);
}
`;

const mintedToken = `import { mintTiledeskToken as mintForPrelude } from '@tiledesk-auth/server';
const projectId = process.env.TILEDESK_PROJECT_ID!;
const secret = process.env.TILEDESK_SHARED_SECRET!;
const { token } = await mintForPrelude({ projectId, secret, user: { id: 'ada', email: 'ada@example.com' } });
`;

/**
 * Settings of each Markdown file that needs any (path relative to the workspace root).
 *
 * @example
 * ```ts
 * readmeSettings['libs/server/README.md']?.preludes?.['minted-token'];
 * ```
 */
export const readmeSettings: Readonly<Record<string, ReadmeSettings>> = {
  // Vite's types for import.meta.env, which a Vite app's tsconfig already has.
  'libs/core/README.md': { preludes: { vite: '/// <reference types="vite/client" />\n' } },
  'libs/react/README.md': {
    epilogues: { 'post-token': postTokenRequest },
    preludes: { jest: '/// <reference types="jest" />\n' },
    stubs: { 'app.tsx': `import { ChatStatus } from './chat-status';\nexport function App() { return <ChatStatus />; }\n` },
  },
  'libs/angular/README.md': {
    stubs: angularAppStubs,
    preludes: { jest: '/// <reference types="jest" />\n' },
  },
  'libs/server/README.md': {
    // The app's own login, which the Express app mounts: here it signs nobody in.
    stubs: {
      'server/login.ts': `import type { RequestHandler } from 'express';
export const login: RequestHandler = (_request, _response, next) => next();
`,
    },
    epilogues: {
      'post-token': postTokenRequest,
      // The Express app on a free port: with no session, the token route answers 401.
      'express-not-signed-in': `
{
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as import('node:net').AddressInfo;
  const origin = \`http://127.0.0.1:\${port}\`;
  const answer = await fetch(\`\${origin}/api/tiledesk-token\`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: '{}' });
  server.close();
  if (answer.status !== 401) throw new Error(\`expected 401 not-signed-in, got \${answer.status}\`);
}
`,
    },
    preludes: {
      'minted-token': mintedToken,
      'stored-visitor': `const projectId = process.env.TILEDESK_PROJECT_ID!;
const secret = process.env.TILEDESK_SHARED_SECRET!;
const stored = { tiledeskId: \`\${projectId}_ada\` };
`,
      'cookie-session': `import type { IncomingHttpHeaders } from 'node:http';
/** Your app's own session lookup. */
declare function userFromYourSessionCookie(cookie: IncomingHttpHeaders['cookie']): { id: string; email: string } | null;
`,
    },
  },
  'libs/testing/README.md': {
    preludes: {
      'jest-jsdom': '/// <reference types="jest" />\n',
      playwright: `import type { Page } from 'playwright-core';
declare const page: Page;
/** Your app's URL, configured to load this project's widget. */
declare function myAppUrlConfiguredWith(projectId: string, widgetUrl: string): string;
`,
      'playwright-emulator': `import type { Page } from 'playwright-core';
import type { TiledeskEmulator } from '@tiledesk-auth/testing';
declare const page: Page;
declare const emulator: TiledeskEmulator;
`,
    },
  },
  'apps/token-server/README.md': { links: { apps: 'apps' } },
};
