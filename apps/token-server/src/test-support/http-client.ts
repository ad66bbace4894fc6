import type { TokenServerLogger } from '../lib/token-server-options';

/**
 * A tiny cookie-keeping client for one browser-like visitor of the token server.
 *
 * @example
 * ```ts
 * const visitor = new Visitor(server.url);
 * await visitor.signIn('ada');
 * const { status, body } = await visitor.token();
 * ```
 */
export class Visitor {
  private cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', this.cookieHeader);
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair.split('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  postJson(path: string, body: unknown = {}): Promise<Response> {
    return this.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  signIn(userId: string): Promise<Response> {
    return this.postJson('/api/session', { userId });
  }

  async token(): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await this.postJson('/api/tiledesk-token');
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}

/**
 * A logger that keeps every line, to prove no token or secret is ever written.
 *
 * @example
 * ```ts
 * const logger = capturingLogger();
 * const server = await startTokenServer({ port: 0, logger });
 * expect(logger.lines.join('\n')).not.toContain(secret);
 * ```
 */
export function capturingLogger(): TokenServerLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m) => lines.push(m),
  };
}
