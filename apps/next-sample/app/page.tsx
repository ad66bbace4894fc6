import { preload } from 'react-dom';
import { sampleBootData } from '../server/boot-data';
import { SampleApp } from './_components/sample-app';

// Per request: the page carries the visitor's session and this run's project.
export const dynamic = 'force-dynamic';

/**
 * The support page, rendered per request on the server with its boot data (config, demo users,
 * the session's user) and a preload hint for the widget's `launch.js` in `<head>`: the browser
 * fetches the widget while the page's own scripts load, and the client signs in without asking
 * the server anything first. No `crossorigin` on the hint: the script element the library adds has
 * none, and a preload only serves a request made in the same CORS mode.
 *
 * @example
 * ```tsx
 * // app/page.tsx is the route "/": Next.js renders it.
 * ```
 */
export default async function Page() {
  const boot = await sampleBootData();
  preload(boot.config.widgetUrl, { as: 'script' });
  return <SampleApp boot={boot} />;
}
