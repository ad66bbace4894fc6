import { CLOUD_WIDGET_URL, readSampleSettings, SampleSettingsError } from './sample-settings';

const PROJECT_ID = '65f0c0ffee0123456789abcd';
const SECRET = 'c6b7a1e4-1f0e-4d2b-9a55-0c3b8e2f7d61';
const SESSION_SECRET = 'Jx8fK2pQ9vL4mN7rT1wY5zB3cD6gH0sA';

/** The error `readSampleSettings(env)` throws (the test fails when it throws nothing). */
function refusal(env: Record<string, string>): SampleSettingsError {
  try {
    readSampleSettings(env);
  } catch (error) {
    if (error instanceof SampleSettingsError) return error;
    throw error;
  }
  throw new Error(`no refusal for ${Object.keys(env).join(', ')}`);
}

describe('readSampleSettings', () => {
  it('uses the emulator without Tiledesk variables, with a session key made per process', () => {
    expect(readSampleSettings({})).toEqual({
      tiledesk: { kind: 'emulator', emulatorUrl: undefined, controlToken: undefined, realWidgetDir: undefined },
      sessionSecret: undefined,
      tokenExpiresIn: undefined,
      cspConnectSrc: [],
    });
  });

  it('takes a running emulator, its control token and the build it serves', () => {
    const { tiledesk } = readSampleSettings({
      TILEDESK_EMULATOR_URL: 'http://127.0.0.1:4710/',
      TILEDESK_EMULATOR_CONTROL_TOKEN: 'control',
      TILEDESK_REAL_WIDGET_DIR: '/builds/widget/dist',
    });
    expect(tiledesk).toEqual({
      kind: 'emulator',
      emulatorUrl: 'http://127.0.0.1:4710',
      controlToken: 'control',
      realWidgetDir: '/builds/widget/dist',
    });
  });

  it('signs for a real project with its secret, the cloud widget by default, and SESSION_SECRET', () => {
    const settings = readSampleSettings({
      TILEDESK_PROJECT_ID: PROJECT_ID,
      TILEDESK_SHARED_SECRET: SECRET,
      SESSION_SECRET,
      TOKEN_EXPIRES_IN: '300',
    });
    expect(settings).toEqual({
      tiledesk: { kind: 'project', projectId: PROJECT_ID, secret: SECRET, widgetUrl: CLOUD_WIDGET_URL },
      sessionSecret: SESSION_SECRET,
      tokenExpiresIn: 300,
      cspConnectSrc: [],
    });
  });

  it("reads CSP_CONNECT_SRC as exact origins for a real project's page policy, and refuses it with the emulator", () => {
    const real = { TILEDESK_PROJECT_ID: PROJECT_ID, TILEDESK_SHARED_SECRET: SECRET, SESSION_SECRET };
    expect(
      readSampleSettings({ ...real, CSP_CONNECT_SRC: 'https://api.example.com/v3/, wss://chat.example.com/mqws/ws' }).cspConnectSrc,
    ).toEqual(['https://api.example.com', 'wss://chat.example.com']);
    expect(refusal({ ...real, CSP_CONNECT_SRC: "'unsafe-inline'" }).variable).toBe('CSP_CONNECT_SRC');
    expect(refusal({ CSP_CONNECT_SRC: 'https://api.example.com' }).message).toMatch(/for a real Tiledesk project/);
  });

  it('refuses a real project without SESSION_SECRET', () => {
    const error = refusal({ TILEDESK_PROJECT_ID: PROJECT_ID, TILEDESK_SHARED_SECRET: SECRET });
    expect(error.variable).toBe('SESSION_SECRET');
    expect(error.message).toMatch(/^SESSION_SECRET is required with a real Tiledesk project/);
  });

  it.each([
    [{ TILEDESK_PROJECT_ID: PROJECT_ID }, 'TILEDESK_SHARED_SECRET', /TILEDESK_PROJECT_ID is set but TILEDESK_SHARED_SECRET is not/],
    [{ TILEDESK_SHARED_SECRET: SECRET }, 'TILEDESK_PROJECT_ID', /TILEDESK_SHARED_SECRET is set but TILEDESK_PROJECT_ID is not/],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET', /too short \(5 characters/],
    [{ SESSION_SECRET: 'ab'.repeat(20) }, 'SESSION_SECRET', /repeats too few characters/],
    [{ TILEDESK_WIDGET_URL: 'https://widget.example.com/launch.js' }, 'TILEDESK_WIDGET_URL', /needs TILEDESK_PROJECT_ID/],
    [{ TILEDESK_EMULATOR_URL: 'http://emulator.example.com:4710' }, 'TILEDESK_EMULATOR_URL', /loopback/],
    [{ TOKEN_EXPIRES_IN: 'ten' }, 'TOKEN_EXPIRES_IN', /whole number/],
    [{ TOKEN_EXPIRES_IN: '90000' }, 'TOKEN_EXPIRES_IN', /1 to 86400/],
    [
      {
        TILEDESK_PROJECT_ID: PROJECT_ID,
        TILEDESK_SHARED_SECRET: SECRET,
        SESSION_SECRET,
        TILEDESK_WIDGET_URL: 'https://widget.example.com/x.js?a=1',
      },
      'TILEDESK_WIDGET_URL',
      /must be an http\(s\) URL ending in \/launch\.js/,
    ],
    [
      { TILEDESK_PROJECT_ID: PROJECT_ID, TILEDESK_SHARED_SECRET: SECRET, SESSION_SECRET, TILEDESK_REAL_WIDGET_DIR: '/builds/widget/dist' },
      'TILEDESK_REAL_WIDGET_DIR',
      /is for the emulator/,
    ],
  ] as const)('refuses %j, naming %s', (env, variable, message) => {
    const error = refusal(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
  });

  it('never quotes a value that may be a secret', () => {
    // A secret pasted as the project id, and the project id as the secret.
    const swapped = refusal({ TILEDESK_PROJECT_ID: SECRET, TILEDESK_SHARED_SECRET: PROJECT_ID, SESSION_SECRET });
    expect(swapped.variable).toBe('TILEDESK_PROJECT_ID');
    expect(swapped.message).not.toContain(SECRET);
    expect(swapped.message).not.toContain(PROJECT_ID);
    const weakKey = refusal({ SESSION_SECRET: 'hunter2-hunter2' });
    expect(weakKey.message).not.toContain('hunter2');
  });
});
