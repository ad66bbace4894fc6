import { useTiledesk, useTiledeskAuth } from '@tiledesk-auth/react';
import { CHAT_STATUS_SUMMARY } from '../lib/chat-status';
import type { DemoUser } from '../lib/demo-users';
import { ErrorView } from './error-view';

interface ChatCardProps {
  readonly appUser: DemoUser | null;
  /** Who "Switch to …" logs in as; `null` hides the button. */
  readonly nextUser: DemoUser | null;
  readonly onSwitchUser: () => void;
  readonly busy: boolean;
  readonly run: (action: () => Promise<void>) => void;
}

/**
 * The live-chat card: who the chat thinks you are, and the controls to change it.
 *
 * @example
 * ```tsx
 * <ChatCard appUser={appUser} nextUser={nextUser} onSwitchUser={switchUser} busy={busy} run={run} />
 * ```
 */
export function ChatCard({ appUser, nextUser, onSwitchUser, busy, run }: ChatCardProps) {
  const { status, user, error, isSignedIn, signIn, signOut } = useTiledeskAuth();
  const tiledesk = useTiledesk();
  const working = busy || status === 'signing-in';
  // Without an app session there is no token to ask for: retrying means loading the widget again.
  // With a session and an error, the error view's retry is the one action on offer.
  const showActions = isSignedIn || !(appUser && error);
  const retry = () => run(() => (appUser ? signIn().then(() => undefined) : tiledesk.load()));

  return (
    <section className="card" aria-live="polite">
      <div className="card-head">
        <h2>Live chat</h2>
        <span className={`badge badge-${status}`} data-testid="status">
          {status}
        </span>
      </div>
      <p className="muted">{CHAT_STATUS_SUMMARY[status]}</p>

      {user && (
        <dl className="identity">
          <dt>Signed in as</dt>
          <dd>{user.fullName ?? ([user.firstname, user.lastname].filter(Boolean).join(' ') || '—')}</dd>
          <dt>E-mail</dt>
          <dd data-testid="user-email">{user.email ?? '—'}</dd>
          <dt>Tiledesk user id</dt>
          <dd>
            <code data-testid="user-id">{user.id}</code>
          </dd>
        </dl>
      )}

      {error && <ErrorView error={error} onRetry={retry} disabled={working} />}

      {showActions && (
        <div className="actions">
          {isSignedIn ? (
            <>
              {nextUser && (
                <button type="button" className="button" data-testid="switch-user" onClick={onSwitchUser} disabled={working}>
                  Switch to {nextUser.firstname}
                </button>
              )}
              <button type="button" className="button button-quiet" data-testid="sign-out" onClick={() => run(signOut)} disabled={working}>
                Sign out of chat
              </button>
            </>
          ) : appUser ? (
            <button
              type="button"
              className="button"
              data-testid="sign-in"
              onClick={() => run(() => signIn().then(() => undefined))}
              disabled={working}
            >
              Sign in to chat as {appUser.firstname}
            </button>
          ) : (
            <p className="muted">Log in to chat as yourself.</p>
          )}
        </div>
      )}
    </section>
  );
}
