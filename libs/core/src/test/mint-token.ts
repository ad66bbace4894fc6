import { SignJWT } from 'jose';

/** Claims a test token carries; defaults follow the token the Tiledesk docs specify. */
export interface TestClaims {
  userId?: string;
  email?: string;
  firstname?: string;
  lastname?: string;
  /** Seconds from now; omitted means no `exp`. */
  expiresIn?: number;
  extra?: Record<string, unknown>;
}

/**
 * Mints `"JWT <jwt>"` as an app server would (HS256, the project's shared secret), for specs only:
 * core itself never mints.
 */
export async function mintToken(projectId: string, secret: string, claims: TestClaims = {}): Promise<string> {
  const { userId = 'ada', email = userId + '@example.com', firstname = 'Ada', lastname = 'Lovelace', expiresIn, extra } = claims;
  let jwt = new SignJWT({ _id: projectId + '_' + userId, email, firstname, lastname, ...extra })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('userexternal')
    .setAudience('https://tiledesk.com/projects/' + projectId)
    .setIssuedAt();
  if (expiresIn !== undefined) jwt = jwt.setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn);
  return 'JWT ' + (await jwt.sign(new TextEncoder().encode(secret)));
}
