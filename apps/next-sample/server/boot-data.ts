import { DEMO_USERS, type DemoUser } from '@samples/kit';
import { sampleRuntime, type SamplePublicConfig } from './sample-runtime';
import { sessionUser } from './session';

/**
 * What the page needs before it can configure Tiledesk: the answers of `GET /api/config`,
 * `GET /api/demo-users` and `GET /api/session` (its `user`). The page's server component reads
 * it and hands it to the client component with the HTML, so signing in waits for no round trip.
 * Nothing secret: the config is the public one and the session's user is the visitor's own.
 *
 * @example
 * ```ts
 * const { config, users, sessionUser } = await sampleBootData();
 * ```
 */
export interface SampleBootData {
  readonly config: SamplePublicConfig;
  readonly users: readonly DemoUser[];
  readonly sessionUser: DemoUser | null;
}

/**
 * The boot data of this request (reads the session cookie, so the page is rendered per request).
 *
 * @example
 * ```tsx
 * const boot = await sampleBootData();
 * return <SampleApp boot={boot} />;
 * ```
 */
export async function sampleBootData(): Promise<SampleBootData> {
  const [{ config }, user] = await Promise.all([sampleRuntime(), sessionUser()]);
  return { config, users: DEMO_USERS, sessionUser: user };
}
