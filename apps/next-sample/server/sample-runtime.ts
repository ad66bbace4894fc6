import { processMemo } from './process-memo';
import { readSampleSettings, SampleSettingsError } from './sample-settings';
import { sessionKey } from './session-key';
import { TokenEndpoint } from './token-endpoint';

/**
 * What `GET /api/config` answers, the same shape as the token server's: public, nothing secret.
 *
 * @example
 * ```ts
 * const config: SamplePublicConfig = { projectId, widgetUrl, mode: 'emulator', widget: 'emulated' };
 * ```
 */
export interface SamplePublicConfig {
  readonly projectId: string;
  readonly widgetUrl: string;
  readonly mode: 'emulator' | 'tiledesk';
  readonly widget: 'emulated' | 'real';
}

/**
 * The sample's server state, made once per process: the public config, the token endpoint, and
 * whether the `/__test/*` hooks exist (emulator mode only).
 *
 * @example
 * ```ts
 * const { config, tokenEndpoint } = await sampleRuntime();
 * ```
 */
export interface SampleRuntime {
  readonly config: SamplePublicConfig;
  readonly tokenEndpoint: TokenEndpoint;
  readonly testHooks: boolean;
}

/**
 * The runtime, created at the first call of the process (`instrumentation.ts` makes that call at
 * start-up, so a bad setting stops the server before it serves anything). With the emulator, the
 * project is created on the emulator `TILEDESK_EMULATOR_URL` names (the one `main.ts` started, or
 * the test's own) through its control API.
 *
 * @example
 * ```ts
 * export async function GET() {
 *   return Response.json((await sampleRuntime()).config);
 * }
 * ```
 */
export function sampleRuntime(): Promise<SampleRuntime> {
  return processMemo('next-sample:runtime', () => createRuntime());
}

async function createRuntime(): Promise<SampleRuntime> {
  const settings = readSampleSettings(process.env);
  // Fail now rather than at the first sign-in when the session key is missing.
  sessionKey();
  const { tiledesk } = settings;
  if (tiledesk.kind === 'project') {
    return {
      config: { projectId: tiledesk.projectId, widgetUrl: tiledesk.widgetUrl, mode: 'tiledesk', widget: 'real' },
      tokenEndpoint: new TokenEndpoint({ projectId: tiledesk.projectId, secret: tiledesk.secret, expiresIn: settings.tokenExpiresIn }),
      testHooks: false,
    };
  }
  if (tiledesk.emulatorUrl === undefined) {
    throw new SampleSettingsError(
      'TILEDESK_EMULATOR_URL',
      'no Tiledesk emulator: start the sample with its main.ts (npx nx run next-sample:start starts one), or set TILEDESK_EMULATOR_URL and TILEDESK_EMULATOR_CONTROL_TOKEN.',
    );
  }
  // Loaded only here: a real project never loads the emulator's client.
  const { connectTiledeskEmulator } = await import('@tiledesk-auth/testing/client');
  const emulator = connectTiledeskEmulator(
    tiledesk.emulatorUrl,
    tiledesk.controlToken === undefined ? {} : { controlToken: tiledesk.controlToken },
  );
  const project = await emulator.createProject();
  return {
    config: {
      projectId: project.id,
      widgetUrl: project.widgetUrl,
      mode: 'emulator',
      // The emulator serves the build TILEDESK_REAL_WIDGET_DIR names (main.ts hands it over; a test passes the same one).
      widget: tiledesk.realWidgetDir === undefined ? 'emulated' : 'real',
    },
    tokenEndpoint: new TokenEndpoint({ projectId: project.id, secret: project.secret, expiresIn: settings.tokenExpiresIn }),
    testHooks: true,
  };
}
