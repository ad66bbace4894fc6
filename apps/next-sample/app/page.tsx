import { sampleBootData } from '../server/boot-data';
import { SampleApp } from './_components/sample-app';

// Per request: the page carries the visitor's session and this run's project.
export const dynamic = 'force-dynamic';

/**
 * The support page, rendered per request on the server with its boot data (config, demo users,
 * the session's user), so the client signs in without asking the server anything first (the
 * layout adds the early token request and the preload hint for `launch.js`).
 *
 * @example
 * ```tsx
 * // app/page.tsx is the route "/": Next.js renders it.
 * ```
 */
export default async function Page() {
  return <SampleApp boot={await sampleBootData()} />;
}
