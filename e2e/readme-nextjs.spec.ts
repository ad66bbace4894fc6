// Next.js 16 App Router, rebuilt from the READMEs: the React package's Next.js quick start (the
// provider's client component, the layout, a client component with hooks, the page) and the
// server package's route handler section (the same route.ts), in what `create-next-app` leaves, in
// a throwaway app outside the workspace. `next build` with no Tiledesk secret in its environment
// (only the browser's public settings of libs/testing's offline README), then `next start` with
// them, and a visitor signed in, in Chromium, against the emulator (and on the real widget build
// too when TILEDESK_REAL_WIDGET_DIR names one). scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { userEnv } from './support/consumer-app';
import { writeNextProject } from './support/readme-boilerplate';
import { combine, createReadmeApp, README_USER, readmeSetup } from './support/readme-app';
import { describeReadmeApp } from './support/readme-suite';

/** What `create-next-app` installs, beside the packages of the READMEs' install lines. */
const NEXT_FRAMEWORK = ['next', 'react', 'react-dom', 'typescript', '@types/node', '@types/react', '@types/react-dom'];

/**
 * The one file of the setup no README can give: the app's session library (`@/auth`, which the
 * README's route handler imports). This stand-in has every visitor signed in as the README's user.
 */
const SESSION_STAND_IN = `export interface Session { user: { id: string; email: string; name: string } }
export async function auth(): Promise<Session | null> {
  return { user: ${JSON.stringify(README_USER)} };
}
`;

// `next start` takes a port number and prints the one it was given: ask the system for a free one.
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((ready) => probe.once('listening', ready));
  const { port } = probe.address() as { port: number };
  await new Promise((closed) => probe.close(closed));
  return port;
}

// The README's ChatButton: enabled, and naming the visitor, once signed in.
async function chatButtonText(page: Page): Promise<string | null | undefined> {
  const button = page.locator('main button');
  return (await button.isEnabled()) ? button.textContent() : undefined;
}

describeReadmeApp('Next.js 16 App Router, from the READMEs', {
  firstTest: 'builds without secrets, starts with them and signs the visitor in',
  signedIn: () => ({ signedInText: chatButtonText, expected: `Chat with us (${README_USER.email})` }),
  async start(run) {
    const { tiledesk } = run;
    const setup = combine(
      await readmeSetup('libs/react/README.md', ['Quick start (Next.js app router)']),
      await readmeSetup('libs/server/README.md', ['Next.js route handler (and Hono, Bun, Deno, Workers)']),
    );
    assert.deepEqual(
      setup.files.map((file) => file.path),
      ['app/api/tiledesk-token/route.ts', 'app/tiledesk.tsx', 'app/layout.tsx', 'app/chat-button.tsx', 'app/page.tsx'],
    );
    const app = await createReadmeApp(setup, NEXT_FRAMEWORK);
    run.atEnd(() => app.remove());
    await writeNextProject(app);
    await app.write('auth.ts', SESSION_STAND_IN);

    const next = 'node_modules/next/dist/bin/next';
    const publicSettings = {
      NEXT_PUBLIC_TILEDESK_PROJECT_ID: tiledesk.offline.NEXT_PUBLIC_TILEDESK_PROJECT_ID,
      NEXT_PUBLIC_TILEDESK_WIDGET_URL: tiledesk.offline.NEXT_PUBLIC_TILEDESK_WIDGET_URL,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    const built = await app.node([next, 'build'], { nice: true, env: userEnv(publicSettings) });
    assert.equal(built.code, 0, `next build failed without secrets:\n${built.stdout}\n${built.stderr}`);

    const port = await freePort();
    const server = await app.start([next, 'start', '--hostname', '127.0.0.1', '--port', String(port)], /Ready in/, {
      env: userEnv({
        ...publicSettings,
        TILEDESK_PROJECT_ID: tiledesk.offline.TILEDESK_PROJECT_ID,
        TILEDESK_SHARED_SECRET: tiledesk.offline.TILEDESK_SHARED_SECRET,
      }),
    });
    run.atEnd(() => server.stop());
    return `http://127.0.0.1:${port}/`;
  },
});
