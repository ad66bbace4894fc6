import { createElement, useEffect, useMemo, useState, type ReactNode } from 'react';
import { TiledeskAuthError, type TiledeskClient, type TiledeskOptions } from '@tiledesk-auth/core';
import { devMode } from './dev-mode.js';
import { createOwnClient } from './own-client.js';
import { attachClient } from './client-lifecycle.js';
import { TiledeskContext, type TiledeskContextValue } from './tiledesk-context.js';

// The two wiring mistakes; in the production build their sentences are gone and the message is the code.
const BOTH = devMode ? '<TiledeskProvider> takes `client` or options (projectId, ...), not both.' : 'both';
const LOST = devMode ? '<TiledeskProvider> lost its `client`; remount it with a new `key`.' : 'lost';
const problem = (message: string) => new TiledeskAuthError('invalid-options', devMode ? message : 'invalid-options');

interface TiledeskProviderBaseProps {
  /** Sign in when the provider mounts. Default: `true` when `getToken` is given, else `false`. */
  autoSignIn?: boolean;
  children?: ReactNode;
}

/**
 * Props of {@link TiledeskProvider}: either the options of `createTiledesk()` (the provider owns
 * the client and destroys it on unmount) or a ready `client` (yours to destroy). Options are read
 * once, at mount: to switch projects, remount the provider with a new `key`. `getToken` is the
 * exception: the latest one passed is always used.
 *
 * @example
 * ```tsx
 * <TiledeskProvider projectId="65f0c0ffee0123456789abcd" getToken={fetchToken}>…</TiledeskProvider>
 * <TiledeskProvider client={client}>…</TiledeskProvider>
 * ```
 */
export type TiledeskProviderProps = TiledeskProviderBaseProps &
  ((TiledeskOptions & { client?: never }) | ({ client: TiledeskClient } & { [K in keyof TiledeskOptions]?: never }));

/**
 * Gives its subtree one Tiledesk client. Renders no markup of its own and touches no browser API
 * during render, so it is safe in server rendering (Next.js app router: use it from a client
 * component). The widget loads, and the visitor signs in, from an effect. It never throws into
 * the render: an invalid option (a bad `projectId`, ...) or both `client` and options give the state
 * `error` with code `invalid-options`, logged once when it mounts (to `logger.error`, else
 * `console.error`), and the chat stays off while the app renders on.
 *
 * @example
 * ```tsx
 * // 401: nobody is logged into the app, so nobody is signed into the chat (status `signed-out`).
 * const getToken = () =>
 *   fetch('/api/tiledesk-token', { method: 'POST', credentials: 'include' }).then((r) =>
 *     r.status === 401 ? null : r.json().then((b: { token: string }) => b.token),
 *   );
 *
 * root.render(
 *   <TiledeskProvider projectId="65f0c0ffee0123456789abcd" getToken={getToken}>
 *     <App />
 *   </TiledeskProvider>,
 * );
 * ```
 */
export function TiledeskProvider(props: TiledeskProviderProps): ReactNode {
  const { autoSignIn, children, client: given, ...options } = props;
  // Building a core client loads nothing (no script, no settings), so a lazy initializer is safe when React
  // calls it twice in StrictMode; `given` wins and then nothing is built.
  const [own] = useState(() => (given ? null : createOwnClient(options as TiledeskOptions)));
  useEffect(() => own?.setGetToken(options.getToken));
  // A wiring mistake in the props is an `error` state like a bad option, never a throw into the
  // host's render: the rest of the app renders on. Options were read at mount, so a provider that
  // started with a `client` cannot fall back to them.
  const wiring = given && options.projectId !== undefined ? BOTH : given || own ? undefined : LOST;
  // One failed client per wiring mistake: options are read once, like the own client's (a new
  // options object each render must not make a new client, nor log again).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const failed = useMemo(() => wiring && createOwnClient(options as TiledeskOptions, problem(wiring)).client, [wiring]);
  // One of the three is set: `wiring` is LOST exactly when neither `given` nor `own` is.
  const client = (failed || given || own?.client) as TiledeskClient;
  const signInOnMount = autoSignIn ?? (!given && options.getToken !== undefined);
  useEffect(() => attachClient(client, signInOnMount, !given), [client, signInOnMount, given]);
  const value = useMemo<TiledeskContextValue>(
    // The cast keeps core's two signIn() overloads (a given token always resolves a user).
    () => ({ client, signIn: ((token?: string) => client.signIn(token)) as TiledeskClient['signIn'], signOut: () => client.signOut() }),
    [client],
  );
  // createElement, not JSX: the entry then needs no JSX transform or runtime in any bundler.
  return createElement(TiledeskContext.Provider, { value }, children);
}
