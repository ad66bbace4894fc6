import { TiledeskTokenError } from '@tiledesk-auth/server';
import { TokenEndpoint } from './token-endpoint';

const PROJECT_ID = '65f0c0ffee0123456789abcd';
const SECRET = 'c6b7a1e4-1f0e-4d2b-9a55-0c3b8e2f7d61';

function tokenRequest(signal?: AbortSignal): Request {
  return new Request('http://127.0.0.1/api/tiledesk-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    ...(signal === undefined ? {} : { signal }),
  });
}

describe('TokenEndpoint', () => {
  it('refuses a bad change at once and keeps signing with what it had', () => {
    const endpoint = new TokenEndpoint({ projectId: PROJECT_ID, secret: SECRET, expiresIn: 600 });
    expect(() => endpoint.update({ secret: 'short' })).toThrow(TiledeskTokenError);
    expect(() => endpoint.update({ expiresIn: 0 })).toThrow(TiledeskTokenError);
    // A good change after the refused ones still builds from the kept secret.
    expect(() => endpoint.update({ expiresIn: 30 })).not.toThrow();
  });

  it('refuses bad settings when it is created', () => {
    expect(() => new TokenEndpoint({ projectId: 'not-a-project', secret: SECRET, expiresIn: undefined })).toThrow(TiledeskTokenError);
  });

  it('fails the next requests with the injected status, then stops', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const endpoint = new TokenEndpoint({ projectId: PROJECT_ID, secret: SECRET, expiresIn: undefined });
    endpoint.injectFault({ status: 503, hang: false, remaining: 2 });
    for (let i = 0; i < 2; i++) {
      const response = await endpoint.handle(tokenRequest());
      expect(response.status).toBe(503);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ error: 'injected-fault', message: 'Test hook: this request fails with 503.' });
    }
    // The fault is used up: the third request reaches createTokenHandler()'s handler, whose session
    // check has no Next.js request here, so it answers its own error, not the injected one.
    const third = await endpoint.handle(tokenRequest());
    expect(((await third.json()) as { error: string }).error).not.toBe('injected-fault');
  });

  it('holds a hung request until the browser gives up on it', async () => {
    const endpoint = new TokenEndpoint({ projectId: PROJECT_ID, secret: SECRET, expiresIn: undefined });
    endpoint.injectFault({ status: 500, hang: true, remaining: 1 });
    const giveUp = new AbortController();
    let answered = false;
    const answer = endpoint.handle(tokenRequest(giveUp.signal)).then((response) => {
      answered = true;
      return response;
    });
    await Promise.resolve();
    expect(answered).toBe(false);
    giveUp.abort();
    expect((await answer).status).toBe(499);
  });
});
