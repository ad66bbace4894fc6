import { useCallback, useEffect, useState } from 'react';
import { fetchConfig, fetchDemoUsers, fetchSessionUser, type AppConfig, type DemoUser } from './token-server-api';

/** Everything the page needs before it can create the Tiledesk client. */
export interface BootData {
  readonly config: AppConfig;
  readonly users: readonly DemoUser[];
  readonly sessionUser: DemoUser | null;
}

export type BootState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly message: string }
  | { readonly phase: 'ready'; readonly data: BootData };

/** Reads the config, the demo users and the current session in parallel; `reload` tries again. */
export function useBootData(): { boot: BootState; reload: () => void } {
  const [boot, setBoot] = useState<BootState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([fetchConfig(), fetchDemoUsers(), fetchSessionUser()]).then(
      ([config, users, sessionUser]) => current && setBoot({ phase: 'ready', data: { config, users, sessionUser } }),
      (error: unknown) => current && setBoot({ phase: 'failed', message: String(error instanceof Error ? error.message : error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setBoot({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { boot, reload };
}
