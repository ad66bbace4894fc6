import { useTiledeskAuth } from '../lib/use-tiledesk-auth.js';

/** Renders the auth state with the sample app's test ids, for specs to read. */
export function AuthView() {
  const { status, user, error } = useTiledeskAuth();
  return (
    <p>
      <span data-testid="status">{status}</span>
      <span data-testid="user-id">{user?.id ?? ''}</span>
      <span data-testid="user-email">{user?.email ?? ''}</span>
      <span data-testid="error">{error?.code ?? ''}</span>
    </p>
  );
}
