/**
 * The production bundle (the `default` export condition) against the development bundle (the
 * `development` condition), both built from these sources by scripts/bundles.mjs: on the same
 * emulated widget, every error code core produces and every state it goes through must be the
 * same; only `error.message` differs (the code itself in production) and the log lines' words.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintVisitorToken, resetWidgetPage } from '@tiledesk-auth/testing/client';
import { emulator, useClientFixture } from './test/client-fixture.js';
import { host, until } from './test/widget-page.js';

type Core = typeof import('./index.js');
type CoreTesting = typeof import('./testing/index.js');
type Options = import('./index.js').TiledeskOptions;
type Client = import('./index.js').TiledeskClient;

/** What one run of a scenario showed: the same in both builds, message words aside. */
interface Observation {
  readonly statuses: string[];
  readonly codes: string[];
  readonly logs: string[];
  readonly finalState: { status: string; user: string | null; error: string | null };
}

/** What a scenario may use: one build's core, and clients that report into one observation. */
interface Run {
  readonly core: Core;
  make(extra?: Partial<Options>): Client;
  /** Records the code of what `p` rejected with (or `resolved`), checking it is a TiledeskAuthError of this build. */
  settle(p: Promise<unknown>): Promise<void>;
  /** The same for a synchronous call. */
  call(action: () => unknown): void;
}

const fx = useClientFixture();
let outDir: string;
const builds: Record<'production' | 'development', { core: Core; testing: CoreTesting }> = {} as never;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'tiledesk-core-bundles-'));
  execFileSync(process.execPath, [join(__dirname, '../scripts/bundles.mjs'), outDir], { stdio: 'pipe' });
  // Jest's transform turns the ES modules into CommonJS; the code inside runs as built.
  const load = <T extends object>(file: string) => jest.requireActual<T>(join(outDir, file));
  builds.production = { core: load<Core>('index.js'), testing: load<CoreTesting>('testing/index.js') };
  builds.development = { core: load<Core>('index.development.js'), testing: load<CoreTesting>('testing/index.development.js') };
}, 60000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Runs `scenario` on one build, on a blank page, and returns what it observed. */
async function observe(build: 'production' | 'development', scenario: (run: Run) => Promise<void>): Promise<Observation> {
  const { core } = builds[build];
  const statuses: string[] = [];
  const codes: string[] = [];
  const logs: string[] = [];
  const clients: Client[] = [];
  const logger = { warn: () => void logs.push('warn'), error: () => void logs.push('error') };
  const record = (error: unknown) => {
    if (!(error instanceof core.TiledeskAuthError)) throw new Error('not a TiledeskAuthError of this build: ' + String(error));
    // Production keeps the code as the whole message; development says more.
    if (build === 'production') expect(error.message).toBe(error.code);
    else expect(error.message).not.toBe(error.code);
    codes.push(error.code);
  };
  const run: Run = {
    core,
    make(extra = {}) {
      const client = core.createTiledesk({ projectId: fx.project.id, widgetUrl: fx.project.widgetUrl, logger, ...extra });
      client.subscribe((state) => statuses.push(state.status + (state.error ? ':' + state.error.code : '')));
      clients.push(client);
      return client;
    },
    settle: (p) => p.then(() => void codes.push('resolved'), record),
    call(action) {
      try {
        action();
        codes.push('returned');
      } catch (error) {
        record(error);
      }
    },
  };
  await emulator.reset(fx.project.id);
  try {
    await scenario(run);
    const last = clients.at(-1)?.getState();
    return {
      statuses,
      codes,
      logs,
      finalState: { status: last?.status ?? 'none', user: last?.user?.id ?? null, error: last?.error?.code ?? null },
    };
  } finally {
    clients.forEach((client) => client.destroy());
    resetWidgetPage();
  }
}

/** Runs `scenario` on both builds, expects the same observation, and returns it. */
async function same(scenario: (run: Run) => Promise<void>): Promise<Observation> {
  const development = await observe('development', scenario);
  const production = await observe('production', scenario);
  expect(production).toEqual(development);
  return development;
}

const token = (userId: string, secret = fx.project.secret, expiresInSeconds = 600) =>
  mintVisitorToken(fx.project.id, secret, { userId, expiresInSeconds });

describe('the production build keeps the codes and states of the development build', () => {
  it('is smaller and holds none of the sentences', () => {
    const production = readFileSync(join(outDir, 'index.js'), 'utf8');
    const development = readFileSync(join(outDir, 'index.development.js'), 'utf8');
    for (const sentence of ['24 hex characters', 'Widget did not boot in', 'Tiledesk refused the token', 'has no effect']) {
      expect(development).toContain(sentence);
      expect(production).not.toContain(sentence);
    }
    expect(production.length).toBeLessThan(development.length / 2);
  });

  it('invalid options: createTiledesk() throws, createTiledeskSafely() gives the error state, bad arguments throw', async () => {
    const seen = await same(async ({ core, make, call }) => {
      call(() => core.createTiledesk({ projectId: 'nope' }));
      call(() => core.createTiledesk({ projectId: fx.project.id, loadTimeoutMs: 0 }));
      call(() => core.createTiledesk(null as never));
      const safe = core.createTiledeskSafely({ projectId: 'nope', logger: { warn: () => undefined, error: () => undefined } });
      call(() => {
        throw safe.getState().error;
      });
      const client = make();
      call(() => client.on('onOpen', 'not a function' as never));
      call(() => client.subscribe(42 as never));
      call(() => client.setAttribute('', 1));
      call(() => make({ settings: { apiUrl: 'https://api.example' } }));
    });
    expect(seen.codes).toEqual([
      'invalid-options',
      'invalid-options',
      'invalid-options',
      'invalid-options',
      'invalid-options',
      'invalid-options',
      'invalid-options',
      'returned',
    ]);
    expect(seen.logs).toEqual(['warn']);
  });

  it('invalid-token, and a signIn() with neither token nor getToken', async () => {
    const seen = await same(async ({ make, settle }) => {
      await settle(make().signIn('Bearer abc'));
      await settle(make().signIn(await token('ada', fx.project.secret, -60)));
      await settle(make().signIn());
    });
    expect(seen.codes).toEqual(['invalid-token', 'invalid-token', 'invalid-options']);
  });

  it('signs in, refreshes nothing yet, signs out; a null token signs out', async () => {
    const seen = await same(async ({ make, settle }) => {
      const client = make({ getToken: () => token('ada') });
      await settle(client.signIn());
      await settle(client.signOut());
      await settle(make({ getToken: () => Promise.resolve(null) }).signIn());
    });
    expect(seen.codes).toEqual(['resolved', 'resolved', 'resolved']);
    expect(seen.statuses).toEqual(['signing-in', 'signed-in', 'signed-out', 'signing-in', 'signed-out']);
  });

  it('token-fetch-failed keeps the HTTP status; token-rejected when Tiledesk refuses the token', async () => {
    const seen = await same(async ({ make, settle }) => {
      const failing = make({ getToken: () => Promise.reject(Object.assign(new Error('down'), { status: 503 })) });
      await settle(failing.signIn());
      expect(failing.getState().error?.status).toBe(503);
      await settle(make({ getToken: () => Promise.resolve(42 as never) }).signIn());
      await settle(make().signIn(await token('ada', 'not-the-secret')));
    });
    expect(seen.codes).toEqual(['token-fetch-failed', 'token-fetch-failed', 'token-rejected']);
    expect(seen.finalState).toEqual({ status: 'error', user: null, error: 'token-rejected' });
    expect(seen.logs).toEqual(['error', 'error', 'error']);
  });

  it('script-load-failed, project-mismatch', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen = await same(async ({ make, settle }) => {
      await settle(make({ widgetUrl: emulator.url + '/missing/launch.js' }).signIn(await token('ada')));
      resetWidgetPage();
      await settle(make().load());
      await settle(make({ projectId: 'abcdefabcdefabcdefabcdef' }).load());
    });
    quiet.mockRestore();
    expect(seen.codes).toEqual(['script-load-failed', 'resolved', 'project-mismatch']);
  });

  it('timeout, superseded, destroyed, not-in-browser', async () => {
    const seen = await same(async ({ core, make, settle }) => {
      await settle(make({ bootImmediately: false, loadTimeoutMs: 300 }).load());
      // Let this page's launcher boot now, so it cannot boot into the next run's page.
      document.dispatchEvent(new Event('mousemove'));
      await until('the late boot', () => host.tiledesk);
      resetWidgetPage();
      const replaced = make({ getToken: () => token('ada') });
      const first = settle(replaced.signIn());
      await settle(replaced.signOut());
      await first;
      const destroyed = make({ getToken: () => token('ada') });
      const pending = settle(destroyed.signIn());
      destroyed.destroy();
      await pending;
      await settle(core.createTiledeskSafely({ projectId: fx.project.id }, { server: true }).signIn());
    });
    expect(seen.codes).toEqual(['timeout', 'resolved', 'superseded', 'destroyed', 'not-in-browser']);
  });

  it('the testing entry of each build shares its main entry’s error class', async () => {
    for (const build of ['production', 'development'] as const) {
      const fake = new builds[build].testing.TiledeskTestingClient();
      fake.destroy();
      const error = await fake.signIn().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(builds[build].core.TiledeskAuthError);
    }
  });
});
