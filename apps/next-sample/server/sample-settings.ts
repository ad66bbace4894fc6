import { parseOrigins } from '@samples/kit';
import { assertTokenHandlerOptions, TiledeskTokenError } from '@tiledesk-auth/server';

/**
 * Tiledesk cloud's widget, for a real project given without `TILEDESK_WIDGET_URL`.
 *
 * @example
 * ```ts
 * settings.widgetUrl ?? CLOUD_WIDGET_URL;
 * ```
 */
export const CLOUD_WIDGET_URL = 'https://widget.tiledesk.com/v6/launch.js';

/**
 * Shortest `SESSION_SECRET` accepted: iron-session needs 32 characters to seal a cookie.
 *
 * @example
 * ```ts
 * if (secret.length < MIN_SESSION_SECRET_LENGTH) throw new Error('too short');
 * ```
 */
export const MIN_SESSION_SECRET_LENGTH = 32;

/**
 * A setting the sample cannot start with; the message names the variable and never quotes a
 * value that could be a secret.
 *
 * @example
 * ```ts
 * throw new SampleSettingsError('SESSION_SECRET', 'SESSION_SECRET is blank.');
 * ```
 */
export class SampleSettingsError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'SampleSettingsError';
  }
}

/**
 * What the sample signs for: a real Tiledesk project, or an emulator (handed over by URL, or one
 * the server starts itself).
 *
 * @example
 * ```ts
 * if (settings.tiledesk.kind === 'project') console.log(settings.tiledesk.projectId);
 * ```
 */
export type TiledeskTarget =
  | { readonly kind: 'project'; readonly projectId: string; readonly secret: string; readonly widgetUrl: string }
  | {
      readonly kind: 'emulator';
      /** An emulator already running (another process or the test's own); unset: start one. */
      readonly emulatorUrl: string | undefined;
      readonly controlToken: string | undefined;
      /** A build of the real widget the emulator serves (or, handed over, is serving). */
      readonly realWidgetDir: string | undefined;
    };

/**
 * The sample's settings, read from the environment by {@link readSampleSettings}.
 *
 * @example
 * ```ts
 * const { tiledesk, sessionSecret } = readSampleSettings(process.env);
 * ```
 */
export interface SampleSettings {
  readonly tiledesk: TiledeskTarget;
  /** Key of the sealed session cookie; `undefined` in emulator mode means "make one per process". */
  readonly sessionSecret: string | undefined;
  /** Token lifetime in seconds; `undefined` is the server package's default (600). */
  readonly tokenExpiresIn: number | undefined;
  /** Real project only: origins the widget calls (its `apiUrl`, its MQTT endpoint), for the page's CSP. */
  readonly cspConnectSrc: readonly string[];
}

/**
 * Reads and checks the environment: `TILEDESK_PROJECT_ID` + `TILEDESK_SHARED_SECRET` (both or
 * neither; neither means the emulator), `TILEDESK_WIDGET_URL`, `SESSION_SECRET` (required with a
 * real project), `TOKEN_EXPIRES_IN`, `CSP_CONNECT_SRC` (real project only), and for the emulator `TILEDESK_EMULATOR_URL` +
 * `TILEDESK_EMULATOR_CONTROL_TOKEN` and `TILEDESK_REAL_WIDGET_DIR`. Throws a
 * {@link SampleSettingsError} naming the variable. Called when the server starts, never at import,
 * so `next build` needs none of them.
 *
 * @example
 * ```ts
 * const settings = readSampleSettings({ SESSION_SECRET: undefined }); // the emulator, a session key per process
 * ```
 */
export function readSampleSettings(env: Readonly<Record<string, string | undefined>>): SampleSettings {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
  const projectId = value('TILEDESK_PROJECT_ID');
  const secret = value('TILEDESK_SHARED_SECRET');
  if ((projectId === undefined) !== (secret === undefined)) {
    const [given, missing] =
      projectId === undefined ? ['TILEDESK_SHARED_SECRET', 'TILEDESK_PROJECT_ID'] : ['TILEDESK_PROJECT_ID', 'TILEDESK_SHARED_SECRET'];
    throw new SampleSettingsError(
      missing,
      `${given} is set but ${missing} is not: set both for a real Tiledesk project, or neither for the emulator.`,
    );
  }
  const sessionSecret = env['SESSION_SECRET'];
  if (sessionSecret !== undefined) checkSessionSecret(sessionSecret);
  const tokenExpiresIn = parseExpiresIn(value('TOKEN_EXPIRES_IN'));
  const connectList = value('CSP_CONNECT_SRC');

  if (projectId !== undefined && secret !== undefined) {
    for (const name of ['TILEDESK_EMULATOR_URL', 'TILEDESK_REAL_WIDGET_DIR']) {
      if (value(name) !== undefined)
        throw new SampleSettingsError(name, `${name} is for the emulator; unset it to use the real Tiledesk project.`);
    }
    if (sessionSecret === undefined) {
      throw new SampleSettingsError(
        'SESSION_SECRET',
        'SESSION_SECRET is required with a real Tiledesk project (it seals the session cookie): set it to 32+ random characters.',
      );
    }
    const widgetUrl = value('TILEDESK_WIDGET_URL') ?? CLOUD_WIDGET_URL;
    checkWidgetUrl(widgetUrl);
    checkTokenInputs(projectId, secret, tokenExpiresIn);
    const cspConnectSrc =
      connectList === undefined
        ? []
        : parseOrigins(connectList, 'CSP_CONNECT_SRC', (variable, message) => new SampleSettingsError(variable, message));
    return { tiledesk: { kind: 'project', projectId, secret, widgetUrl }, sessionSecret, tokenExpiresIn, cspConnectSrc };
  }

  if (value('TILEDESK_WIDGET_URL') !== undefined) {
    throw new SampleSettingsError(
      'TILEDESK_WIDGET_URL',
      'TILEDESK_WIDGET_URL needs TILEDESK_PROJECT_ID and TILEDESK_SHARED_SECRET; without them the sample uses the emulator.',
    );
  }
  if (connectList !== undefined) {
    throw new SampleSettingsError(
      'CSP_CONNECT_SRC',
      "CSP_CONNECT_SRC is for a real Tiledesk project; the emulator's widget reaches only the emulator.",
    );
  }
  const emulatorUrl = value('TILEDESK_EMULATOR_URL');
  if (emulatorUrl !== undefined && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\/?$/.test(emulatorUrl)) {
    throw new SampleSettingsError(
      'TILEDESK_EMULATOR_URL',
      'TILEDESK_EMULATOR_URL must be a loopback http origin such as http://127.0.0.1:4710.',
    );
  }
  checkTokenInputs('000000000000000000000000', 'emulator-makes-its-own-secret', tokenExpiresIn);
  return {
    tiledesk: {
      kind: 'emulator',
      emulatorUrl: emulatorUrl?.replace(/\/$/, ''),
      controlToken: value('TILEDESK_EMULATOR_CONTROL_TOKEN'),
      realWidgetDir: value('TILEDESK_REAL_WIDGET_DIR'),
    },
    sessionSecret,
    tokenExpiresIn,
    cspConnectSrc: [],
  };
}

function checkSessionSecret(secret: string): void {
  const distinct = new Set(secret).size;
  const problem =
    secret.trim() === ''
      ? 'is blank'
      : secret.length < MIN_SESSION_SECRET_LENGTH
        ? `is too short (${secret.length} characters, at least ${MIN_SESSION_SECRET_LENGTH})`
        : distinct < 8
          ? `repeats too few characters (${distinct} distinct) to be a key`
          : undefined;
  if (problem !== undefined) {
    throw new SampleSettingsError(
      'SESSION_SECRET',
      `SESSION_SECRET ${problem}: use a random value, e.g. node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))".`,
    );
  }
}

function checkWidgetUrl(widgetUrl: string): void {
  let url: URL | undefined;
  try {
    url = new URL(widgetUrl);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    url.username !== '' ||
    url.password !== '' ||
    !url.pathname.endsWith('/launch.js') ||
    url.search !== ''
  ) {
    throw new SampleSettingsError(
      'TILEDESK_WIDGET_URL',
      'TILEDESK_WIDGET_URL must be an http(s) URL ending in /launch.js, with no query or credentials.',
    );
  }
}

function parseExpiresIn(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new SampleSettingsError('TOKEN_EXPIRES_IN', 'TOKEN_EXPIRES_IN must be a whole number of seconds.');
  return Number(raw);
}

/** The server package's own rules for the project id, the secret and the lifetime. */
function checkTokenInputs(projectId: string, secret: string, expiresIn: number | undefined): void {
  const names: Record<string, string> = {
    projectId: 'TILEDESK_PROJECT_ID',
    secret: 'TILEDESK_SHARED_SECRET',
    expiresIn: 'TOKEN_EXPIRES_IN',
  };
  try {
    assertTokenHandlerOptions({ projectId, secret, expiresIn, getUser: () => null });
  } catch (error) {
    if (!(error instanceof TiledeskTokenError)) throw error;
    const name = names[error.field] ?? error.field;
    // The library's message may quote a short bad value, and a secret pasted into the wrong
    // variable would be quoted with it: say what is wrong without it.
    const rule =
      error.field === 'projectId'
        ? 'must be a Tiledesk project id: 24 hexadecimal characters'
        : error.field === 'secret'
          ? "must be the project's shared secret (16+ characters)"
          : 'must be from 1 to 86400 seconds';
    throw new SampleSettingsError(name, `${name} ${rule}.`);
  }
}
