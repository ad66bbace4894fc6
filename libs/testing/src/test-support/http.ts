import { request } from 'node:http';

/**
 * An answer from the emulator, read in full.
 *
 * @example
 * ```ts
 * const { status, text } = await http('GET', url);
 * ```
 */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * Real HTTP on loopback: one request, the whole answer.
 *
 * @example
 * ```ts
 * const answer = await http('POST', `${apiUrl}x`, { headers: { Authorization: token } });
 * ```
 */
export function http(method: string, url: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * POST {apiUrl}auth/signinWithCustomToken with this Authorization header (none when undefined).
 *
 * @example
 * ```ts
 * expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(200);
 * ```
 */
export function signIn(apiUrl: string, authorization: string | undefined, body?: string): Promise<HttpAnswer> {
  return http('POST', `${apiUrl}auth/signinWithCustomToken`, {
    headers: authorization === undefined ? {} : { Authorization: authorization },
    body,
  });
}
