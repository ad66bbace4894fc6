import { type JWTPayload, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { TiledeskTokenError } from './tiledesk-token-error.js';
import { ACCEPTED_ALGORITHMS, TILEDESK_TOKEN_SCHEME, TILEDESK_VISITOR_SUBJECT } from './tiledesk-token-format.js';
import { plainFieldsReading, readPlainFields } from './plain-data.js';
import { quoteForLog, withoutSecret } from './safe-text.js';
import { assertProjectId, assertSecret, checkNow } from './validate-mint-input.js';

/**
 * Longer than any token Tiledesk could receive: it travels in an HTTP header, and HTTP servers
 * refuse request headers of this size. Checked before anything is decoded.
 */
const MAX_TOKEN_LENGTH = 65_536;
const OPTIONS_READING = plainFieldsReading({
  field: 'options',
  code: 'invalid-options',
  what: 'an options object for explainTiledeskToken() with projectId and secret',
  keys: ['projectId', 'secret', 'now'],
  codeFor: { projectId: 'invalid-project-id', secret: 'invalid-secret', now: 'invalid-now' },
  rejectKey: (_key, path) => new TiledeskTokenError('unknown-field', path, `${path} is not an option of explainTiledeskToken().`),
});

/**
 * What {@link explainTiledeskToken} found wrong, as a stable string.
 *
 * @example
 * ```ts
 * if (result.problems.some((p) => p.code === 'bad-signature')) rotateSecretInConfig();
 * ```
 */
export type TiledeskTokenProblemCode =
  | 'not-a-string'
  | 'missing-scheme'
  | 'wrong-scheme'
  | 'scheme-case'
  | 'scheme-spacing'
  | 'malformed'
  | 'algorithm-not-allowed'
  | 'audience-missing'
  | 'audience-not-url'
  | 'audience-wrong-path'
  | 'audience-other-project'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'issued-at-invalid'
  | 'id-missing'
  | 'id-not-prefixed'
  | 'subject-not-userexternal'
  | 'role-present'
  | 'email-missing'
  | 'no-expiry';

/**
 * One finding. `error`: Tiledesk rejects the token (or later widget calls fail). `warning`:
 * accepted, but against Tiledesk's documentation or risky.
 *
 * @example
 * ```ts
 * const problem: TiledeskTokenProblem = { code: 'expired', severity: 'error', message: '...' };
 * ```
 */
export interface TiledeskTokenProblem {
  code: TiledeskTokenProblemCode;
  severity: 'error' | 'warning';
  /**
   * Plain words: what is wrong and what to do. Never contains the token or the secret; what it
   * quotes from the token (a scheme, an `aud` path, a `sub`) is cut short and escaped.
   */
  message: string;
}

/**
 * The verdict of {@link explainTiledeskToken}.
 *
 * @example
 * ```ts
 * const { ok, problems, claims } = await explainTiledeskToken(token, { projectId, secret });
 * ```
 */
export interface TiledeskTokenExplanation {
  /** `true` when no problem is an `error`: the Tiledesk server would accept the token. */
  ok: boolean;
  problems: TiledeskTokenProblem[];
  /** The decoded (not necessarily trustworthy) payload, when the token could be decoded. */
  claims?: JWTPayload;
}

/**
 * Options of {@link explainTiledeskToken}.
 *
 * @example
 * ```ts
 * const options: ExplainTiledeskTokenOptions = { projectId, secret, now: Date.now() };
 * ```
 */
export interface ExplainTiledeskTokenOptions {
  projectId: string;
  secret: string;
  /** The time to check `exp`/`nbf` against, epoch milliseconds. Default `Date.now()`. */
  now?: number;
}

/**
 * Applies the Tiledesk server's checks of `POST /auth/signinWithCustomToken` to a token (the
 * `Authorization` scheme, `aud` path, algorithm, signature, `exp`/`nbf`, `_id`, `sub`, `role`) and
 * says in plain words why Tiledesk would answer "Unauthorized". Accepts `"JWT <jwt>"` (what the
 * widget sends) or a bare JWT (reported as a missing scheme). Never throws for a bad token (nor
 * for a hostile one: over 64 KiB it is not decoded); throws a `TiledeskTokenError` only for bad
 * options, which are read once, own properties only.
 *
 * @example
 * ```ts
 * const result = await explainTiledeskToken(token, { projectId, secret });
 * if (!result.ok) for (const p of result.problems) console.log(`${p.code}: ${p.message}`);
 * ```
 */
export async function explainTiledeskToken(token: unknown, options: ExplainTiledeskTokenOptions): Promise<TiledeskTokenExplanation> {
  const fields = readPlainFields(options, OPTIONS_READING);
  const { projectId, secret } = fields;
  assertProjectId(projectId, 'options.projectId');
  assertSecret(secret, 'options.secret');
  const now = checkNow(fields.now, 'options.now', secret);
  const problems: TiledeskTokenProblem[] = [];
  // Messages quote the token's own claims; a token that carries the secret must not show it.
  const error = (code: TiledeskTokenProblemCode, message: string) =>
    problems.push({ code, severity: 'error', message: withoutSecret(message, secret) });
  const warn = (code: TiledeskTokenProblemCode, message: string) =>
    problems.push({ code, severity: 'warning', message: withoutSecret(message, secret) });
  const verdict = (claims?: JWTPayload): TiledeskTokenExplanation => ({
    ok: !problems.some((p) => p.severity === 'error'),
    problems,
    ...(claims ? { claims } : {}),
  });

  if (typeof token !== 'string') {
    error('not-a-string', `The token must be a string (got ${token === null ? 'null' : typeof token}).`);
    return verdict();
  }
  if (token.length > MAX_TOKEN_LENGTH) {
    error('malformed', `The token is ${token.length} characters long, more than any HTTP header can carry; it was not decoded.`);
    return verdict();
  }
  const jwt = checkScheme(token.trim(), error, warn);

  let algorithm: unknown;
  let claims: JWTPayload;
  try {
    algorithm = decodeProtectedHeader(jwt).alg;
    claims = decodeJwt(jwt);
  } catch {
    error('malformed', 'This is not a compact JWT (three base64url parts, a JSON header and a JSON payload).');
    return verdict();
  }

  const algorithmAllowed = typeof algorithm === 'string' && ACCEPTED_ALGORITHMS.includes(algorithm);
  if (!algorithmAllowed) {
    error(
      'algorithm-not-allowed',
      `The token is signed with ${typeof algorithm === 'string' ? quoteForLog(algorithm, 40) : typeof algorithm}; Tiledesk accepts only ${ACCEPTED_ALGORITHMS.join(', ')}.`,
    );
  }
  const audienceIsProject = checkAudience(claims.aud, projectId, error);
  if (algorithmAllowed) {
    await checkSignature(jwt, secret, audienceIsProject, error);
  }
  checkTimes(claims, Math.floor(now / 1000), error, warn);
  checkVisitorClaims(claims, projectId, error, warn);
  return verdict(claims);
}

type Report = (code: TiledeskTokenProblemCode, message: string) => void;

function checkScheme(token: string, error: Report, warn: Report): string {
  const match = /^([A-Za-z]+)( +)(.*)$/s.exec(token);
  if (!match) {
    error('missing-scheme', `Tiledesk reads the token only as "${TILEDESK_TOKEN_SCHEME} <jwt>"; prefix it with "JWT ".`);
    return token;
  }
  const [, scheme, spaces, rest] = match;
  if (scheme.toUpperCase() !== TILEDESK_TOKEN_SCHEME) {
    error('wrong-scheme', `The scheme is ${quoteForLog(scheme, 40)}; Tiledesk accepts only "${TILEDESK_TOKEN_SCHEME} <jwt>" (401).`);
  } else if (scheme !== TILEDESK_TOKEN_SCHEME) {
    // Accepted (the scheme is compared case-insensitively), but echoed back as sent.
    warn(
      'scheme-case',
      `Write the scheme as "${TILEDESK_TOKEN_SCHEME}" in upper case; Tiledesk accepts ${quoteForLog(scheme, 40)} but echoes it back as sent.`,
    );
  }
  if (spaces.length !== 1) {
    error('scheme-spacing', `Exactly one space must follow "${TILEDESK_TOKEN_SCHEME}" (found ${spaces.length}); Tiledesk answers 403.`);
  }
  return rest;
}

function checkAudience(claim: unknown, projectId: string, error: Report): boolean {
  // The server reads an array audience as its first entry, like a single string.
  const aud = Array.isArray(claim) ? (claim[0] as unknown) : claim;
  if (claim === undefined) {
    error(
      'audience-missing',
      `There is no "aud": Tiledesk then checks with its global secret and rejects a project-signed token. Set aud to "https://tiledesk.com/projects/${projectId}".`,
    );
    return false;
  }
  let path: string;
  try {
    if (typeof aud !== 'string') throw new TypeError('not a string');
    path = new URL(aud).pathname;
  } catch {
    error('audience-not-url', 'The "aud" is not a URL string; the Tiledesk server fails with 500 on it.');
    return false;
  }
  // Only the first two segments count: "/projects/<id>/anything" still names the project.
  const match = /^\/projects\/([^/]+)/.exec(path);
  if (!match) {
    error(
      'audience-wrong-path',
      `The "aud" path is ${quoteForLog(path, 80)}, not "/projects/<projectId>": Tiledesk then uses its global secret and rejects the token.`,
    );
    return false;
  }
  if (match[1] !== projectId) {
    error(
      'audience-other-project',
      `The "aud" names project ${quoteForLog(match[1], 40)}, not ${projectId}: Tiledesk checks it with that project's secret.`,
    );
    return false;
  }
  return true;
}

async function checkSignature(jwt: string, secret: string, audienceIsProject: boolean, error: Report): Promise<void> {
  try {
    await jwtVerify(jwt, new TextEncoder().encode(secret), { algorithms: [...ACCEPTED_ALGORITHMS] });
  } catch (cause) {
    // jose checks the signature before the claims: a claim failure means the signature was good.
    if (cause instanceof errors.JWSSignatureVerificationFailed) {
      error(
        'bad-signature',
        audienceIsProject
          ? "The signature does not match this project's shared secret: the secret is wrong or was regenerated in the dashboard."
          : 'The signature does not match the shared secret given.',
      );
    } else if (!(cause instanceof errors.JWTExpired || cause instanceof errors.JWTClaimValidationFailed)) {
      error('malformed', `The JWT could not be verified (${cause instanceof Error ? quoteForLog(cause.message, 120) : 'unknown reason'}).`);
    }
  }
}

function checkTimes(claims: JWTPayload, nowSeconds: number, error: Report, warn: Report): void {
  if (claims.exp === undefined) {
    warn('no-expiry', 'The token has no "exp": it stays valid until the shared secret is regenerated.');
  } else if (typeof claims.exp !== 'number') {
    error('expired', 'The "exp" claim is not a number; Tiledesk rejects the token.');
  } else if (nowSeconds >= claims.exp) {
    error('expired', `The token expired ${nowSeconds - claims.exp} s ago (Tiledesk allows no clock tolerance); mint a fresh one.`);
  }
  if (claims.iat !== undefined && typeof claims.iat !== 'number') {
    error('issued-at-invalid', 'The "iat" claim is not a number; Tiledesk rejects the token. Write it in epoch seconds.');
  }
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) {
    error('not-yet-valid', 'The "nbf" claim is in the future (or not a number): check the minting server\'s clock.');
  }
}

function checkVisitorClaims(claims: JWTPayload, projectId: string, error: Report, warn: Report): void {
  const id = claims['_id'];
  if (id === undefined || id === null || id === '') {
    error('id-missing', 'There is no "_id" claim; Tiledesk requires it (set it to "<projectId>_<your user id>").');
  } else if (typeof id !== 'string' || !id.startsWith(`${projectId}_`)) {
    warn('id-not-prefixed', `"_id" should start with "${projectId}_", as Tiledesk's documentation requires.`);
  }
  if (claims.sub !== TILEDESK_VISITOR_SUBJECT) {
    const sub =
      typeof claims.sub === 'string' ? quoteForLog(claims.sub, 40) : claims.sub === undefined ? 'missing' : `a ${typeof claims.sub}`;
    error('subject-not-userexternal', `"sub" is ${sub}; it must be "userexternal" or every widget call after sign-in fails.`);
  }
  if (claims['role'] !== undefined) {
    error('role-present', 'The token carries a "role": Tiledesk would treat it as a privileged user, never as a visitor. Remove it.');
  }
  if (claims['email'] === undefined) {
    warn('email-missing', 'There is no "email"; Tiledesk\'s documentation expects one for every visitor.');
  }
}
