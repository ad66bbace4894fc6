import { takeEarlyToken } from './early-token';

/** A page whose inline script left `answer` as its token request. */
const pageWith = (answer: Promise<unknown>): Record<string, unknown> => ({ tiledeskTokenRequest: answer });
const response = (status: number, body?: unknown) => ({ ok: status >= 200 && status < 300, status, json: async () => body });

describe('the token request the page started', () => {
  it('gives the token to the first getToken alone', async () => {
    const page = pageWith(Promise.resolve(response(200, { token: 'JWT abc' })));
    await expect(takeEarlyToken(page)).resolves.toBe('JWT abc');
    expect(takeEarlyToken(page)).toBeUndefined();
  });

  it('answers null for 401 (nobody logged in), and an error with the status otherwise', async () => {
    await expect(takeEarlyToken(pageWith(Promise.resolve(response(401))))).resolves.toBeNull();
    await expect(takeEarlyToken(pageWith(Promise.resolve(response(500))))).rejects.toMatchObject({ status: 500 });
  });

  it('passes a network failure on', async () => {
    await expect(takeEarlyToken(pageWith(Promise.reject(new TypeError('Failed to fetch'))))).rejects.toThrow('Failed to fetch');
  });

  it('is nothing to take when the page started no request', () => {
    expect(takeEarlyToken({})).toBeUndefined();
    expect(takeEarlyToken({ tiledeskTokenRequest: 'not a request' })).toBeUndefined();
    expect(takeEarlyToken()).toBeUndefined();
  });
});
