import { useCallback, useState } from 'react';
import { TiledeskAuthError } from '@tiledesk-auth/react';

/**
 * Runs a button's async action. Tiledesk failures are already in the auth state (the chat card
 * shows them with a retry), so only the app's own failures (its session endpoints) become `problem`.
 *
 * @example
 * ```tsx
 * const { run, problem, busy } = useAction();
 * <button disabled={busy} onClick={() => run(signOut)}>Sign out</button>;
 * ```
 */
export function useAction(): { run: (action: () => Promise<void>) => void; problem: string | null; busy: boolean } {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback((action: () => Promise<void>) => {
    setProblem(null);
    setBusy(true);
    action()
      .catch((error: unknown) => {
        if (!(error instanceof TiledeskAuthError)) setProblem(error instanceof Error ? error.message : String(error));
      })
      .finally(() => setBusy(false));
  }, []);
  return { run, problem, busy };
}
