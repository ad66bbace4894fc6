import type { IncomingMessage, ServerResponse } from 'node:http';
import { assertTokenHandlerOptions, createNodeTokenHandler, type TokenHandlerOptions } from '@tiledesk-auth/server';
import { type SessionCarrier, sessionUser } from './demo-session';
import type { TokenServerLogger } from './token-server-options';

/**
 * A fault the next token requests suffer (emulator mode's `/__test/token-fault`).
 *
 * @example
 * ```ts
 * const fault: TokenFault = { status: 503, hang: false, remaining: 2 };
 * ```
 */
export interface TokenFault {
  status: number;
  hang: boolean;
  remaining: number;
}

/**
 * A request the session middleware has seen: Express's, or Node's own on the token fast path.
 *
 * @example
 * ```ts
 * const route = (req: SessionRequest, res: ServerResponse) => res.end(String(sessionUser(req)?.id));
 * ```
 */
export type SessionRequest = IncomingMessage & SessionCarrier;

/**
 * What the token endpoint signs with. Test hooks change it at run time, so the handler is
 * rebuilt on each change instead of on each request.
 *
 * @example
 * ```ts
 * const settings = new TokenSettings({ projectId, secret, expiresIn: 600, logger: console });
 * settings.update({ expiresIn: 30 });
 * ```
 */
export class TokenSettings {
  private handler: (req: SessionRequest, res: ServerResponse) => Promise<void>;
  private fault: TokenFault | null = null;
  private secret: string;
  private expiresIn: number;

  constructor(private readonly base: { projectId: string; secret: string; expiresIn: number; logger: TokenServerLogger }) {
    this.secret = base.secret;
    this.expiresIn = base.expiresIn;
    this.handler = this.build();
  }

  /** Signs with another secret and/or lifetime from now on; throws a TiledeskTokenError if invalid. */
  update(change: { secret?: string; expiresIn?: number }): void {
    const previous = { secret: this.secret, expiresIn: this.expiresIn };
    this.secret = change.secret ?? this.secret;
    this.expiresIn = change.expiresIn ?? this.expiresIn;
    try {
      this.handler = this.build();
    } catch (error) {
      Object.assign(this, previous);
      throw error;
    }
  }

  /** The next `fault.remaining` token requests fail with `fault.status` or never answer. */
  injectFault(fault: TokenFault | null): void {
    this.fault = fault && fault.remaining > 0 ? fault : null;
  }

  /**
   * The handler for `/api/tiledesk-token`, on Node's `req`/`res` (Express's extend them). It runs
   * behind the same session middleware as every other route, so the user it signs for is the
   * one `GET /api/session` reports.
   */
  readonly route = (req: SessionRequest, res: ServerResponse): void | Promise<void> => {
    const fault = this.fault;
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.fault = null;
      // A hung request stays open until the client gives up or the server closes.
      if (fault.hang) return;
      const body = JSON.stringify({ error: 'injected-fault', message: `Test hook: this request fails with ${fault.status}.` });
      res.writeHead(fault.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(body);
      return;
    }
    return this.handler(req, res);
  };

  private build(): (req: SessionRequest, res: ServerResponse) => Promise<void> {
    const { projectId, logger } = this.base;
    const options: TokenHandlerOptions<SessionRequest> = {
      projectId,
      secret: this.secret,
      expiresIn: this.expiresIn,
      logger: { warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
      getUser: (req) => sessionUser(req),
    };
    // The handler checks its options at its first request; a bad change must be refused now.
    assertTokenHandlerOptions(options);
    return createNodeTokenHandler<SessionRequest>(options);
  }
}
