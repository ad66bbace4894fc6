import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative as relativePath } from 'node:path';
import { tokenServerOptionsFromEnv } from './config-from-env';
import { TokenServerConfigError } from './token-server-options';

const PROJECT_ID = '65f0c0ffee0123456789abcd';
const SECRET = '5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f';

function configError(env: Record<string, string>): TokenServerConfigError {
  try {
    tokenServerOptionsFromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenServerConfigError);
    return error as TokenServerConfigError;
  }
  throw new Error('no configuration error for a bad environment');
}

describe('tokenServerOptionsFromEnv', () => {
  it('defaults to emulator mode on 127.0.0.1:4300', () => {
    expect(tokenServerOptionsFromEnv({})).toEqual({ port: 4300, host: '127.0.0.1' });
  });

  it('reads real Tiledesk credentials, URLs, lifetime, host, port and session secret', () => {
    expect(
      tokenServerOptionsFromEnv({
        PORT: '8080',
        HOST: '0.0.0.0',
        TILEDESK_PROJECT_ID: PROJECT_ID,
        TILEDESK_SHARED_SECRET: SECRET,
        TILEDESK_WIDGET_URL: 'https://widget.example.com/v6/launch.js',
        TOKEN_EXPIRES_IN: '300',
        SESSION_SECRET: 'a-session-secret-of-a-good-length',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      tiledesk: {
        projectId: PROJECT_ID,
        secret: SECRET,
        widgetUrl: 'https://widget.example.com/v6/launch.js',
      },
      tokenExpiresIn: 300,
      sessionSecret: 'a-session-secret-of-a-good-length',
    });
  });

  it('reads TILEDESK_REAL_WIDGET_DIR as an absolute folder holding launch.js', () => {
    const build = mkdtempSync(join(tmpdir(), 'real-widget-build-'));
    try {
      writeFileSync(join(build, 'launch.js'), '');
      const relative = relativePath(process.cwd(), build);
      expect(tokenServerOptionsFromEnv({ TILEDESK_REAL_WIDGET_DIR: relative })).toEqual({
        port: 4300,
        host: '127.0.0.1',
        realWidgetDir: build,
      });
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
  });

  it('takes PORT=0 as "pick a free port"', () => {
    expect(tokenServerOptionsFromEnv({ PORT: '0' })).toEqual({ port: 0, host: '127.0.0.1' });
  });

  it('treats empty variables as unset', () => {
    expect(tokenServerOptionsFromEnv({ PORT: '', TILEDESK_PROJECT_ID: ' ', TILEDESK_SHARED_SECRET: '' })).toEqual({
      port: 4300,
      host: '127.0.0.1',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /PORT must be a port number/],
    [{ PORT: '70000' }, 'PORT', /PORT must be a port number/],
    [{ PORT: '-1' }, 'PORT', /PORT must be a port number/],
    [{ TILEDESK_PROJECT_ID: PROJECT_ID }, 'TILEDESK_SHARED_SECRET', /TILEDESK_PROJECT_ID is set but TILEDESK_SHARED_SECRET is not/],
    [{ TILEDESK_SHARED_SECRET: SECRET }, 'TILEDESK_PROJECT_ID', /TILEDESK_SHARED_SECRET is set but TILEDESK_PROJECT_ID is not/],
    [
      { TILEDESK_PROJECT_ID: 'abc', TILEDESK_SHARED_SECRET: SECRET },
      'TILEDESK_PROJECT_ID',
      /TILEDESK_PROJECT_ID must be a Tiledesk project id/,
    ],
    [{ TILEDESK_PROJECT_ID: PROJECT_ID, TILEDESK_SHARED_SECRET: 'short' }, 'TILEDESK_SHARED_SECRET', /TILEDESK_SHARED_SECRET is too short/],
    [{ TILEDESK_WIDGET_URL: 'https://w.example.com/launch.js' }, 'TILEDESK_WIDGET_URL', /needs TILEDESK_PROJECT_ID/],
    [{ TILEDESK_REAL_WIDGET_DIR: '/nonexistent-widget-build' }, 'TILEDESK_REAL_WIDGET_DIR', /no folder at \/nonexistent-widget-build/],
    [{ TILEDESK_REAL_WIDGET_DIR: __dirname }, 'TILEDESK_REAL_WIDGET_DIR', /no launch\.js in /],
    [
      { TILEDESK_PROJECT_ID: PROJECT_ID, TILEDESK_SHARED_SECRET: SECRET, TILEDESK_REAL_WIDGET_DIR: __dirname },
      'TILEDESK_REAL_WIDGET_DIR',
      /is for the offline emulator/,
    ],
    [{ TOKEN_EXPIRES_IN: '10m' }, 'TOKEN_EXPIRES_IN', /whole number of seconds/],
    [{ TOKEN_EXPIRES_IN: '0' }, 'TOKEN_EXPIRES_IN', /TOKEN_EXPIRES_IN must be a whole number of seconds from 1 to 86400/],
    [{ TOKEN_EXPIRES_IN: '90000' }, 'TOKEN_EXPIRES_IN', /from 1 to 86400/],
  ])('reports %j as one line naming %s', (env, setting, message) => {
    const error = configError(env);
    expect(error.setting).toBe(setting);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/\n/);
  });

  it('never repeats the shared secret in an error', () => {
    const error = configError({ TILEDESK_PROJECT_ID: 'bad', TILEDESK_SHARED_SECRET: SECRET });
    expect(error.message).not.toContain(SECRET);
    expect(configError({ TILEDESK_PROJECT_ID: PROJECT_ID, TILEDESK_SHARED_SECRET: 'tooShortSecret' }).message).not.toContain(
      'tooShortSecret',
    );
    // Swapped variables: the secret sits where the project id belongs and is reported first.
    const swapped = configError({ TILEDESK_PROJECT_ID: SECRET, TILEDESK_SHARED_SECRET: PROJECT_ID });
    expect(swapped.setting).toBe('TILEDESK_PROJECT_ID');
    expect(swapped.message).not.toContain(SECRET);
    expect(swapped.message).toMatch(/looks like a shared secret/);
  });
});
