import { loadBootData, type BootData } from '@samples/kit';
import { useCallback, useEffect, useState } from 'react';

/**
 * Where reading the boot data stands.
 *
 * @example
 * ```ts
 * if (boot.phase === 'ready') render(boot.data.config.projectId);
 * ```
 */
export type BootState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly message: string }
  | { readonly phase: 'ready'; readonly data: BootData };

/**
 * The boot data: `embedded`, the page's own copy (see `embeddedBootData()`), when there is one,
 * ready at the first render; else the config, the demo users and the current session read in
 * parallel; `reload` tries again.
 *
 * @example
 * ```tsx
 * const { boot, reload } = useBootData(null);
 * ```
 */
export function useBootData(embedded: BootData | null): { boot: BootState; reload: () => void } {
  const [boot, setBoot] = useState<BootState>(() => (embedded ? { phase: 'ready', data: embedded } : { phase: 'loading' }));
  const [attempt, setAttempt] = useState(0);
  const mustFetch = boot.phase === 'loading';

  useEffect(() => {
    if (!mustFetch) return;
    let current = true;
    loadBootData().then(
      (data) => current && setBoot({ phase: 'ready', data }),
      (error: unknown) => current && setBoot({ phase: 'failed', message: String(error instanceof Error ? error.message : error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt, mustFetch]);

  const reload = useCallback(() => {
    setBoot({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { boot, reload };
}
