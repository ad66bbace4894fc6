import { base64UrlFromText } from './base64url.js';
import { hmacBackend, signHs256, signHs256Sync } from './hmac-sha256.js';
import { TILEDESK_AUDIENCE_PREFIX, TILEDESK_TOKEN_SCHEME, TILEDESK_VISITOR_SUBJECT } from './tiledesk-token-format.js';
import { type CheckedMintSettings, type ValidMintInput, validateMintInput, validateVisitor } from './validate-mint-input.js';
import type { TiledeskUserIdKind } from './visitor-id.js';
import type { TiledeskVisitor, TiledeskVisitorClaims } from './visitor.js';

/** The header never changes, so it is encoded once. */
const ENCODED_HEADER = base64UrlFromText(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
/** Decided once: the runtime does not change under a running server. */
const SIGNS_SYNCHRONOUSLY = hmacBackend() === 'node:crypto';

/**
 * Options of {@link mintTiledeskToken}.
 *
 * @example
 * ```ts
 * const options: MintTiledeskTokenOptions = {
 *   projectId: '65f0c0ffee0123456789abcd',
 *   secret: process.env.TILEDESK_SHARED_SECRET!,
 *   user: { id: 'u-42', email: 'ada@example.com' },
 * };
 * ```
 */
export interface MintTiledeskTokenOptions {
  /** The Tiledesk project id (24 hexadecimal characters). */
  projectId: string;
  /** The project's shared secret (Dashboard → Settings → Security), used as UTF-8 text. */
  secret: string;
  /** Your signed-in user. */
  user: TiledeskVisitor;
  /**
   * What `user.id` is. `'app-user-id'` (default): your app's id, always written as
   * `"<projectId>_<user.id>"`, and refused if it already starts with `"<projectId>_"`, so two
   * app users can never share one Tiledesk visitor. `'tiledesk-id'`: `user.id` already is the full
   * `"<projectId>_..."` visitor id and is used as it is.
   */
  userIdKind?: TiledeskUserIdKind;
  /** Lifetime in seconds, 1..86400. Default 600 (10 minutes). */
  expiresIn?: number;
  /** The issue time in epoch milliseconds. Default `Date.now()`; for tests and clock-skewed hosts. */
  now?: number;
}

/**
 * A minted visitor token.
 *
 * @example
 * ```ts
 * const { token, expiresAt } = await mintTiledeskToken(options);
 * response.json({ token, expiresAt });
 * ```
 */
export interface MintedTiledeskToken {
  /** What the widget's `signInWithCustomToken` wants: `"JWT <jwt>"`. */
  token: `JWT ${string}`;
  /** The bare compact JWT. */
  jwt: string;
  /** When the token expires, epoch **milliseconds** (the `exp` claim is in seconds). */
  expiresAt: number;
}

/**
 * Mints the visitor token the Tiledesk server accepts: HS256 over the shared secret, with
 * `_id = "<projectId>_<user.id>"` (always prefixed, so the mapping from your ids is one-to-one;
 * an id already carrying the prefix is refused unless `userIdKind: 'tiledesk-id'`),
 * `sub: "userexternal"`, the project's `aud`, `iat`, `exp` and the user's fields.
 *
 * Every input is read once, own properties only, and checked; exactly what was checked is
 * signed. Bad input throws a `TiledeskTokenError` naming the field. A `role` (or any other
 * reserved claim) can never be set. Ids and e-mails with control, zero-width or bidi characters
 * are refused; such characters are removed from `firstname` and `lastname`.
 *
 * Async so that the same call works on Web-standard runtimes (Web Crypto); on Node it signs with
 * node:crypto and settles at once. Use {@link mintTiledeskTokenSync} for a synchronous Node path.
 *
 * @example
 * ```ts
 * const { token, expiresAt } = await mintTiledeskToken({
 *   projectId: process.env.TILEDESK_PROJECT_ID!,
 *   secret: process.env.TILEDESK_SHARED_SECRET!,
 *   user: { id: session.userId, email: session.email },
 * });
 * ```
 */
export async function mintTiledeskToken(options: MintTiledeskTokenOptions): Promise<MintedTiledeskToken> {
  const { input, unsigned, expiresAt } = prepare(validateMintInput(options));
  return finish(unsigned, await signHs256(unsigned, input.secret), expiresAt);
}

/**
 * {@link mintTiledeskToken} for a token handler: its settings were checked once, so only `user`
 * is read and checked (in full) for each token. Also returns the checked input it signed (for
 * the handlers' log lines, which must not read the caller's objects a second time); without a
 * promise where node:crypto signs synchronously (Node, Bun, Deno), so the handlers answer in the
 * same tick, and a promise elsewhere (Web Crypto). A bad user throws synchronously either way.
 *
 * @example
 * ```ts
 * const outcome = mintForCheckedSettings(settings, await getUser(request));
 * const { minted } = outcome instanceof Promise ? await outcome : outcome;
 * ```
 */
export function mintForCheckedSettings(
  settings: CheckedMintSettings,
  user: unknown,
): { minted: MintedTiledeskToken; input: ValidMintInput } | Promise<{ minted: MintedTiledeskToken; input: ValidMintInput }> {
  const { input, unsigned, expiresAt } = prepare(validateVisitor(settings, user, Date.now()));
  if (SIGNS_SYNCHRONOUSLY) return { minted: finish(unsigned, signHs256Sync(unsigned, input.secret), expiresAt), input };
  return signHs256(unsigned, input.secret).then((signature) => ({ minted: finish(unsigned, signature, expiresAt), input }));
}

/**
 * Synchronous {@link mintTiledeskToken} for Node (and Bun/Deno): node:crypto only. Throws
 * `crypto-unavailable` on runtimes without node:crypto.
 *
 * @example
 * ```ts
 * const { token } = mintTiledeskTokenSync({ projectId, secret, user: { id: 'u-42' } });
 * ```
 */
export function mintTiledeskTokenSync(options: MintTiledeskTokenOptions): MintedTiledeskToken {
  const { input, unsigned, expiresAt } = prepare(validateMintInput(options));
  return finish(unsigned, signHs256Sync(unsigned, input.secret), expiresAt);
}

function prepare(input: ValidMintInput): { input: ValidMintInput; unsigned: string; expiresAt: number } {
  const iat = Math.floor(input.now / 1000);
  const claims = buildClaims(input, iat);
  return {
    input,
    unsigned: `${ENCODED_HEADER}.${base64UrlFromText(JSON.stringify(claims))}`,
    expiresAt: claims.exp * 1000,
  };
}

function buildClaims(input: ValidMintInput, iat: number): TiledeskVisitorClaims {
  // Built in the documented claim order, times last. iat and exp are set after the optional
  // fields (insertion order is JSON order) rather than spread into a copy on every token.
  const claims: Omit<TiledeskVisitorClaims, 'iat' | 'exp'> & Partial<Pick<TiledeskVisitorClaims, 'iat' | 'exp'>> = {
    _id: input.visitorId,
    sub: TILEDESK_VISITOR_SUBJECT,
    aud: TILEDESK_AUDIENCE_PREFIX + input.projectId,
  };
  if (input.email !== undefined) claims.email = input.email;
  if (input.firstname !== undefined) claims.firstname = input.firstname;
  if (input.lastname !== undefined) claims.lastname = input.lastname;
  if (input.attributes !== undefined) claims.attributes = input.attributes;
  claims.iat = iat;
  claims.exp = iat + input.expiresIn;
  return claims as TiledeskVisitorClaims;
}

function finish(unsigned: string, signature: string, expiresAt: number): MintedTiledeskToken {
  const jwt = `${unsigned}.${signature}`;
  return { token: `${TILEDESK_TOKEN_SCHEME} ${jwt}`, jwt, expiresAt };
}
