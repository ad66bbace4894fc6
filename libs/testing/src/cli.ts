#!/usr/bin/env node
/**
 * Runs the Tiledesk emulator stand-alone:
 *   node --import tsx libs/testing/src/cli.ts [--port 0] [--host 127.0.0.1] [--boot-delay-ms 5000]
 *     [--latency-ms 0] [--storage-prefix widget_sv6] [--widget-build DIR] [--project <id>:<secret>]...
 *     [--exit-on-stdin-close]
 * `--widget-build DIR` serves that real widget build instead of the emulated widget. Only the flag
 * says so, never the environment: Jest's global setup starts this CLI with the test run's
 * environment, and its jsdom pages need the emulated widget even when TILEDESK_REAL_WIDGET_DIR is set.
 * Prints one JSON line `{"url":...,"widgetUrl":...,"apiUrl":...,"controlToken":...,"widget":...,
 * "storagePrefix":...}` once it listens: `connectTiledeskEmulator(url, { controlToken })` drives it
 * (the token keeps web pages out).
 */
import { startTiledeskEmulator } from './lib/emulator';
import type { TiledeskEmulatorOptions } from './lib/types';

const USAGE =
  'usage: tiledesk-emulator [--port N] [--host H] [--boot-delay-ms N] [--latency-ms N] [--storage-prefix P] [--widget-build DIR] [--project ID:SECRET]... [--exit-on-stdin-close]';

function fail(message: string): never {
  process.stderr.write(`tiledesk-emulator: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { options: TiledeskEmulatorOptions; exitOnStdinClose: boolean } {
  const options: TiledeskEmulatorOptions = {};
  const projects: Array<{ id: string; secret: string }> = [];
  let exitOnStdinClose = false;
  const number = (flag: string, value: string | undefined): number => {
    const parsed = Number(value);
    if (value === undefined || value.trim() === '' || !Number.isInteger(parsed) || parsed < 0)
      fail(`${flag} needs an integer >= 0; got ${JSON.stringify(value)}`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) fail(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port':
        options.port = number(flag, value());
        break;
      case '--host':
        options.host = value();
        break;
      case '--boot-delay-ms':
        options.bootDelayMs = number(flag, value());
        break;
      case '--latency-ms':
        options.latencyMs = number(flag, value());
        break;
      case '--storage-prefix':
        options.storagePrefix = value();
        break;
      case '--widget-build':
        options.widgetBuildDir = value();
        break;
      case '--project': {
        const spec = value();
        const colon = spec.indexOf(':');
        if (colon <= 0 || colon === spec.length - 1) fail(`--project needs ID:SECRET; got ${JSON.stringify(spec)}`);
        projects.push({ id: spec.slice(0, colon), secret: spec.slice(colon + 1) });
        break;
      }
      case '--exit-on-stdin-close':
        exitOnStdinClose = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
      // falls through (process.exit never returns)
      default:
        fail(`unknown argument ${JSON.stringify(flag)}`);
    }
  }
  if (projects.length > 0) options.projects = projects;
  return { options, exitOnStdinClose };
}

async function main(): Promise<void> {
  const { options, exitOnStdinClose } = parseArgs(process.argv.slice(2));
  const emulator = await startTiledeskEmulator(options);
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    void emulator.close().finally(() => process.exit(0));
  };
  // Before the line is printed: a parent that reads it may signal at once, and a signal that
  // arrives before its handler exists kills the process instead of closing the emulator.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { url, widgetUrl, apiUrl, controlToken, widget, storagePrefix } = emulator;
  process.stdout.write(`${JSON.stringify({ url, widgetUrl, apiUrl, controlToken, widget, storagePrefix })}\n`);
  if (exitOnStdinClose) {
    // The parent (a Jest global setup) holds our stdin: if it dies without tearing down, we go too.
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.resume();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`tiledesk-emulator: ${error.message}\n`);
  process.exit(1);
});
