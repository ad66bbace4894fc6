import { assertTokenHandlerOptions, createTokenHandler, type TokenHandlerOptions } from '@tiledesk-auth/server';
import { sessionUser } from './session';

/**
 * A fault the next token requests suffer (the emulator mode's `POST /__test/token-fault`).
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
 * What the token endpoint signs with and its Fetch handler, `createTokenHandler()` of
 * `@tiledesk-auth/server`, for the session's user. The emulator mode's test hooks change the
 * secret, the lifetime or add a fault at run time, so the handler is rebuilt on each change.
 *
 * @example
 * ```ts
 * const endpoint = new TokenEndpoint({ projectId, secret, expiresIn: 600 });
 * export const POST = (request: Request) => endpoint.handle(request);
 * ```
 */
export class TokenEndpoint {
  private handler: (request: Request) => Promise<Response>;
  private fault: TokenFault | null = null;
  private secret: string;
  private expiresIn: number | undefined;

  constructor(private readonly base: { readonly projectId: string; readonly secret: string; readonly expiresIn: number | undefined }) {
    this.secret = base.secret;
    this.expiresIn = base.expiresIn;
    this.handler = this.build();
  }

  /** Signs with another secret and/or lifetime from now on; throws a TiledeskTokenError (and keeps the old ones) if invalid. */
  update(change: { readonly secret?: string; readonly expiresIn?: number }): void {
    const previous = { secret: this.secret, expiresIn: this.expiresIn };
    this.secret = change.secret ?? this.secret;
    this.expiresIn = change.expiresIn ?? this.expiresIn;
    try {
      this.handler = this.build();
    } catch (error) {
      this.secret = previous.secret;
      this.expiresIn = previous.expiresIn;
      throw error;
    }
  }

  /** The next `fault.remaining` token requests fail with `fault.status`, or never answer. */
  injectFault(fault: TokenFault | null): void {
    this.fault = fault !== null && fault.remaining > 0 ? fault : null;
  }

  /** `POST /api/tiledesk-token`. */
  async handle(request: Request): Promise<Response> {
    const fault = this.fault;
    if (fault === null) return this.handler(request);
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.fault = null;
    // A hung request stays open until the browser gives up on it (the sample's own timeout).
    if (fault.hang)
      return new Promise<Response>((answer) => request.signal.addEventListener('abort', () => answer(new Response(null, { status: 499 }))));
    return Response.json(
      { error: 'injected-fault', message: `Test hook: this request fails with ${fault.status}.` },
      { status: fault.status, headers: { 'Cache-Control': 'no-store' } },
    );
  }

  private build(): (request: Request) => Promise<Response> {
    const options: TokenHandlerOptions<Request> = {
      projectId: this.base.projectId,
      secret: this.secret,
      ...(this.expiresIn === undefined ? {} : { expiresIn: this.expiresIn }),
      // The same check as GET /api/session and the page: the user the token is for is the one they show.
      getUser: () => sessionUser(),
    };
    // The handler checks its options at its first request; a bad change must be refused now.
    assertTokenHandlerOptions(options);
    return createTokenHandler(options);
  }
}
