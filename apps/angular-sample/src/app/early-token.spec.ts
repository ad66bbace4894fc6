import { requestTokenEarly, takeEarlyToken } from './early-token';

describe('the early token request', () => {
  const realFetch = globalThis.fetch;
  let fetchMock: jest.Mock;
  beforeEach(() => {
    fetchMock = jest.fn();
    globalThis.fetch = fetchMock;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    takeEarlyToken();
  });

  it('posts to the token endpoint with the session cookie, and the first getToken alone takes the token', async () => {
    fetchMock.mockResolvedValue({ ok: true, status: 200, json: async () => ({ token: 'JWT abc' }) });
    requestTokenEarly();
    expect(fetchMock).toHaveBeenCalledWith('/api/tiledesk-token', expect.objectContaining({ method: 'POST', credentials: 'include' }));
    await expect(takeEarlyToken()).resolves.toBe('JWT abc');
    expect(takeEarlyToken()).toBeUndefined();
  });

  it('answers null for 401 (nobody logged in), and an error with the status otherwise', async () => {
    fetchMock.mockResolvedValueOnce({ ok: false, status: 401 });
    requestTokenEarly();
    await expect(takeEarlyToken()).resolves.toBeNull();
    fetchMock.mockResolvedValueOnce({ ok: false, status: 500 });
    requestTokenEarly();
    await expect(takeEarlyToken()).rejects.toMatchObject({ status: 500 });
  });

  it('is nothing to take when no request was started', () => {
    expect(takeEarlyToken()).toBeUndefined();
  });
});
