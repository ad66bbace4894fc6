/**
 * A project id shaped like Tiledesk's (24 hex characters). Test data only.
 *
 * @example
 * ```ts
 * await mintTiledeskToken({ projectId: PROJECT_ID, secret: SECRET, user: { id: 'ada' } });
 * ```
 */
export const PROJECT_ID = '65f0c0ffee0123456789abcd';

/**
 * A shared secret shaped like Tiledesk's (a UUID v4). Test data only.
 *
 * @example
 * ```ts
 * await jwtVerify(jwt, new TextEncoder().encode(SECRET));
 * ```
 */
export const SECRET = '5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f';

/**
 * A second project id, for tokens that name the wrong project.
 *
 * @example
 * ```ts
 * const aud = `https://tiledesk.com/projects/${OTHER_PROJECT_ID}`;
 * ```
 */
export const OTHER_PROJECT_ID = '65f0c0ffee0123456789ffff';
