'use client';
import { firstTokenEarly, type BootData } from '@samples/kit';
import { SupportPage } from '@samples/kit/react';
import { TiledeskProvider } from '@tiledesk-auth/react';

/**
 * The page's client side: `<TiledeskProvider>` (a client component, as React context and the
 * widget live in the browser) around the support page. The boot data came with the HTML, so the
 * provider signs in as soon as it mounts when the demo app has a session, with no request
 * first, and its first token is the one the page's `<head>` already asked for. On the server it
 * renders the page with the status `idle` and loads nothing.
 *
 * @example
 * ```tsx
 * <SampleApp boot={await sampleBootData()} />
 * ```
 */
export function SampleApp({ boot }: { readonly boot: BootData }) {
  const { config, users, sessionUser } = boot;
  return (
    <TiledeskProvider
      projectId={config.projectId}
      widgetUrl={config.widgetUrl}
      getToken={firstTokenEarly}
      autoSignIn={sessionUser !== null}
    >
      <SupportPage users={users} initialUser={sessionUser} mode={config.mode} framework="Next.js" />
    </TiledeskProvider>
  );
}
