import { useState } from 'react';
import { useTiledeskAuth } from '@tiledesk-auth/react';
import type { DemoUser } from '../lib/demo-users';
import { logIn, logOut, type AppConfig } from '../lib/sample-api';
import { ChatCard } from './chat-card';
import { LoginPicker } from './login-picker';
import { useAction } from './use-action';

interface SupportPageProps {
  readonly users: readonly DemoUser[];
  readonly initialUser: DemoUser | null;
  readonly mode: AppConfig['mode'];
  /** Who renders the page, as its footer names it (`React`, `Next.js`): the one line where the samples differ. */
  readonly framework: string;
}

/**
 * The page every sample shows (the Angular sample in its own template): the demo app's own login,
 * and the live-chat card that follows it. Inside a `<TiledeskProvider>`.
 *
 * @example
 * ```tsx
 * <SupportPage users={users} initialUser={sessionUser} mode={config.mode} framework="React" />
 * ```
 */
export function SupportPage({ users, initialUser, mode, framework }: SupportPageProps) {
  const [appUser, setAppUser] = useState(initialUser);
  const { signIn, signOut } = useTiledeskAuth();
  const { run, problem, busy } = useAction();

  // Logging into the app and then into the chat: the token endpoint mints for the session's user.
  const logInAs = (user: DemoUser) =>
    run(async () => {
      setAppUser(await explainFailure(`Could not log in as ${user.firstname}`, logIn(user.id)));
      await signIn();
    });
  // The demo users take turns: after the last one comes the first again.
  const nextUser = users[(users.findIndex((user) => user.id === appUser?.id) + 1) % users.length] ?? null;
  const switchUser = () => {
    if (nextUser) logInAs(nextUser);
  };
  const logOutOfApp = () =>
    run(async () => {
      await signOut();
      await explainFailure('Could not log out', logOut());
      setAppUser(null);
    });

  return (
    <div className="layout">
      <header className="topbar">
        <a className="brand" href="./">
          <span className="brand-mark" aria-hidden="true">
            N
          </span>{' '}
          Northwind <span className="brand-sub">Support</span>
        </a>
        <div className="topbar-account">
          {appUser ? (
            <>
              <span className="account-name">
                {appUser.firstname} {appUser.lastname}
              </span>
              <button type="button" className="button button-quiet" data-testid="log-out" onClick={logOutOfApp} disabled={busy}>
                Log out
              </button>
            </>
          ) : (
            <span className="account-name muted">Not logged in</span>
          )}
        </div>
      </header>

      <main className="content">
        <section className="intro">
          <h1>How can we help?</h1>
          <p>Our team answers in the chat at the bottom right. Log in and the chat knows who you are: no forms, no e-mail round trips.</p>
        </section>

        {problem && (
          <p className="notice" role="alert">
            {problem}
          </p>
        )}

        <div className="cards">
          {!appUser && <LoginPicker users={users} onPick={logInAs} disabled={busy} />}
          <ChatCard appUser={appUser} nextUser={nextUser} onSwitchUser={switchUser} busy={busy} run={run} />
        </div>
      </main>

      <footer className="footer">
        {framework} sample · Chat by Tiledesk · {mode === 'emulator' ? 'offline demo (emulated Tiledesk)' : 'live Tiledesk project'}
      </footer>
    </div>
  );
}

/** The demo app's own call, its failure prefixed with what the visitor was doing (shown as the page's notice). */
async function explainFailure<T>(what: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
