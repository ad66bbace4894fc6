import type { TiledeskClient } from '@tiledesk-auth/core';

// Clients whose start-up (load or sign-in) already ran: a remount must not start them twice.
const started = new WeakSet<TiledeskClient>();
// Destroys waiting for the end of the current commit, so StrictMode's mount → unmount → mount can
// cancel them and keep the same client (one script, one sign-in).
const pendingDestroys = new Map<TiledeskClient, ReturnType<typeof setTimeout>>();

/**
 * Called from the provider's effect: keeps `client` alive, finishes any other provider's pending
 * destroy first (a replaced provider must release the widget before the new one takes it), then
 * loads the widget and, if asked, signs in, once per client.
 *
 * @example
 * ```ts
 * useEffect(() => attachClient(client, autoSignIn, owned), [client, autoSignIn, owned]);
 * ```
 */
export function attachClient(client: TiledeskClient, autoSignIn: boolean, owned: boolean): () => void {
  for (const [other, timer] of pendingDestroys) {
    clearTimeout(timer);
    pendingDestroys.delete(other);
    if (other !== client) other.destroy();
  }
  if (!started.has(client)) {
    started.add(client);
    // Failures land in the client's state (status `error`); nothing to rethrow to here.
    (autoSignIn ? client.signIn() : client.load()).catch(noop);
  }
  return () => {
    if (owned)
      pendingDestroys.set(
        client,
        setTimeout(() => destroyNow(client)),
      );
  };
}

function destroyNow(client: TiledeskClient): void {
  pendingDestroys.delete(client);
  client.destroy();
}

function noop(): void {
  // The rejection is already reported through the client's state.
}
