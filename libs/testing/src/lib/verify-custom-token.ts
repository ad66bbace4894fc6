import { decodeJwt, jwtVerify, type JWTPayload } from 'jose';

/**
 * Outcome of checking an `Authorization` header the way tiledesk-server does.
 *
 * @example
 * ```ts
 * const check: TokenCheck = await checkCustomToken(header, secrets);
 * ```
 */
export type TokenCheck =
  | { ok: true; payload: JWTPayload; projectId: string | undefined; token: string; scheme: string }
  | { ok: false; status: 401 | 403 | 500; projectId: string | undefined };

/**
 * Where the verifier finds keys: a project's shared secret, or the server-wide one.
 *
 * @example
 * ```ts
 * const secrets: SecretLookup = { globalSecret, projectSecret: (id) => registry.find(id)?.secret };
 * ```
 */
export interface SecretLookup {
  projectSecret(projectId: string): string | undefined;
  readonly globalSecret: string;
}

const SINGLE_SPACE = /^(\S+) (\S+)$/;
const MANY_SPACES = /^(\S+)\s{2,}(\S+)$/;
const PROJECT_AUD_PATH = /^\/projects\/([^/]+)/;
const ALGORITHMS = ['HS256', 'HS384', 'HS512'];

/**
 * Reads the project id from a token's UNVERIFIED `aud`, like the server does before picking a key.
 * Returns `'not-a-url'` when `aud` is present but not a URL (the server answers 500 then).
 *
 * @example
 * ```ts
 * projectFromAudience({ aud: 'https://tiledesk.com/projects/p1' }); // 'p1'
 * ```
 */
export function projectFromAudience(payload: JWTPayload): string | undefined | 'not-a-url' {
  if (payload.aud === undefined) return undefined;
  const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
  let url: URL;
  try {
    url = new URL(String(aud));
  } catch {
    return 'not-a-url';
  }
  return PROJECT_AUD_PATH.exec(url.pathname)?.[1];
}

/**
 * Applies the rules of tiledesk-server's `POST /auth/signinWithCustomToken` to a raw
 * `Authorization` header: `JWT <token>` only, the unverified `aud` path picks the project secret
 * (else the global secret), HS256/384/512 with the secret's UTF-8 text, `exp`/`nbf` with no
 * tolerance, `_id` required.
 *
 * @example
 * ```ts
 * const check = await checkCustomToken(req.headers.authorization, secrets);
 * if (!check.ok) res.writeHead(check.status).end('Unauthorized');
 * ```
 */
export async function checkCustomToken(header: string | undefined, secrets: SecretLookup): Promise<TokenCheck> {
  const fail = (status: 401 | 403 | 500, projectId?: string): TokenCheck => ({ ok: false, status, projectId });
  if (typeof header !== 'string') return fail(401);
  const single = SINGLE_SPACE.exec(header);
  if (!single) {
    const many = MANY_SPACES.exec(header);
    return fail(many && many[1].toLowerCase() === 'jwt' ? 403 : 401);
  }
  const [, scheme, token] = single;
  if (scheme.toLowerCase() !== 'jwt') return fail(401);

  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    return fail(401);
  }
  const fromAud = projectFromAudience(unverified);
  if (fromAud === 'not-a-url') return fail(500);
  const secret = fromAud === undefined ? secrets.globalSecret : secrets.projectSecret(fromAud);
  if (secret === undefined) return fail(401, fromAud);

  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ALGORITHMS });
    if (payload['_id'] === undefined || payload['_id'] === null || payload['_id'] === '') return fail(401, fromAud);
    return { ok: true, payload, projectId: fromAud, token, scheme };
  } catch {
    return fail(401, fromAud);
  }
}
