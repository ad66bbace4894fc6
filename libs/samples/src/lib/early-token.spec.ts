import { runInNewContext } from 'node:vm';
import { EARLY_TOKEN_GLOBAL, EARLY_TOKEN_SCRIPT, firstTokenEarly, takeEarlyToken } from './early-token';
import { fetchTiledeskToken } from './sample-api';

/** A page whose inline script left `answer` as its token request. */
const pageWith = (answer: Promise<unknown>): Record<string, unknown> => ({ tiledeskTokenRequest: answer });
const response = (status: number, body?: unknown) => ({ ok: status >= 200 && status < 300, status, json: async () => body });

/** Runs the script as a page would, with `fetch` answering `answer`; returns the page's globals and the fetch calls. */
function runScript(answer: Promise<unknown>): { window: Record<string, unknown>; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const window: Record<string, unknown> = {};
  runInNewContext(EARLY_TOKEN_SCRIPT, {
    window,
    AbortSignal,
    fetch: (...args: unknown[]) => {
      calls.push(args);
      return answer;
    },
  });
  return { window, calls };
}

describe('the early token request script', () => {
  afterEach(() => jest.restoreAllMocks());

  it('sends the request fetchTiledeskToken() sends (path, cookie, JSON body, a cut-off)', async () => {
    const { calls } = runScript(Promise.resolve(response(200, { token: 'JWT early' })));
    const fetchSpy = jest.fn(async () => response(200, { token: 'JWT later' }));
    globalThis.fetch = fetchSpy as unknown as typeof fetch;
    await fetchTiledeskToken();

    expect(calls).toHaveLength(1);
    const [[earlyPath, earlyInit]] = calls as [[string, RequestInit]];
    const [[path, init]] = fetchSpy.mock.calls as unknown as [[string, RequestInit]];
    expect(earlyPath).toBe(path);
    const { signal: earlySignal, ...earlyRest } = earlyInit;
    const { signal, ...rest } = init;
    expect(earlyRest).toEqual(rest);
    expect(earlySignal).toBeInstanceOf(AbortSignal);
    expect(signal).toBeInstanceOf(AbortSignal);
  });

  it('leaves the answer where takeEarlyToken() finds it', async () => {
    const { window } = runScript(Promise.resolve(response(200, { token: 'JWT abc' })));
    expect(window[EARLY_TOKEN_GLOBAL]).toBeInstanceOf(Promise);
    await expect(takeEarlyToken(window)).resolves.toBe('JWT abc');
  });

  it('keeps a failure for whoever takes the request, without an unhandled rejection meanwhile', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { window } = runScript(Promise.reject(new TypeError('Failed to fetch')));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
      await expect(takeEarlyToken(window)).rejects.toThrow('Failed to fetch');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('the token request the page started', () => {
  it('gives the token to the first getToken alone', async () => {
    const page = pageWith(Promise.resolve(response(200, { token: 'JWT abc' })));
    await expect(takeEarlyToken(page)).resolves.toBe('JWT abc');
    expect(takeEarlyToken(page)).toBeUndefined();
  });

  it('answers null for 401 (nobody logged in), and an error with the status otherwise', async () => {
    await expect(takeEarlyToken(pageWith(Promise.resolve(response(401))))).resolves.toBeNull();
    await expect(takeEarlyToken(pageWith(Promise.resolve(response(500))))).rejects.toMatchObject({
      status: 500,
      message: 'POST /api/tiledesk-token answered HTTP 500',
    });
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

describe('firstTokenEarly', () => {
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>)[EARLY_TOKEN_GLOBAL];
  });

  it("takes the page's answer the first time and asks the server afterwards", async () => {
    (window as unknown as Record<string, unknown>)[EARLY_TOKEN_GLOBAL] = Promise.resolve(response(200, { token: 'JWT early' }));
    const fetchSpy = jest.fn(async () => response(200, { token: 'JWT fetched' }));
    globalThis.fetch = fetchSpy as unknown as typeof fetch;
    await expect(firstTokenEarly()).resolves.toBe('JWT early');
    expect(fetchSpy).not.toHaveBeenCalled();
    await expect(firstTokenEarly()).resolves.toBe('JWT fetched');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});
