import assert from 'node:assert/strict';
import type { SampleTab, ScenarioContext } from './scenario';
import { openWithSession } from './open-with-session';
import type { DemoUser } from './stack';

/**
 * The second of two tabs of one browser with the same visitor signed in (the first is the
 * scenario's own), and how many statuses it had shown by then, so that a check can read what it
 * showed afterwards.
 *
 * @example
 * ```ts
 * const { other, otherSignedInAt } = await signInTwoTabs(scenario, ada, 20);
 * ```
 */
export interface TwoTabs {
  readonly other: SampleTab;
  readonly otherSignedInAt: number;
}

/**
 * Signs `user` in on the scenario's tab (on the default token lifetime), then opens a second tab
 * of the same browser on tokens of `tokenSeconds` and waits until it is signed in too.
 *
 * @example
 * ```ts
 * const { other } = await signInTwoTabs({ stack, tab, newTab }, ada, TWO_TAB_TOKEN_SECONDS);
 * ```
 */
export async function signInTwoTabs(
  { stack, tab, newTab }: Pick<ScenarioContext, 'stack' | 'tab' | 'newTab'>,
  user: DemoUser,
  tokenSeconds: number,
): Promise<TwoTabs> {
  await openWithSession(tab, user, 'signed-in');
  await stack.setTokenExpiresIn(tokenSeconds);
  const other = await newTab();
  await other.open();
  await other.waitForStatus('signed-in');
  return { other, otherSignedInAt: (await other.statusHistory()).length };
}

/**
 * Clicks sign-out in `tab` and waits until both tabs read signed-out; resolves with when the click
 * came, to count what either tab asked for since.
 *
 * @example
 * ```ts
 * const clickedAt = await signOutBothTabs(tab, other);
 * ```
 */
export async function signOutBothTabs(tab: SampleTab, other: SampleTab): Promise<number> {
  const clickedAt = Date.now();
  await tab.click('sign-out');
  await tab.waitForStatus('signed-out');
  await other.waitForStatus('signed-out');
  return clickedAt;
}

/**
 * Checks that the second tab went from signed-in straight to signed-out (the status history since
 * it signed in), shows no error, and left no widget key in the storage both tabs share.
 *
 * @example
 * ```ts
 * await assertSignedOutCleanly(tabs, 'the other tab went straight to signed-out');
 * ```
 */
export async function assertSignedOutCleanly({ other, otherSignedInAt }: TwoTabs, historyMessage: string): Promise<void> {
  const otherHistory = (await other.statusHistory()).slice(otherSignedInAt - 1);
  assert.deepEqual(otherHistory, ['signed-in', 'signed-out'], `${historyMessage} (saw ${otherHistory.join(' → ')})`);
  assert.equal(await other.text('error'), undefined, 'the other tab shows no error');
  assert.deepEqual(Object.keys(await other.widgetStorage()), [], 'no widget_sv*_ keys remain in the shared storage');
}
