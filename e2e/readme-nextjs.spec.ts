// Next.js 16 App Router, rebuilt from the READMEs: the React package's Next.js quick start (the
// provider's client component, the layout, a client component with hooks, the page) and the
// server package's route handler section (the same route.ts), in what `create-next-app` leaves, in
// a throwaway app outside the workspace. `next build` with no Tiledesk secret in its environment
// (only the browser's public settings of libs/testing's offline README), then `next start` with
// them, and a visitor signed in, in Chromium, against the emulator. scripts/e2e.mjs builds the
// packages first.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTiledeskEmulator } from '@tiledesk-auth/testing';
import { launchBrowser } from './support/browser';
import { userEnv, type AppProcess, type ConsumerApp } from './support/consumer-app';
import { watchPage } from './support/page-watch';
import { writeNextProject } from './support/readme-boilerplate';
import { combine, createReadmeApp, offlineSettings, README_USER, readmeSetup } from './support/readme-app';
import { waitUntil } from './support/wait-until';

type Emulator = Awaited<ReturnType<typeof startTiledeskEmulator>>;

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

let emulator: Emulator;
let browser: Browser;
let app: ConsumerApp | undefined;
let server: AppProcess | undefined;

before(async () => {
  emulator = await startTiledeskEmulator();
  browser = await launchBrowser();
});

after(async () => {
  await server?.stop();
  await browser?.close();
  await emulator?.close();
  await app?.remove();
});

// `next start` takes a port number and prints the one it was given: ask the system for a free one.
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((ready) => probe.once('listening', ready));
  const { port } = probe.address() as { port: number };
  await new Promise((closed) => probe.close(closed));
  return port;
}

describe('Next.js 16 App Router, from the READMEs', () => {
  it('builds without secrets, starts with them and signs the visitor in', async () => {
    const offline = await offlineSettings(emulator.url);
    const project = emulator.createProject({ id: offline.TILEDESK_PROJECT_ID, secret: offline.TILEDESK_SHARED_SECRET });
    const setup = combine(
      await readmeSetup('libs/react/README.md', ['Quick start (Next.js app router)']),
      await readmeSetup('libs/server/README.md', ['Next.js route handler (and Hono, Bun, Deno, Workers)']),
    );
    assert.deepEqual(
      setup.files.map((file) => file.path),
      ['app/api/tiledesk-token/route.ts', 'app/tiledesk.tsx', 'app/layout.tsx', 'app/chat-button.tsx', 'app/page.tsx'],
    );
    app = await createReadmeApp(setup, NEXT_FRAMEWORK);
    await writeNextProject(app);
    await app.write('auth.ts', SESSION_STAND_IN);

    const next = 'node_modules/next/dist/bin/next';
    const publicSettings = {
      NEXT_PUBLIC_TILEDESK_PROJECT_ID: offline.NEXT_PUBLIC_TILEDESK_PROJECT_ID,
      NEXT_PUBLIC_TILEDESK_WIDGET_URL: offline.NEXT_PUBLIC_TILEDESK_WIDGET_URL,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    const built = await app.node([next, 'build'], { nice: true, env: userEnv(publicSettings) });
    assert.equal(built.code, 0, `next build failed without secrets:\n${built.stdout}\n${built.stderr}`);

    const port = await freePort();
    server = await app.start([next, 'start', '--hostname', '127.0.0.1', '--port', String(port)], /Ready in/, {
      env: userEnv({ ...publicSettings, TILEDESK_PROJECT_ID: project.id, TILEDESK_SHARED_SECRET: project.secret }),
    });
    const page = await browser.newPage();
    const watch = watchPage(page);
    // Chromium asks every page for /favicon.ico; the README's app has none.
    watch.expectFailedResource(/\/favicon\.ico$/);
    await page.goto(`http://127.0.0.1:${port}/`);
    const button = page.locator('main button');
    await waitUntil('the page to show signed-in', async () => await button.isEnabled(), { timeoutMs: 30_000 });
    assert.equal(await button.textContent(), `Chat with us (${README_USER.email})`);
    assert.equal(
      emulator.requests(project.id).filter((entry) => entry.route === 'signinWithCustomToken' && entry.status === 200).length,
      1,
    );
    await watch.assertClean([project.secret]);
    await page.close();
  });
});
