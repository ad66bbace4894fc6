import { runInNewContext } from 'node:vm';
import { EARLY_TOKEN_GLOBAL, EARLY_TOKEN_SCRIPT, EARLY_TOKEN_SCRIPT_HASH, earlyTokenScript } from './early-token-script';
import { cspHash } from './inline-script-hashes';

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
  it('posts to the token route as the samples do (cookie, JSON body, a cut-off) and leaves the answer on window', async () => {
    const response = { status: 200 };
    const { window, calls } = runScript(Promise.resolve(response));
    expect(calls).toHaveLength(1);
    const [path, init] = calls[0] as [string, RequestInit];
    expect(path).toBe('/api/tiledesk-token');
    expect(init).toMatchObject({ method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
    await expect(window[EARLY_TOKEN_GLOBAL]).resolves.toBe(response);
  });

  it('keeps a failure for whoever takes the request, without an unhandled rejection meanwhile', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { window } = runScript(Promise.reject(new TypeError('Failed to fetch')));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      await expect(window[EARLY_TOKEN_GLOBAL]).rejects.toThrow('Failed to fetch');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('is one constant inline script whose hash is the CSP source', () => {
    expect(earlyTokenScript()).toBe(`<script>${EARLY_TOKEN_SCRIPT}</script>`);
    expect(EARLY_TOKEN_SCRIPT_HASH).toBe(cspHash(EARLY_TOKEN_SCRIPT));
    expect(EARLY_TOKEN_SCRIPT).not.toMatch(/<\/script/i);
  });
});
