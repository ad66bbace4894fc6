import { SignJWT } from 'jose';

/** A demo visitor the specs sign in as. */
export interface TestVisitor {
  readonly id: string;
  readonly email: string;
  readonly firstname: string;
  readonly lastname: string;
}

export const ada: TestVisitor = { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' };
export const grace: TestVisitor = { id: 'grace', email: 'grace@example.com', firstname: 'Grace', lastname: 'Hopper' };

/**
 * Mints a visitor token the way an app server would (protocol page §7): HS256 with the project's
 * shared secret, `_id` prefixed with the project id, `sub: userexternal`, a `/projects/<id>` audience.
 * Returned bare: adding the `"JWT "` scheme is core's job, not the adapter's or the app's.
 *
 * @example
 * ```ts
 * const token = await mintToken(project, ada, { expiresInSeconds: 120 });
 * ```
 */
export async function mintToken(
  project: { readonly id: string; readonly secret: string },
  visitor: TestVisitor,
  options: { expiresInSeconds?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  // The Uint8Array must come from the test realm: jose checks the key with `instanceof`.
  const key = new Uint8Array(new TextEncoder().encode(project.secret));
  return new SignJWT({
    _id: `${project.id}_${visitor.id}`,
    email: visitor.email,
    firstname: visitor.firstname,
    lastname: visitor.lastname,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('userexternal')
    .setAudience(`https://tiledesk.com/projects/${project.id}`)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
    .sign(key);
}

/** The user id the widget reports for `visitor` in `project`. */
export function widgetUserId(project: { readonly id: string }, visitor: TestVisitor): string {
  return `${project.id}_${visitor.id}`;
}
