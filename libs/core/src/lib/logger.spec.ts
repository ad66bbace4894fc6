import { emulator, failure, useClientFixture } from '../test/client-fixture.js';
import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { host, until } from '../test/widget-page.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';

const fx = useClientFixture();
const token = (userId = 'ada', expiresIn = 600) =>
  mintVisitorToken(fx.project.id, fx.project.secret, { userId, expiresInSeconds: expiresIn });

/** A logger that keeps every line, and the text of everything it was given (nested causes too). */
function recordingLogger() {
  const lines: { level: string; message: string; details: unknown[] }[] = [];
  const keep =
    (level: string) =>
    (message: string, ...details: unknown[]) =>
      void lines.push({ level, message, details });
  return {
    lines,
    logger: { debug: keep('debug'), warn: keep('warn'), error: keep('error') },
    text: () => lines.map((l) => l.message + ' ' + l.details.map((d) => deepText(d)).join(' ')).join('\n'),
  };
}

function deepText(value: unknown, seen = new Set<unknown>()): string {
  if (value === null || typeof value !== 'object') return String(value);
  if (seen.has(value)) return '';
  seen.add(value);
  const own = Object.getOwnPropertyNames(value).map((k) => k + '=' + deepText((value as Record<string, unknown>)[k], seen));
  return [String(value), ...own].join(' ');
}

const errors = (rec: ReturnType<typeof recordingLogger>) => rec.lines.filter((l) => l.level === 'error');

describe('the logger hears about every failure', () => {
  it('a token fetch, with the HTTP status the fetcher error carries', async () => {
    const rec = recordingLogger();
    const client = fx.make({
      getToken: () => Promise.reject(Object.assign(new Error('token endpoint'), { status: 503 })),
      logger: rec.logger,
    });
    const error = await failure(client.signIn());
    expect(error).toMatchObject({ code: 'token-fetch-failed', status: 503, message: 'getToken() failed (HTTP 503)' });
    expect(errors(rec)).toEqual([{ level: 'error', message: 'tiledesk: sign-in failed: getToken() failed (HTTP 503)', details: [error] }]);
    // axios and ky put it on the response.
    const other = fx.make({ getToken: () => Promise.reject({ response: { status: 500 } }), logger: rec.logger });
    expect((await failure(other.signIn()))?.status).toBe(500);
    await client.ready;
  });

  it('a token Tiledesk refused', async () => {
    const rec = recordingLogger();
    const client = fx.make({ logger: rec.logger });
    await client.load();
    await emulator.failNext(fx.project.id, 'signinWithCustomToken', { status: 401 });
    expect((await failure(client.signIn(await token())))?.code).toBe('token-rejected');
    expect(errors(rec).map((l) => l.message)).toEqual(['tiledesk: sign-in failed: Tiledesk refused the token']);
  });

  it('a script that does not load, without a sign-in under way', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const rec = recordingLogger();
    const client = fx.make({ widgetUrl: emulator.url + '/missing/launch.js', logger: rec.logger });
    expect((await failure(client.load()))?.code).toBe('script-load-failed');
    expect(errors(rec).map((l) => l.message)).toEqual([
      'tiledesk: the widget failed to load: Cannot load ' + emulator.url + '/missing/launch.js',
    ]);
    expect(errors(rec)[0]?.details[0]).toBeInstanceOf(TiledeskAuthError);
    quiet.mockRestore();
  });

  it('a widget that does not boot in time', async () => {
    const rec = recordingLogger();
    const client = fx.make({ bootImmediately: false, loadTimeoutMs: 300, logger: rec.logger });
    expect((await failure(client.load()))?.code).toBe('timeout');
    expect(errors(rec).map((l) => l.message)).toEqual(['tiledesk: the widget failed to load: Widget did not boot in 300 ms']);
    // Let this page's launcher boot now, so it cannot boot into the next test's page.
    document.dispatchEvent(new Event('mousemove'));
    await until('the late boot', () => host.tiledesk);
  });

  it('never with the token: no line holds the JWT through sign-in, refusal, refresh and sign-out', async () => {
    const rec = recordingLogger();
    const tokens: string[] = [];
    let refuse = false;
    const getToken = async () => {
      const t = await token('ada', 2);
      tokens.push(t);
      if (refuse) await emulator.failNext(fx.project.id, 'signinWithCustomToken', { status: 401 });
      return t;
    };
    const client = fx.make({ getToken, refreshMarginSeconds: 1, logger: rec.logger });
    await client.signIn();
    refuse = true;
    await until('the refused refresh', () => client.getState().status === 'error', 6000);
    refuse = false;
    expect((await failure(client.signIn('JWT not.a-valid.token')))?.code).toBe('invalid-token');
    await client.signIn();
    await client.signOut();
    expect(errors(rec).length).toBeGreaterThanOrEqual(2);
    const text = rec.text();
    for (const t of tokens) {
      const jwt = t.slice(4);
      expect(text).not.toContain(jwt);
      // Not even its signature alone.
      expect(text).not.toContain(jwt.split('.')[2]);
    }
  });
});
