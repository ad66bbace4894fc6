import { EARLY_TOKEN_SCRIPT } from '@samples/kit';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { NONCE_HEADER } from '../server/page-policy';
import { sampleRuntime } from '../server/sample-runtime';
import { sessionUser } from '../server/session';
// The React sample's stylesheet, shared by the three samples (the alias is in next.config.ts).
import '@samples/page.css';

// Every page, the not-found one included, carries this run's widget URL: none is rendered at build time.
export const dynamic = 'force-dynamic';

/**
 * The page's title and icon (an empty one: no favicon request).
 *
 * @example
 * ```ts
 * metadata.title; // 'Northwind Support · Next.js'
 * ```
 */
export const metadata: Metadata = { title: 'Northwind Support · Next.js', icons: { icon: 'data:,' } };

/**
 * The root layout (a server component). Its `<head>` starts, for a logged-in visitor, with the
 * early token request (`EARLY_TOKEN_SCRIPT` of libs/samples), which the first `getToken()` takes, and
 * then a preload hint for the widget's `launch.js`: the browser fetches the widget while the
 * page's own scripts load. No `crossorigin` on the hint: the script element the library adds has
 * none, and a preload only serves a request made in the same CORS mode. (Written as an element:
 * react-dom's `preload()` left the hint out of the HTML once the head held a script.) The early
 * script carries the nonce proxy.ts put in this page's Content-Security-Policy.
 *
 * @example
 * ```tsx
 * <RootLayout><Page /></RootLayout>
 * ```
 */
export default async function RootLayout({ children }: { readonly children: ReactNode }) {
  const [{ config }, user, requestHeaders] = await Promise.all([sampleRuntime(), sessionUser(), headers()]);
  const nonce = requestHeaders.get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en">
      <head>
        {user !== null && <script nonce={nonce} dangerouslySetInnerHTML={{ __html: EARLY_TOKEN_SCRIPT }} />}
        <link rel="preload" as="script" href={config.widgetUrl} />
      </head>
      <body>
        <div id="root">{children}</div>
      </body>
    </html>
  );
}
