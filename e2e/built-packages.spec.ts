// The packages as users install them: dist/libs/{core,react,server} copied into the node_modules
// of a throwaway app outside the workspace (no tsconfig paths, no Jest mapping, no bundler to
// forgive a missing ".js"), with their peers taken from the workspace. Node's ESM loader is as
// strict as webpack's `fullySpecified` and a NodeNext type check as strict as any TS user's setup.
// scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createConsumerApp } from './support/consumer-app';

const root = resolve(__dirname, '..');
const PROJECT_ID = '65f0c0ffee0123456789abcd';
const SECRET = '0f3c2f9e-7d1a-4b8e-9c55-2a6d1e4b7f10';

let app: Awaited<ReturnType<typeof createConsumerApp>>;

async function runInApp(file: string, source: string): Promise<string> {
  await app.write(file, source);
  const { code, stdout, stderr } = await app.node([file]);
  assert.equal(code, 0, `${file} failed:\n${stderr}`);
  return stdout.trim();
}

before(async () => {
  app = await createConsumerApp({
    packages: ['core', 'react', 'server'],
    dependencies: ['react', 'react-dom', 'jose', '@types/react', '@types/react-dom', '@types/node'],
  });
});

after(() => app.remove());

describe('the built packages in an app outside the workspace', () => {
  it('@tiledesk-auth/server: a Node ESM app mints a token that jose verifies with the shared secret', async () => {
    const out = await runInApp(
      'mint.mjs',
      `import { mintTiledeskToken } from '@tiledesk-auth/server';
import { jwtVerify } from 'jose';
const { token } = await mintTiledeskToken({ projectId: '${PROJECT_ID}', secret: '${SECRET}', user: { id: 'u-42', email: 'ada@example.com' } });
const { payload } = await jwtVerify(token.slice(4), new TextEncoder().encode('${SECRET}'), { algorithms: ['HS256'] });
console.log(JSON.stringify({ prefix: token.slice(0, 4), id: payload._id, sub: payload.sub, aud: payload.aud }));
`,
    );
    assert.deepEqual(JSON.parse(out), {
      prefix: 'JWT ',
      id: `${PROJECT_ID}_u-42`,
      sub: 'userexternal',
      aud: `https://tiledesk.com/projects/${PROJECT_ID}`,
    });
  });

  it('@tiledesk-auth/core and /react: load on a server (no window) and the provider server-renders its children', async () => {
    const out = await runInApp(
      'ssr.mjs',
      `import { createTiledesk } from '@tiledesk-auth/core';
import { TiledeskProvider } from '@tiledesk-auth/react';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
const client = createTiledesk({ projectId: '${PROJECT_ID}' });
const html = renderToString(createElement(TiledeskProvider, { projectId: '${PROJECT_ID}' }, createElement('main', null, 'shop')));
console.log(JSON.stringify({ window: typeof window, status: client.getState().status, html }));
`,
    );
    assert.deepEqual(JSON.parse(out), { window: 'undefined', status: 'idle', html: '<main>shop</main>' });
  });

  it("@tiledesk-auth/react: the entry starts with 'use client' (Next.js app router)", async () => {
    const { exports } = JSON.parse(await readFile(join(app.dir, 'node_modules/@tiledesk-auth/react/package.json'), 'utf8')) as {
      exports: Record<string, { default: string }>;
    };
    const entry = await readFile(join(app.dir, 'node_modules/@tiledesk-auth/react', exports['.'].default), 'utf8');
    assert.match(entry, /^'use client';\n/);
  });

  it('the typings resolve for a strict TypeScript app on NodeNext resolution', async () => {
    await app.write(
      'consumer.tsx',
      `import { createTiledesk, type TiledeskAuthState } from '@tiledesk-auth/core';
import { TiledeskProvider, useTiledeskAuth } from '@tiledesk-auth/react';
import { mintTiledeskToken } from '@tiledesk-auth/server';

export const client = createTiledesk({ projectId: '${PROJECT_ID}', getToken: async () => 'JWT x' });
export const status: TiledeskAuthState['status'] = client.getState().status;
export const minted: Promise<{ token: string; expiresAt: number }> = mintTiledeskToken({ projectId: '${PROJECT_ID}', secret: '${SECRET}', user: { id: 'u' } });
export function Status() {
  const { status, user } = useTiledeskAuth();
  return <TiledeskProvider projectId="${PROJECT_ID}">{status}{user?.email}</TiledeskProvider>;
}
`,
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const args = [
      '--noEmit',
      '--strict',
      '--jsx',
      'react-jsx',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--lib',
      'es2022,dom',
      '--types',
      'node',
      'consumer.tsx',
    ];
    const result = await app.node([tsc, ...args]);
    assert.equal(result.stdout, '', 'tsc reports no errors');
    assert.equal(result.code, 0);
  });
});
