// `nx serve token-server` / `npm start`: read the environment, start, stop cleanly on a signal.
// A configuration error is one line on stderr and exit code 1. `--check-config` only reads the
// environment (npm start runs it before the minute-long sample build).
import { startTokenServer } from './lib/start-token-server';
import { tokenServerOptionsFromEnv } from './lib/config-from-env';
import { TokenServerConfigError } from './lib/token-server-options';

async function main(): Promise<void> {
  const options = tokenServerOptionsFromEnv(process.env);
  if (process.argv.includes('--check-config')) return;
  const server = await startTokenServer(options);
  const { mode, projectId } = server.config;
  console.log(
    mode === 'emulator'
      ? `token-server: listening on ${server.url} (offline: Tiledesk emulator at ${server.emulator?.url}, project ${projectId})`
      : `token-server: listening on ${server.url} (Tiledesk project ${projectId})`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof TokenServerConfigError ? error.message : `could not start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`token-server: ${message}\n`);
  process.exit(1);
});
