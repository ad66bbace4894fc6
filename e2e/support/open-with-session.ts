import type { SampleTab } from './scenario';
import type { DemoUser } from './stack';
import type { WaitOptions } from './wait-until';

/**
 * Opens the sample in `tab` with `user` already logged in to the app (its session cookie set
 * first), and waits until the sample reads `status`: how most scenarios begin.
 *
 * @example
 * ```ts
 * await openWithSession(tab, ada, 'signed-in');
 * await openWithSession(tab, ada, 'error', { timeoutMs: 40_000 });
 * ```
 */
export async function openWithSession(tab: SampleTab, user: DemoUser, status: string, options?: WaitOptions): Promise<void> {
  await tab.setSession(user.id);
  await tab.open();
  await tab.waitForStatus(status, options);
}
