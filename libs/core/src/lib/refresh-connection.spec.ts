import { BroadcastChannel as NodeBroadcastChannel } from 'node:worker_threads';
import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { emulator, useClientFixture } from '../test/client-fixture.js';
import { host, recordStates, until, widgetKeys } from '../test/widget-page.js';
import type { TiledeskOptions } from './options.js';
import type { TiledeskClient } from './tiledesk-client.js';

// jsdom has no BroadcastChannel; Node's delivers between channels of one process like a browser's
// between the tabs of one origin.
(globalThis as Record<string, unknown>)['BroadcastChannel'] ??= NodeBroadcastChannel;

const fx = useClientFixture();
/** Ada's token; short-lived ones get refreshed within the test (half their life, the margin being longer). */
const token = (expiresInSeconds: number, userId = 'ada') =>
  mintVisitorToken(fx.project.id, fx.project.secret, { userId, expiresInSeconds });
const adaId = () => fx.project.id + '_ada';
/** How long the chat takes to reconnect after the refreshed sign-in answered: the gap a logout must not fall into. */
const RECONNECT_HOLD_MS = 600;

type WidgetMethods = Record<string, (...args: unknown[]) => unknown>;

/**
 * Records, in order, what the widget does from now on: each `logout()` core calls, each `online`
 * (with the user it names) and `offline`; and hands out each `signInWithCustomToken` answer.
 */
function watchWidget(client: TiledeskClient) {
  const seen: string[] = [];
  const answers: PromiseLike<unknown>[] = [];
  client.on('onAuthStateChanged', (detail) => seen.push(detail.isLogged ? 'online ' + String(detail.user_id) : 'offline'));
  const widget = host.tiledesk as WidgetMethods;
  const { logout, signInWithCustomToken } = widget;
  jest.spyOn(widget, 'logout').mockImplementation((...args) => (seen.push('logout'), logout.apply(widget, args)));
  jest.spyOn(widget, 'signInWithCustomToken').mockImplementation((...args) => {
    const answer = signInWithCustomToken.apply(widget, args) as PromiseLike<unknown>;
    answers.push(answer);
    return answer;
  });
  return { seen, answers };
}

/**
 * Signs Ada in with tokens of `lifetimeSeconds`, which the client refreshes at half their life (core's
 * margin is longer), and returns what to watch. Each token must still be valid when the test logs
 * the widget out: the widget reports the logout to `/events` with it, and a 401 there disposes it.
 */
async function signedInAboutToRefresh(lifetimeSeconds = 4, extra: Partial<TiledeskOptions> = {}) {
  const client = fx.make({ getToken: () => token(lifetimeSeconds), ...extra });
  await client.signIn();
  return { client, states: recordStates(client), widget: watchWidget(client) };
}

/** Another tab of the same site: its own channel of the project's name. */
function otherTab() {
  const tab = new BroadcastChannel('tiledesk-auth:' + fx.project.id);
  return { signOut: () => tab.postMessage('signed-out'), close: () => tab.close() };
}

/** The sign-out is over and the widget has said so (its logout fires `offline` twice). */
const settled = (client: TiledeskClient, seen: string[]) =>
  until('signed-out, the widget offline', () => client.getState().status === 'signed-out' && seen.at(-1) === 'offline', 8000);

const tokenKeys = () => widgetKeys(fx.project.id).filter((key) => key.endsWith('_tiledeskToken'));

describe('a sign-out that meets a token refresh', () => {
  let tab: ReturnType<typeof otherTab>;
  beforeEach(() => (tab = otherTab()));
  afterEach(() => tab.close());

  it('from another tab, after the refresh was answered: logs out once the refreshed chat is online, no state of the refresh shows', async () => {
    const { client, states, widget } = await signedInAboutToRefresh();
    await emulator.delayNext(fx.project.id, 'createCustomToken', RECONNECT_HOLD_MS);
    await until('the refresh handed to the widget', () => widget.answers.length > 0, 5000);
    // The widget has answered: its chat is reconnecting now, which is when the other tab signs out.
    await widget.answers[0];
    tab.signOut();
    await settled(client, widget.seen);
    expect(widget.seen.slice(0, 2)).toEqual(['online ' + adaId(), 'logout']);
    expect(widget.seen.filter((step) => step.startsWith('online'))).toHaveLength(1);
    expect(states.statuses()).toEqual(['signed-out']);
    expect(client.getState()).toEqual({ status: 'signed-out', user: null, error: null });
    expect(tokenKeys()).toEqual([]);
  });

  it('here, while the refresh is still being answered: the refresh is superseded and the logout waits for its online', async () => {
    const { client, states, widget } = await signedInAboutToRefresh();
    await emulator.delayNext(fx.project.id, 'signinWithCustomToken', RECONNECT_HOLD_MS);
    await emulator.delayNext(fx.project.id, 'createCustomToken', RECONNECT_HOLD_MS);
    await until('the refresh handed to the widget', () => widget.answers.length > 0, 5000);
    await client.signOut();
    await settled(client, widget.seen);
    expect(widget.seen.slice(0, 2)).toEqual(['online ' + adaId(), 'logout']);
    expect(states.statuses()).toEqual(['signed-out']);
    expect(tokenKeys()).toEqual([]);
    expect(widgetKeys(fx.project.id).filter((key) => (localStorage.getItem(key) ?? '').includes(adaId()))).toEqual([]);
  });

  it('a user switch during the refresh logs Ada out only once her refreshed chat is online', async () => {
    const { client, states, widget } = await signedInAboutToRefresh();
    await emulator.delayNext(fx.project.id, 'createCustomToken', RECONNECT_HOLD_MS);
    await until('the refresh handed to the widget', () => widget.answers.length > 0, 5000);
    await widget.answers[0];
    const alan = await client.signIn(await token(600, 'alan'));
    expect(alan?.id).toBe(fx.project.id + '_alan');
    expect(widget.seen.slice(0, 2)).toEqual(['online ' + adaId(), 'logout']);
    expect(states.statuses()).toEqual(['signing-in', 'signed-in']);
  });

  it('a switch begun the moment the widget answers the refresh: the superseded refresh commits nothing, so no timer of its own cuts the switch short', async () => {
    const { client, states, widget } = await signedInAboutToRefresh(6);
    const alanToken = await token(600, 'alan');
    // Longer than the next refresh of Ada's 6 s token would wait (3 s at most), shorter than her token
    // lasts: a timer the superseded refresh left would fire while the switch waits for her chat.
    await emulator.delayNext(fx.project.id, 'createCustomToken', 3500);
    await until('the refresh handed to the widget', () => widget.answers.length > 0, 5000);
    // Chained on the widget's answer itself, so the switch begins before the refresh has resumed.
    const switching = Promise.resolve(widget.answers[0]).then(() => client.signIn(alanToken));
    await expect(switching).resolves.toMatchObject({ id: fx.project.id + '_alan' });
    expect(states.statuses()).toEqual(['signing-in', 'signed-in']);
    expect(client.getState().user?.id).toBe(fx.project.id + '_alan');
  });

  it('a refreshed chat that never comes back delays the sign-out only briefly: the widget is logged out, nothing of Ada stays', async () => {
    // The wait is bounded by half of loadTimeoutMs (at most 5 s); a shorter limit keeps the test short.
    const { client, states, widget } = await signedInAboutToRefresh(4, { loadTimeoutMs: 3000 });
    // The refreshed sign-in half succeeds: answered, but no chat token, so no online ever.
    await emulator.failNext(fx.project.id, 'createCustomToken', { status: 500 });
    await until('the refresh handed to the widget', () => widget.answers.length > 0, 5000);
    await widget.answers[0];
    tab.signOut();
    await settled(client, widget.seen);
    expect(widget.seen[0]).toBe('logout');
    expect(states.statuses()).toEqual(['signed-out']);
    expect(tokenKeys()).toEqual([]);
  });

  it('a refused refresh needs no online: the sign-out from another tab still ends signed-out, not error, with nothing left', async () => {
    const { client, states, widget } = await signedInAboutToRefresh();
    await emulator.delayNext(fx.project.id, 'signinWithCustomToken', RECONNECT_HOLD_MS);
    await emulator.failNext(fx.project.id, 'signinWithCustomToken', { status: 401 });
    await until('the refresh handed to the widget', () => widget.answers.length > 0, 5000);
    tab.signOut();
    await until('signed-out', () => client.getState().status === 'signed-out', 8000);
    await until('the widget offline', () => widget.seen.includes('offline'));
    expect(states.statuses()).toEqual(['signed-out']);
    expect(client.getState().error).toBeNull();
    expect(tokenKeys()).toEqual([]);
  });
});
