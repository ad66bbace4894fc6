// The auth scenarios, one list for every sample on every widget in real Chromium: the emulated
// widget always, and the real Tiledesk widget build when TILEDESK_REAL_WIDGET_DIR names it (one
// describe per widget × sample). Each sample × widget has its spec file
// (auth-scenarios.<app>.<widget>.spec.ts) that registers them, so each file stays well under the
// runner's per-file cap. Each test owns a fresh server + emulator project and a fresh browser
// context; scenario 10 (no page/console errors, the shared secret never in a response) is checked
// at the end of every test by runScenario().
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EmulatorRoute } from '@tiledesk-auth/testing';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { readJwtClaims } from './jwt-claims';
import type { ObservedRequest } from './page-watch';
import { runScenario, type SampleTab, type ScenarioContext } from './scenario';
import { saveScreenshot } from './screenshot';
import { SAMPLE_APPS, type DemoStack, type DemoUser, type SampleApp } from './stack';
import { assertSignedOutCleanly, signInTwoTabs, signOutBothTabs } from './two-tabs';
import { openWithSession } from './open-with-session';
import { sleep, waitUntil } from './wait-until';
import { selectedWidgets, type WidgetKind } from './widgets';

const TOKEN_ROUTE = /\/api\/tiledesk-token$/;
const WIDGET_SCRIPT = /\/launch\.js$/;
const SIGN_IN_ROUTE = /\/auth\/signinWithCustomToken$/;
const EVENTS_ROUTE = /\/api\/[0-9a-f]{24}\/events$/;
/**
 * Lifetime of tokens in the refresh scenarios. Shorter than core's refresh margin (60 s), so core
 * refreshes at half the lifetime: a few seconds in. Twelve, not eight: the token is minted as the
 * page starts, and on a loaded machine the real widget's boot took so long that an 8 s token had
 * expired before the page was signed in with it, so its refresh came too late to count.
 */
const SHORT_TOKEN_SECONDS = 12;
/**
 * Token lifetime of the second tab in the two-tab sign-out: long enough that its refresh (at half
 * of it) comes after the sign-out has reached it, short enough that a refresh surviving the
 * sign-out fires within the test. Ten seconds from the token to the sign-out: on a loaded machine
 * the second tab's page, widget and chat take several seconds to sign in, and at six seconds the
 * refresh sometimes fired just as the sign-out was clicked, a token request the scenario counts
 * (12b makes a refresh meet the sign-out on purpose).
 */
const TWO_TAB_TOKEN_SECONDS = 20;
/**
 * Token lifetime of the second tab when its refresh is meant to meet the sign-out (12b): the refresh
 * comes at half of it, and the tokens must outlive the refresh's held-back chat and the logout after
 * it (at 8 s the real widget's `/events` post around the logout got a 401, an expired token).
 */
const RACING_TOKEN_SECONDS = 16;
/**
 * How long 12b holds back the chat token of the second tab's refresh: the gap between the widget's
 * answer to the sign-in and its chat coming back, made wide enough for a click to land in it.
 */
const REFRESH_CHAT_HOLD_MS = 3000;
/**
 * A cap per scenario, so that one hung scenario fails alone instead of eating the whole file's
 * limit (scripts/e2e.mjs caps each spec file; this one runs every scenario per widget × sample).
 */
const SCENARIO = { timeout: 120_000 };

/**
 * Registers every auth scenario for `app` on `fileWidget`, with one browser for the file.
 * Nothing is registered when the run leaves the app out (`E2E_APPS=next,angular` runs those two;
 * the default is every sample) or the widget (`E2E_WIDGETS`; the real one runs only when
 * `TILEDESK_REAL_WIDGET_DIR` names its build).
 *
 * @example
 * ```ts
 * // e2e/auth-scenarios.next.real.spec.ts
 * describeAuthScenarios('next', 'real');
 * ```
 */
export function describeAuthScenarios(app: SampleApp, fileWidget: WidgetKind): void {
  const widgets = selectedWidgets().filter((selected) => selected === fileWidget);
  if (!selectedApps(process.env['E2E_APPS']).includes(app) || widgets.length === 0) return;
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  for (const widget of widgets) {
    // scripts/e2e-widget-tally.mjs counts scenarios per widget by this name: keep its ", <widget> widget" end.
    describe(`${app} sample, ${widget} widget`, () => {
      const scenario = (body: (s: ScenarioContext) => Promise<void>) => () => runScenario(browser, app, widget, body);

      it(
        '1. page load fetches a token and signs the visitor in; the page shows the user and the launcher',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          const ada = demoUser(stack, 0);
          await openWithSession(tab, ada, 'signed-in');

          assert.equal(await tab.text('user-id'), tiledeskId(stack, ada));
          assert.equal(await tab.text('user-email'), ada.email);
          const tokenCalls = tab.watch.requestsTo(TOKEN_ROUTE, 'POST');
          assert.deepEqual(
            tokenCalls.map((r) => r.status),
            [200],
            'exactly one token request, answered 200',
          );
          assert.deepEqual(signInStatuses(stack), [200], 'exactly one sign-in reached Tiledesk, accepted');

          // A visitor who cannot see the launcher cannot chat: the page must render it AND the widget
          // must think it is shown (its own isShown), right after the first sign-in.
          const launcher = await tab.widget.waitForVisibleLauncher();
          assert.equal(launcher.isShown, true);

          // The widget itself knows the visitor: open the chat through its own launcher.
          await tab.widget.openChat();
          await waitUntil('the widget to know the visitor', async () => {
            const description = await tab.widget.userDescription();
            if (description.includes(widget === 'real' ? tiledeskId(stack, ada) : ada.email)) return true;
            throw new Error(`the widget says: ${description}`);
          });
          if (widget === 'emulated') await saveScreenshot(tab.page, app);
        }),
      );

      it(
        '1b. without a session the demo login is shown; picking a user signs them in',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          const grace = demoUser(stack, 1);
          await tab.open();
          await waitUntil('the demo login', async () => (await tab.text(`login-${grace.id}`)) !== undefined);
          assert.notEqual(await tab.text('status'), 'signed-in');
          assert.equal(tab.watch.requestsTo(TOKEN_ROUTE).length, 0, 'no token is asked for without a session');

          await tab.click(`login-${grace.id}`);
          await tab.waitForStatus('signed-in');
          assert.equal(await tab.text('user-id'), tiledeskId(stack, grace));
        }),
      );

      it(
        '2. the token request and the widget script load run in parallel',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          // Slow both down, so that if they ran one after the other, the gap could not be missed: the
          // emulator holds the script back, and the browser holds the token response back. The script
          // is held longer: the page preloads launch.js from its head, so it starts well before the
          // bundle runs and asks for a token (about 1.6 s later on a busy machine).
          stack.emulator.delayNext(stack.projectId, 'widget', 4000);
          await tab.page.route(TOKEN_ROUTE, async (route) => {
            await sleep(1500);
            await route.continue();
          });
          await openWithSession(tab, demoUser(stack, 0), 'signed-in');

          const [token, tokenEnd, script] = await waitUntil('both requests to complete', () => {
            const t = tab.watch.requestsTo(TOKEN_ROUTE, 'POST')[0];
            const s = tab.watch.requestsTo(WIDGET_SCRIPT, 'GET')[0];
            // Angular's fetch backend aborts its request on teardown, even once the body has been read,
            // so the browser may report the token request aborted after its response came. The arrival of
            // that response is then a lower bound of its end, which keeps the overlap check sound.
            const tEnd = t?.endedAt ?? (t?.status === 200 && t.failure === 'net::ERR_ABORTED' ? t.respondedAt : undefined);
            if (tEnd !== undefined && s?.endedAt !== undefined) return [t, tEnd, s] as const;
            // Thrown, not returned: on timeout, waitUntil reports the last state of both requests.
            throw new Error(`token request ${describeRequest(t)}; script request ${describeRequest(s)}`);
          });
          const story = `token ${token.startedAt}-${tokenEnd}, script ${script.startedAt}-${script.endedAt}`;
          assert.ok(token.startedAt < (script.endedAt ?? 0), `the token request started before the script finished loading (${story})`);
          assert.ok(script.startedAt < tokenEnd, `the script request started before the token response ended (${story})`);
        }),
      );

      it(
        '3. reload keeps the identity; another device with the same app user gets the same Tiledesk id',
        SCENARIO,
        scenario(async ({ stack, tab, newDevice }) => {
          const ada = demoUser(stack, 0);
          await openWithSession(tab, ada, 'signed-in');
          const first = await tab.text('user-id');
          assert.equal(first, tiledeskId(stack, ada));

          await tab.page.reload();
          await tab.waitForStatus('signed-in');
          assert.equal(await tab.text('user-id'), first, 'same identity after reload');

          const otherDevice = await newDevice();
          await openWithSession(otherDevice, ada, 'signed-in');
          assert.equal(await otherDevice.text('user-id'), first, 'same Tiledesk user id on another device');
          assertEverySignInAccepted(stack);
        }),
      );

      it(
        "4. switching user A → B ends signed in as B with none of A's storage left",
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          const ada = demoUser(stack, 0);
          const grace = demoUser(stack, 1);
          await openWithSession(tab, ada, 'signed-in');
          const before = await tab.widgetStorage();
          assertOwnPrefix(before, stack);
          const adaToken = storedToken(before, stack);
          assert.equal(readJwtClaims(adaToken ?? '')?.['_id'], tiledeskId(stack, ada), "A's token is in storage");

          await tab.click('switch-user');
          await waitUntil(`user-id of ${grace.id}`, async () => (await tab.text('user-id')) === tiledeskId(stack, grace));
          await tab.waitForStatus('signed-in');

          // The widget itself moved to B: its panel (emulated), its senderId and stored user (real).
          const widgetUser = await waitUntil('the widget to know B', async () => {
            const description = await tab.widget.userDescription();
            return description.includes(widget === 'real' ? tiledeskId(stack, grace) : grace.email) ? description : undefined;
          });
          assert.ok(
            !widgetUser.includes(tiledeskId(stack, ada)) && !widgetUser.includes(ada.email),
            `the widget still refers to A: ${widgetUser}`,
          );
          const after = await tab.widgetStorage();
          assertOwnPrefix(after, stack);
          const graceToken = storedToken(after, stack);
          assert.equal(readJwtClaims(graceToken ?? '')?.['_id'], tiledeskId(stack, grace), "B's token is in storage");
          for (const [key, value] of Object.entries(after)) {
            assert.ok(!value.includes(tiledeskId(stack, ada)), `${key} still refers to A: ${value}`);
            assert.ok(adaToken === undefined || !value.includes(adaToken), `${key} still holds A's token`);
          }
        }),
      );

      it(
        '5. sign-out leaves the visitor signed out, no widget keys, and no further token requests',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          // Short-lived tokens: a refresh timer that survived sign-out would fire inside this test.
          await stack.setTokenExpiresIn(SHORT_TOKEN_SECONDS);
          await openWithSession(tab, demoUser(stack, 0), 'signed-in');
          // The token the widget signed in with, as it stored it: its exp is when a refresh was due.
          const expiresAt = Number(readJwtClaims(storedToken(await tab.widgetStorage(), stack) ?? '')?.['exp']) * 1000;
          assert.ok(Number.isFinite(expiresAt), 'the stored token carries an expiry');

          await tab.click('sign-out');
          await tab.waitForStatus('signed-out');
          // Any prefix: a key under the other build's prefix would be left-over state too.
          assert.deepEqual(
            Object.keys(await tab.widgetStorage()),
            [],
            `no widget_sv*_ keys remain (this widget writes ${stack.storagePrefix}_)`,
          );
          const tokenCount = tab.watch.requestsTo(TOKEN_ROUTE).length;
          const signInCount = signInStatuses(stack).length;

          // This scenario is about time: stay signed out until past the first token's expiry, by which
          // time a refresh that survived sign-out would have fired.
          await sleep(Math.max(0, expiresAt - Date.now()) + 1000);
          assert.equal(tab.watch.requestsTo(TOKEN_ROUTE).length, tokenCount, 'no token request after sign-out');
          assert.equal(signInStatuses(stack).length, signInCount, 'no sign-in reached Tiledesk after sign-out');
          assert.equal(await tab.text('status'), 'signed-out');
          const lastAuth = (await tab.widget.events()).filter((e) => e.name === 'onAuthStateChanged').at(-1);
          assert.deepEqual([lastAuth?.event, lastAuth?.isLogged], ['offline', false], 'the widget itself ended signed out');
        }),
      );

      it(
        '6. a token near expiry is refreshed before it expires, without the page noticing',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          await stack.setTokenExpiresIn(SHORT_TOKEN_SECONDS);
          await openWithSession(tab, demoUser(stack, 0), 'signed-in');
          const id = await tab.text('user-id');
          const signedInAt = (await tab.statusHistory()).length;
          // Read from what the widget stored, not from the token response: Angular's fetch backend may
          // abort a request whose body it has read, and the browser then no longer has that body.
          const firstToken = storedToken(await tab.widgetStorage(), stack) ?? '';
          const firstClaims = readJwtClaims(firstToken);
          const firstExpiresAt = Number(firstClaims?.['exp']) * 1000;
          assert.ok(Number.isFinite(firstExpiresAt), 'the stored token carries an expiry');

          await waitUntil('a second token request', () => tab.watch.requestsTo(TOKEN_ROUTE, 'POST').length >= 2, {
            timeoutMs: firstExpiresAt - Date.now() + 5_000,
            intervalMs: 250,
          });
          const refresh = tab.watch.requestsTo(TOKEN_ROUTE, 'POST')[1];
          assert.ok(refresh && refresh.startedAt < firstExpiresAt, 'the refresh started before the first token expired');
          const refreshed = await waitUntil('a refreshed token to be accepted by Tiledesk and stored', async () => {
            const stored = storedToken(await tab.widgetStorage(), stack);
            return stored !== undefined && stored !== firstToken && signInStatuses(stack).length >= 2 ? stored : undefined;
          });
          const refreshedClaims = readJwtClaims(refreshed);
          assert.equal(refreshedClaims?.['_id'], firstClaims?.['_id'], 'the refreshed token is for the same visitor');
          assert.ok(Number(refreshedClaims?.['exp']) * 1000 > firstExpiresAt, 'the refreshed token lives longer than the first');

          const history = (await tab.statusHistory()).slice(signedInAt - 1);
          assert.deepEqual(history, ['signed-in'], `the status never left signed-in (saw ${history.join(' → ')})`);
          assert.equal(await tab.text('user-id'), id, 'the Tiledesk user id did not change');
          assertEverySignInAccepted(stack);
        }),
      );

      it(
        '7a. a failing token endpoint (500) shows the error view; retry signs in',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          await stack.failTokenRequests({ status: 500, times: 1 });
          tab.watch.expectFailedResource(TOKEN_ROUTE);
          await openWithSession(tab, demoUser(stack, 0), 'error');
          assert.equal(await tab.text('error'), 'token-fetch-failed');

          await tab.click('retry');
          await tab.waitForStatus('signed-in');
          assert.equal(await tab.text('user-id'), tiledeskId(stack, demoUser(stack, 0)));
        }),
      );

      it(
        '7b. a token endpoint that never answers shows the error view; retry signs in',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          await stack.failTokenRequests({ hang: true, times: 1 });
          tab.watch.expectFailedResource(TOKEN_ROUTE);
          await openWithSession(tab, demoUser(stack, 0), 'error', { timeoutMs: 40_000 });
          assert.match((await tab.text('error')) ?? '', /^(timeout|token-fetch-failed)$/);

          await tab.click('retry');
          await tab.waitForStatus('signed-in');
        }),
      );

      it(
        '8. a widget script that fails to load shows the error view, with no unhandled rejection; retry works',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          stack.emulator.failNext(stack.projectId, 'widget', { status: 500, times: 1 });
          tab.watch.expectFailedResource(WIDGET_SCRIPT);
          await openWithSession(tab, demoUser(stack, 0), 'error');
          assert.equal(await tab.text('error'), 'script-load-failed');
          assert.deepEqual(tab.watch.pageErrors, [], 'no unhandled error or rejection');

          await tab.click('retry');
          await tab.waitForStatus('signed-in');
        }),
      );

      it(
        '9. after the secret is rotated the next sign-in fails clearly, then works with the new secret',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          const ada = demoUser(stack, 0);
          await openWithSession(tab, ada, 'signed-in');
          await tab.click('sign-out');
          await tab.waitForStatus('signed-out');

          const newSecret = stack.rotateSecret();
          tab.watch.expectFailedResource(SIGN_IN_ROUTE);
          await tab.click('sign-in');
          await tab.waitForStatus('error');
          assert.equal(await tab.text('error'), 'token-rejected');
          assert.equal(signInStatuses(stack).at(-1), 401, 'Tiledesk refused the token signed with the old secret');

          await stack.useSecret(newSecret);
          await tab.click('retry');
          await tab.waitForStatus('signed-in');
          assert.equal(await tab.text('user-id'), tiledeskId(stack, ada));
          assert.equal(signInStatuses(stack).at(-1), 200);
        }),
      );

      it(
        '9b. a returning visitor whose stored token predates the rotation is signed in with the new secret',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          const ada = demoUser(stack, 0);
          await openWithSession(tab, ada, 'signed-in');

          // Both sides rotated; the browser still holds a token signed with the old secret.
          await stack.useSecret(stack.rotateSecret());
          tab.watch.expectFailedResource(EVENTS_ROUTE);
          await tab.page.reload();
          await tab.waitForStatus('signed-in');
          assert.equal(await tab.text('user-id'), tiledeskId(stack, ada));
          assert.equal(signInStatuses(stack).at(-1), 200);
        }),
      );

      it(
        '10. a whole visit (login, switch, sign-out) shows no errors and never exposes the secret',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          const ada = demoUser(stack, 0);
          await tab.open();
          await waitUntil('the demo login', async () => (await tab.text(`login-${ada.id}`)) !== undefined);
          await tab.click(`login-${ada.id}`);
          await tab.waitForStatus('signed-in');
          await tab.click('switch-user');
          await waitUntil('the next user', async () => (await tab.text('user-id')) === tiledeskId(stack, demoUser(stack, 1)));
          await tab.click('sign-out');
          await tab.waitForStatus('signed-out');

          // Besides every response the page received (checked by runScenario), ask each API route directly.
          for (const path of ['/api/config', '/api/demo-users', '/api/session']) {
            const body = await (await tab.context.request.get(`${stack.url}${path}`)).text();
            for (const secret of stack.secrets) assert.ok(!body.includes(secret), `${path} exposes the shared secret`);
          }
          assert.deepEqual(tab.watch.pageErrors, []);
        }),
      );

      it(
        '11. the chat connection drops and comes back: the sample ends signed in with no extra status',
        SCENARIO,
        scenario(async ({ stack, tab }) => {
          const ada = demoUser(stack, 0);
          await openWithSession(tab, ada, 'signed-in');
          const onInits = async () => (await tab.widget.events()).filter((e) => e.name === 'onInit').length;
          // Signed in means online, and the widget fires onInit just before its first online.
          const initsBefore = await waitUntil('the first onInit', async () => ((await onInits()) > 0 ? onInits() : undefined));
          const statusesBefore = await tab.statusHistory();
          const tokenCount = tab.watch.requestsTo(TOKEN_ROUTE).length;
          const signInCount = signInStatuses(stack).length;

          // The real widget subscribes to its user's topics just after `online`; a drop before the
          // broker has granted them makes it log a subscription error, which is not this scenario.
          await waitUntil('the chat to hold its subscriptions', () =>
            stack.emulator.chatClients(stack.projectId).every((client) => client.topics.length > 0),
          );
          stack.emulator.dropChatConnections(stack.projectId);
          // The widget says nothing when the connection drops; it fires onInit + online again once it
          // has reconnected, which is the moment the sample could go wrong.
          await waitUntil('the widget to reconnect (onInit again)', async () => (await onInits()) > initsBefore, { timeoutMs: 30_000 });
          await waitUntil('the online after the reconnection', async () => {
            const events = await tab.widget.events();
            const last = events.filter((e) => e.name === 'onAuthStateChanged').at(-1);
            return last?.event === 'online';
          });

          assert.equal(await tab.text('status'), 'signed-in');
          assert.equal(await tab.text('user-id'), tiledeskId(stack, ada));
          assert.deepEqual(await tab.statusHistory(), statusesBefore, 'no status came and went during the outage');
          assert.equal(tab.watch.requestsTo(TOKEN_ROUTE).length, tokenCount, 'no token was fetched because of the outage');
          assert.equal(signInStatuses(stack).length, signInCount, 'no sign-in was sent because of the outage');
        }),
      );

      it(
        '12. a sign-out in one tab signs the chat out in the other tab of the same site, once, with nothing of the user left',
        SCENARIO,
        scenario(async ({ stack, tab, newTab }) => {
          // The first tab keeps the default lifetime, so that no refresh of its own races its sign-out
          // (scenario 5 covers its timers); the second tab's short-lived token would have a refresh timer
          // left running there fire inside this test.
          const ada = demoUser(stack, 0);
          const tabs = await signInTwoTabs({ stack, tab, newTab }, ada, TWO_TAB_TOKEN_SECONDS);
          const { other } = tabs;
          assert.equal(await other.text('user-id'), tiledeskId(stack, ada), 'the second tab signed the same visitor in');
          const expiresAt = Number(readJwtClaims(storedToken(await other.widgetStorage(), stack) ?? '')?.['exp']) * 1000;
          assert.ok(Number.isFinite(expiresAt), 'the stored token carries an expiry');

          const clickedAt = await signOutBothTabs(tab, other);
          // Told by the first tab, not found out at its next refresh (which would ask for a token first).
          assert.equal(tokenRequestsSince(other, clickedAt), 0, 'the other tab signed out without asking for a token');
          const signInCount = signInStatuses(stack).length;

          // This scenario is about time: a sign-in loop (the tabs signing each other back in or out) or
          // a refresh that survived the sign-out would show up before the last token's expiry has passed.
          await sleep(Math.max(0, expiresAt - Date.now()) + 1000);
          assert.deepEqual(
            [tab, other].map((each) => tokenRequestsSince(each, clickedAt)),
            [0, 0],
            `no token request in either tab after the sign-out (the tabs went ${(await tab.statusHistory()).join(' → ')} and ${(await other.statusHistory()).join(' → ')})`,
          );
          assert.equal(signInStatuses(stack).length, signInCount, 'no sign-in reached Tiledesk after the sign-out');
          await assertSignedOutCleanly(tabs, 'the other tab went straight to signed-out and stayed');
          assert.equal(await tab.text('status'), 'signed-out', 'the tab that signed out stayed signed out');
          const lastAuth = (await other.widget.events()).filter((e) => e.name === 'onAuthStateChanged').at(-1);
          assert.deepEqual([lastAuth?.event, lastAuth?.isLogged], ['offline', false], "the other tab's widget itself ended signed out");
          for (const each of [tab, other]) {
            for (const [key, value] of Object.entries(await allStorage(each))) {
              for (const trace of [tiledeskId(stack, ada), ada.email]) {
                assert.ok(!key.includes(trace) && !value.includes(trace), `${key} still refers to the signed-out user: ${value}`);
              }
            }
          }
        }),
      );

      it(
        '12b. a sign-out in one tab that meets a refresh in the other: that tab logs out once its refreshed chat is back, with no widget error',
        SCENARIO,
        scenario(async ({ stack, tab, newTab }) => {
          const tabs = await signInTwoTabs({ stack, tab, newTab }, demoUser(stack, 0), RACING_TOKEN_SECONDS);
          const { other } = tabs;
          const requests = (route: EmulatorRoute) => stack.emulator.requests(stack.projectId).filter((r) => r.route === route);
          const signInsBefore = requests('signinWithCustomToken').length;
          const chatTokensBefore = requests('createCustomToken').length;
          // Only the second tab refreshes within the test: the next chat token is its refresh's.
          stack.emulator.delayNext(stack.projectId, 'createCustomToken', REFRESH_CHAT_HOLD_MS);
          await waitUntil(
            'Tiledesk to answer the refresh of the second tab',
            () => requests('signinWithCustomToken').length > signInsBefore,
            {
              timeoutMs: RACING_TOKEN_SECONDS * 1000,
            },
          );
          const authEvents = async () => (await other.widget.events()).filter((e) => e.name === 'onAuthStateChanged');
          const authEventsBefore = (await authEvents()).length;

          const clickedAt = await signOutBothTabs(tab, other);
          const chatToken = await waitUntil('the chat token of the refresh', () => requests('createCustomToken')[chatTokensBefore]);
          assert.ok(
            chatToken.endedAt > clickedAt,
            'the sign-out came while the refreshed chat was still connecting (the race this scenario is about)',
          );
          // Logged out under a reconnecting chat, the widget fails on its null user instead of coming online.
          const nullUserErrors = () =>
            [...other.watch.pageErrors, ...other.watch.consoleErrors.map((line) => line.text)].filter((text) =>
              text.includes("reading 'uid'"),
            );
          const since = await waitUntil('the refreshed chat to connect', async () => {
            const events = (await authEvents()).slice(authEventsBefore);
            const settled = events.some((e) => e.event === 'online') && events.at(-1)?.event === 'offline';
            return settled || nullUserErrors().length > 0 ? events : undefined;
          });
          assert.deepEqual(nullUserErrors(), [], 'the widget was not logged out under its reconnecting chat');
          assert.deepEqual(
            since.map((e) => e.event),
            ['online', 'offline', 'offline'],
            'the refreshed chat came back online, then the logout (offline twice)',
          );
          await assertSignedOutCleanly(tabs, 'no state of the refresh showed');
          assert.equal(tokenRequestsSince(other, clickedAt), 0, 'the other tab signed out without asking for a token');
        }),
      );
    });
  }
}

/** How many token requests `tab` started at `since` or later. */
function tokenRequestsSince(tab: SampleTab, since: number): number {
  return tab.watch.requestsTo(TOKEN_ROUTE).filter((request) => request.startedAt >= since).length;
}

/** Every localStorage and sessionStorage entry of a tab, keys prefixed with the storage's name. */
function allStorage(tab: SampleTab): Promise<Record<string, string>> {
  return tab.page.evaluate(() => {
    const entries: Record<string, string> = {};
    for (const [name, storage] of [
      ['localStorage', localStorage],
      ['sessionStorage', sessionStorage],
    ] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key !== null) entries[`${name}:${key}`] = storage.getItem(key) ?? '';
      }
    }
    return entries;
  });
}

/** `E2E_APPS=angular` runs one app only (while working on it); the default is every sample. */
function selectedApps(list: string | undefined): readonly SampleApp[] {
  if (!list) return SAMPLE_APPS;
  const wanted = list.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !(SAMPLE_APPS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`E2E_APPS names unknown apps: ${unknown.join(', ')} (known: ${SAMPLE_APPS.join(', ')})`);
  return SAMPLE_APPS.filter((app) => wanted.includes(app));
}

function demoUser(stack: DemoStack, index: number): DemoUser {
  const user = stack.users[index];
  assert.ok(user, `the token server has a demo user #${index + 1}`);
  return user;
}

/** The widget's user id for a demo user: `<projectId>_<userId>` (docs/widget-protocol.md, the visitor token's claims). */
function tiledeskId(stack: DemoStack, user: DemoUser): string {
  return `${stack.projectId}_${user.id}`;
}

/** Statuses of the sign-in calls Tiledesk (the emulator) received for this project, in order. */
function signInStatuses(stack: DemoStack): number[] {
  const requests = stack.emulator.requests(stack.projectId);
  return requests.filter((r) => r.route === 'signinWithCustomToken').map((r) => r.status);
}

function assertEverySignInAccepted(stack: DemoStack): void {
  assert.ok(
    signInStatuses(stack).every((status) => status === 200),
    'every sign-in was accepted',
  );
}

function describeRequest(request: ObservedRequest | undefined): string {
  if (request === undefined) return 'not seen';
  if (request.failure !== undefined) return `failed (${request.failure})`;
  return request.endedAt === undefined ? `pending (status ${request.status ?? 'none'})` : 'finished';
}

/** Every widget key the page holds is this widget's own: `<storagePrefix>_<projectId>_`. */
function assertOwnPrefix(storage: Record<string, string>, stack: DemoStack): void {
  const own = `${stack.storagePrefix}_${stack.projectId}_`;
  const foreign = Object.keys(storage).filter((key) => !key.startsWith(own));
  assert.deepEqual(foreign, [], `every widget key starts with ${own}`);
  assert.ok(Object.keys(storage).length > 0, `the widget stored its ${own}* keys`);
}

function storedToken(storage: Record<string, string>, stack: DemoStack): string | undefined {
  return storage[`${stack.storagePrefix}_${stack.projectId}_tiledeskToken`];
}
