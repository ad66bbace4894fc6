/**
 * Spec helpers for core against the emulator: clean the jsdom page between tests, wait for
 * conditions, and record a client's states.
 */
import type { TiledeskAuthState } from '../lib/auth-state.js';
import type { TiledeskClient } from '../lib/tiledesk-client.js';

/** The page's widget globals, for assertions. */
export const host = window as unknown as {
  tiledesk?: Record<string, unknown> & { reInit(): void; dispose(): void };
  Tiledesk?: ((...args: unknown[]) => unknown) & { q?: unknown[] };
  tiledeskSettings?: Record<string, unknown>;
};

/** Polls until `predicate()` is truthy; fails with `what` after `timeoutMs`. */
export async function until<T>(
  what: string,
  predicate: () => T | undefined | null | false | Promise<T | false>,
  timeoutMs = 8000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await pause(10);
  }
}

/** Lets timers, XHRs and the emulator's asynchronous steps run. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Removes what the widget and core put on the page, so the next test starts from a blank page. */
export { resetWidgetPage as resetPage } from '@tiledesk-auth/testing/client';

/** Records every state a client emits. */
export function recordStates(client: TiledeskClient): { states: TiledeskAuthState[]; statuses(): string[]; stop(): void } {
  const states: TiledeskAuthState[] = [];
  const stop = client.subscribe((s) => states.push(s));
  return { states, statuses: () => states.map((s) => s.status), stop };
}

/** The widget's container, whose `display` show/hide toggle. */
export const container = () => document.getElementById('tiledesk-container') as HTMLElement | null;

/**
 * Whether the visitor can see the launcher. As in the real widget, two things must agree: the
 * page's container is displayed (what show()/hide() set) and the widget counts itself shown (its
 * `isShown`, which displays the UI inside the container: the emulator's content element).
 */
export function launcherVisible(): boolean {
  const box = container();
  const content = document.getElementById('tiledesk-emulator-content');
  return !!box && box.style.display !== 'none' && !!content && content.style.display !== 'none';
}

/** The project's widget keys in localStorage. */
export const widgetKeys = (projectId: string) => Object.keys({ ...localStorage }).filter((k) => k.includes('_' + projectId + '_'));
