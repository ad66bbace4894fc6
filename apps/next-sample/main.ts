// `npx nx run next-sample:start` / `npm start`: the built Next.js sample on HOST:PORT (default
// 127.0.0.1:4301, the token server's port + 1; PORT=0 picks a free one). Offline (no Tiledesk
// credentials) it first starts the Tiledesk emulator from @tiledesk-auth/testing on a free
// loopback port, serving TILEDESK_REAL_WIDGET_DIR's build when set, unless TILEDESK_EMULATOR_URL
// hands it one that already runs. A bad setting is one line on stderr and exit code 1;
// `--check-config` only reads the settings.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readSampleSettings, SampleSettingsError } from './server/sample-settings';

/** What this process started and must stop. */
interface Running {
  readonly server: Server;
  readonly closeEmulator: () => Promise<void>;
}

async function main(): Promise<void> {
  const host = process.env['HOST']?.trim() || '127.0.0.1';
  const port = parsePort(process.env['PORT']?.trim() || '4301');
  const settings = readSampleSettings(process.env);
  if (process.argv.includes('--check-config')) return;

  let closeEmulator: () => Promise<void> = async () => undefined;
  let emulatorNote = '';
  const { tiledesk } = settings;
  if (tiledesk.kind === 'emulator' && tiledesk.emulatorUrl === undefined) {
    // Loaded only here: a real project never loads the emulator. Outside Next.js's bundles, which
    // reach it only through its control API (instrumentation.ts creates the project).
    const { startTiledeskEmulator } = await import('@tiledesk-auth/testing');
    const emulator = await startTiledeskEmulator({
      host: '127.0.0.1',
      port: 0,
      ...(tiledesk.realWidgetDir === undefined ? {} : { widgetBuildDir: tiledesk.realWidgetDir }),
    });
    process.env['TILEDESK_EMULATOR_URL'] = emulator.url;
    process.env['TILEDESK_EMULATOR_CONTROL_TOKEN'] = emulator.controlToken;
    closeEmulator = () => emulator.close();
    emulatorNote = `, Tiledesk emulator at ${emulator.url}`;
  }

  // What `next start` does: React and Next.js load their production builds (read when loaded, so
  // before the import).
  Object.assign(process.env, { NODE_ENV: 'production' });
  const { default: next } = await import('next');
  let running: Running | undefined;
  try {
    const app = next({ dev: false, dir: __dirname, hostname: host, port });
    await app.prepare();
    const handle = app.getRequestHandler();
    const server = createServer((req, res) => void handle(req, res));
    await listen(server, port, host);
    running = { server, closeEmulator };
  } catch (error) {
    await closeEmulator();
    throw error;
  }
  const address = running.server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const mode = tiledesk.kind === 'project' ? `Tiledesk project ${tiledesk.projectId}` : `offline${emulatorNote}`;
  console.log(`next-sample: listening on ${url} (${mode})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(running));
}

async function stop(running: Running | undefined): Promise<void> {
  if (running !== undefined) {
    await new Promise<void>((done) => {
      running.server.close(() => done());
      // Idle keep-alive sockets and hung test requests would hold close() forever.
      running.server.closeAllConnections();
    });
    await running.closeEmulator();
  }
  process.exit(0);
}

function parsePort(text: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535) throw new SampleSettingsError('PORT', 'PORT must be a port number from 0 to 65535.');
  return port;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new SampleSettingsError(
          'PORT',
          error.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use; stop the other process or set PORT to another port.`
            : `cannot listen on ${host}:${port} (${error.code ?? error.message}).`,
        ),
      ),
    );
    server.listen(port, host, () => done());
  });
}

main().catch((error: unknown) => {
  const message =
    error instanceof SampleSettingsError ? error.message : `could not start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`next-sample: ${message}\n`);
  process.exit(1);
});
