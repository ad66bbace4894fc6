/**
 * Reads the payload of `"JWT <jwt>"` or a bare JWT WITHOUT verifying it: tests only look at which
 * user a stored token belongs to. Returns `undefined` for anything that is not a JWT.
 *
 * @example
 * ```ts
 * readJwtClaims(localStorage.getItem(key) ?? '')?._id; // '65f0..._ada'
 * ```
 */
export function readJwtClaims(token: string): Record<string, unknown> | undefined {
  const jwt = token.startsWith('JWT ') ? token.slice(4) : token;
  const parts = jwt.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
