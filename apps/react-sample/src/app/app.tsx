import { fetchTiledeskToken } from '@samples/kit';
import { SupportPage } from '@samples/kit/react';
import { TiledeskProvider } from '@tiledesk-auth/react';
import type { StartedTiledesk } from './start-tiledesk';
import { useBootData } from './use-boot-data';

/**
 * With `started` (the page carried its boot data and main.tsx already started the client), the
 * provider gets that client. Otherwise it reads the token server's config first: the Tiledesk
 * client needs the project id and widget URL, and it signs in on mount only when the demo app
 * already has a session.
 *
 * @example
 * ```tsx
 * createRoot(document.getElementById('root')!).render(<App />);
 * ```
 */
export function App({ started }: { readonly started?: StartedTiledesk }) {
  const { boot, reload } = useBootData(started?.boot ?? null);

  if (boot.phase === 'loading') {
    return <p className="page-message">Loading…</p>;
  }
  if (boot.phase === 'failed') {
    return (
      <div className="page-message" role="alert">
        <p>The support page could not reach its server: {boot.message}</p>
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }

  const { config, users, sessionUser } = boot.data;
  const page = <SupportPage users={users} initialUser={sessionUser} mode={config.mode} framework="React" />;
  if (started) return <TiledeskProvider client={started.client}>{page}</TiledeskProvider>;
  return (
    <TiledeskProvider
      key={config.projectId}
      projectId={config.projectId}
      widgetUrl={config.widgetUrl}
      getToken={fetchTiledeskToken}
      autoSignIn={sessionUser !== null}
    >
      {page}
    </TiledeskProvider>
  );
}
