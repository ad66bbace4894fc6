import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CreateProjectOptions, EmulatedProject, TiledeskEmulator, TiledeskEmulatorOptions } from '@tiledesk-auth/testing';
import type { DemoStack, DemoUser, TokenServerConfig } from './stack';
import { getJson, stackControls } from './stack-controls';
import { realWidgetDir, type WidgetKind } from './widgets';

/**
 * A {@link DemoStack} on apps/next-sample, plus what its server process printed.
 *
 * @example
 * ```ts
 * assert.ok(!stack.serverOutput().includes(stack.secrets[0]));
 * ```
 */
export interface NextStack extends DemoStack {
  /** Everything the Next.js server wrote to stdout and stderr so far. */
  serverOutput(): string;
}

const root = resolve(__dirname, '../..');
const nextSampleDir = resolve(root, 'apps/next-sample');
const emulatorEntry = resolve(root, 'libs/testing/src/index.ts');
/** A loaded machine starts Next.js in a few seconds; this only bounds a server that never comes up. */
const START_TIMEOUT_MS = 60_000;

interface EmulatorModule {
  startTiledeskEmulator(options?: TiledeskEmulatorOptions): Promise<TiledeskEmulator>;
}

/**
 * Starts apps/next-sample as the user would run it (its built `.next`, `main.ts` as a child
 * process on a free loopback port) against an emulator this test process owns, so the test
 * steers that emulator directly (faults, delays, secret rotation, the request log) as it does
 * with the token server's. The Next server creates its project there through the emulator's
 * control API (`TILEDESK_EMULATOR_URL` + `TILEDESK_EMULATOR_CONTROL_TOKEN`); the test learns that
 * project's secret by watching `createProject`, never from the server. Same interface as
 * `startDemoStack()`: the scenarios do not know which server they talk to.
 *
 * @example
 * ```ts
 * const stack = await startNextStack('emulated');
 * try { await page.goto(stack.appUrl('next')); } finally { await stack.close(); }
 * ```
 */
export async function startNextStack(widget: WidgetKind): Promise<NextStack> {
  if (!existsSync(resolve(nextSampleDir, '.next', 'BUILD_ID'))) {
    throw new Error('apps/next-sample is not built: NX_DAEMON=false npx nx build next-sample (npm run e2e builds it)');
  }
  const buildDir = widget === 'real' ? realWidgetDir() : undefined;
  if (widget === 'real' && buildDir === undefined) throw new Error('A real-widget scenario needs TILEDESK_REAL_WIDGET_DIR');
  // Loaded by path at run time, as the token server's stack loads it.
  const { startTiledeskEmulator } = (await import(pathToFileURL(emulatorEntry).href)) as EmulatorModule;
  const emulator = await startTiledeskEmulator({
    host: '127.0.0.1',
    port: 0,
    ...(buildDir === undefined ? {} : { widgetBuildDir: buildDir }),
  });
  const secrets: string[] = [];
  const createProject = emulator.createProject.bind(emulator);
  // The control API calls this very object, so every project (and secret) the server makes passes here.
  emulator.createProject = (options?: CreateProjectOptions): EmulatedProject => {
    const project = createProject(options);
    secrets.push(project.secret);
    return project;
  };

  let server: NextServer | undefined;
  try {
    server = await startNextServer({
      TILEDESK_EMULATOR_URL: emulator.url,
      TILEDESK_EMULATOR_CONTROL_TOKEN: emulator.controlToken,
      ...(buildDir === undefined ? {} : { TILEDESK_REAL_WIDGET_DIR: buildDir }),
    });
    const { url } = server;
    const config = await getJson<TokenServerConfig>(`${url}/api/config`);
    if (config.mode !== 'emulator' || config.widget !== widget || emulator.widget !== widget) {
      throw new Error(
        `Asked for the ${widget} widget; /api/config says ${config.mode}/${config.widget}, the emulator serves ${emulator.widget}`,
      );
    }
    const users = await getJson<DemoUser[]>(`${url}/api/demo-users`);
    const running = server;
    return {
      url,
      config,
      projectId: config.projectId,
      emulatorUrl: emulator.url,
      widget,
      storagePrefix: emulator.storagePrefix,
      emulator,
      users,
      secrets,
      appUrl: () => `${url}/`,
      ...stackControls(url, emulator, config.projectId, secrets),
      serverOutput: () => running.output(),
      close: async () => {
        await running.stop();
        await emulator.close();
      },
    };
  } catch (error) {
    await server?.stop();
    await emulator.close();
    throw error;
  }
}

/** The Next.js sample's server process. */
interface NextServer {
  readonly url: string;
  output(): string;
  stop(): Promise<void>;
}

function startNextServer(env: Record<string, string>): Promise<NextServer> {
  // Only what the test sets: real Tiledesk credentials or a session key of the caller must not leak in.
  const {
    TILEDESK_PROJECT_ID: _id,
    TILEDESK_SHARED_SECRET: _secret,
    TILEDESK_WIDGET_URL: _widget,
    TILEDESK_REAL_WIDGET_DIR: _build,
    SESSION_SECRET: _session,
    ...baseEnv
  } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/next-sample/main.ts'], {
    cwd: root,
    env: { ...baseEnv, ...env, HOST: '127.0.0.1', PORT: '0', TSX_TSCONFIG_PATH: 'tsconfig.base.json', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise<NextServer>((ready, fail) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`apps/next-sample did not start within ${START_TIMEOUT_MS / 1000} s:\n${stdout}${stderr}`));
    }, START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Its warnings and errors belong in the test report, as the token server's do.
      process.stderr.write(chunk);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /next-sample: listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        ready({ url, output: () => stdout + stderr, stop });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`apps/next-sample stopped before it listened (${signal ?? `exit code ${code}`}):\n${stderr}`));
    });
  });
}
