import { fetchTiledeskToken, loadBootData, logIn, logOut } from './sample-api';

const ada = { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' };
const config = { projectId: '65f0c0ffee0123456789abcd', widgetUrl: 'http://127.0.0.1:4400/widget/launch.js', mode: 'emulator' };

/** The server: `answer(path, init)` gives each request's status and body; the calls are kept. */
function serve(answer: (path: string, init: RequestInit) => { status: number; body?: unknown }) {
  const calls: Array<[string, RequestInit]> = [];
  globalThis.fetch = (async (path: string, init: RequestInit) => {
    calls.push([path, init]);
    const { status, body } = answer(path, init);
    return { ok: status >= 200 && status < 300, status, json: async () => body };
  }) as unknown as typeof fetch;
  return calls;
}

describe('the sample API client', () => {
  it('reads the boot data from the three GET routes, with the session cookie', async () => {
    const bodies: Record<string, unknown> = { '/api/config': config, '/api/demo-users': [ada], '/api/session': { user: ada } };
    const calls = serve((path) => ({ status: 200, body: bodies[path] }));
    await expect(loadBootData()).resolves.toEqual({ config, users: [ada], sessionUser: ada });
    expect(calls.map(([path, init]) => [path, init.method, init.credentials])).toEqual([
      ['/api/config', 'GET', 'include'],
      ['/api/demo-users', 'GET', 'include'],
      ['/api/session', 'GET', 'include'],
    ]);
  });

  it('says which call the server refused, with its status', async () => {
    serve((path) => (path === '/api/demo-users' ? { status: 502 } : { status: 200, body: {} }));
    await expect(loadBootData()).rejects.toMatchObject({ message: 'GET /api/demo-users answered HTTP 502', status: 502 });
    serve(() => ({ status: 500 }));
    await expect(logIn('ada')).rejects.toThrow('POST /api/session answered HTTP 500');
    await expect(logOut()).rejects.toThrow('DELETE /api/session answered HTTP 500');
  });

  it('logs in with a JSON body and out with a DELETE', async () => {
    const calls = serve((_path, init) => ({ status: 200, body: { user: init.method === 'POST' ? ada : null } }));
    await expect(logIn('ada')).resolves.toEqual(ada);
    await expect(logOut()).resolves.toBeUndefined();
    expect(calls).toEqual([
      [
        '/api/session',
        expect.objectContaining({ method: 'POST', body: '{"userId":"ada"}', headers: { 'Content-Type': 'application/json' } }),
      ],
      ['/api/session', expect.objectContaining({ method: 'DELETE', body: undefined })],
    ]);
  });

  it('fetches the token: the token, null for the 401 (no session), an error with the status otherwise', async () => {
    serve(() => ({ status: 200, body: { token: 'JWT a.b.c', expiresAt: 1 } }));
    await expect(fetchTiledeskToken()).resolves.toBe('JWT a.b.c');
    serve(() => ({ status: 401, body: { error: 'not-signed-in' } }));
    await expect(fetchTiledeskToken()).resolves.toBeNull();
    serve(() => ({ status: 503 }));
    await expect(fetchTiledeskToken()).rejects.toMatchObject({ message: 'POST /api/tiledesk-token answered HTTP 503', status: 503 });
  });

  it('cuts a hung token request off', async () => {
    const calls = serve(() => ({ status: 200, body: { token: 'JWT a.b.c' } }));
    await fetchTiledeskToken();
    expect(calls[0]?.[1].signal).toBeInstanceOf(AbortSignal);
  });
});
