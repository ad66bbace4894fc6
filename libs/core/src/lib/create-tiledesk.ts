import type { TiledeskAuthStatus, TiledeskUser } from './auth-state';
import { createAuthStore } from './auth-store';
import { listen } from './dom-events';
import { fail, noop } from './fail';
import { lastCallWins, type Guard } from './last-call-wins';
import { parseToken, type ParsedToken } from './jwt';
import { loadWidget, stub, widgetWindow, type WidgetPage } from './load-widget';
import type { TiledeskOptions } from './options';
import { resolveOptions } from './resolve-options';
import { TiledeskAuthError } from './tiledesk-auth-error';
import type { TiledeskClient } from './tiledesk-client';
import { refreshDelay, retryDelay } from './token-refresh';
import type { TiledeskAuthStateChangedDetail as Auth } from './widget-events';
import { clearWidgetStorage, storedTokens } from './widget-storage';
import { within } from './within';

type Timer = ReturnType<typeof setTimeout>;

/**
 * Creates the client for one Tiledesk project. Nothing is loaded until `load()` or `signIn()`.
 *
 * On a server (no `window`) the client is inert: it never touches the DOM, its state stays `idle`,
 * `ready`/`load()`/`signOut()` resolve at once, other methods do nothing, and `signIn()` rejects
 * with `not-in-browser`.
 *
 * @throws TiledeskAuthError `invalid-options` when an option is missing or malformed.
 * @example
 * ```ts
 * const client = createTiledesk({
 *   projectId: '65f0c0ffee0123456789abcd',
 *   getToken: () => fetch('/api/tiledesk-token', { method: 'POST' }).then((r) => r.json()).then((b) => b.token),
 * });
 * client.subscribe((s) => console.log(s.status));
 * await client.signIn();
 * ```
 */
export function createTiledesk(options: TiledeskOptions): TiledeskClient {
  const o = resolveOptions(options);
  const { projectId, logger, loadTimeoutMs: ms, getToken } = o;
  const store = createAuthStore((e) => logger.error('tiledesk: a state listener threw', e));
  const ssr = typeof window == 'undefined' || typeof document == 'undefined';

  let pg: WidgetPage | undefined;
  let bootP: Promise<WidgetPage> | undefined;
  const ops = lastCallWins(ms);
  /** The widget call in flight: the next operation waits for it, so calls never interleave. */
  let busy: Promise<unknown> = Promise.resolve();
  /** Who we want signed in: a user after signIn(), null after signOut(), undefined before either. */
  let me: TiledeskUser | null | undefined;
  /** Users we sent to the widget; if one comes online after signOut() we undo it. */
  const tried = new Set<string>();
  let exp: number | undefined;
  let timer: Timer | undefined;
  let wantOpen = false;
  /** show()/hide() asked for before boot: applied at boot instead of the policy. */
  let forced: string | undefined;
  /** Destroyed, or on a server: every method is a no-op from then on. */
  let dead = ssr;
  let settle!: [() => void, (e: unknown) => void];
  const ready = new Promise<void>((a, b) => (settle = [a, b]));
  ready.catch(noop);
  if (ssr) settle[0]();
  const offs = new Set<() => void>();

  const status = () => store.get().status;
  const call = (name: string, arg?: unknown): unknown => {
    const w = widgetWindow();
    const t = w.tiledesk;
    if (pg?.up && t && typeof t[name] == 'function') return (t[name] as (a: unknown) => unknown).call(t, arg);
    // Not booted yet: the stub queues it; the widget runs it when it drains the queue.
    return stub(w)(name, arg);
  };
  /** The visibility policy (`showWhen`) for the current status. */
  const policy = () => (o.showWhen == 'always' || (o.showWhen == 'signed-in' && status() == 'signed-in') ? 'show' : 'hide');
  const toggle = (name: string) => void (dead || (pg?.up ? call(name) : (forced = name)));
  const set = (s: TiledeskAuthStatus, u?: TiledeskUser | null, e?: TiledeskAuthError | null) => {
    const was = status();
    store.set(s, u, e);
    if (s != was && pg?.up) call(policy());
  };
  /** A widget method returning a foreign-realm thenable; bounded so `busy` cannot hang. */
  const widgetCall = (name: string, arg?: unknown) => {
    const p = Promise.resolve(call(name, arg));
    busy = within(p, ms).catch(noop);
    return p;
  };
  const onAuth = (fn: (a: Partial<Auth>) => unknown) => listen('onAuthStateChanged', (d) => fn((d ?? {}) as Auth));

  /** Follows the widget's level-triggered auth stream when no operation is deciding the state. */
  const sync = (a?: Partial<Auth>) => {
    if (ops.busy() || dead || !a || !pg) return;
    const id = a.user_id;
    const s = status();
    if (a.isLogged) {
      if (me === null && id && tried.has(id)) {
        // A sign-in we gave up on (superseded, timed out) connected late: undo it.
        Promise.resolve(call('logout')).catch(noop);
        clearWidgetStorage(projectId);
      } else if (!me || me.id == id) set('signed-in', me || (id ? Object.freeze({ id }) : null));
    } else if (s == 'signed-in' || s == 'loading') {
      clearTimeout(timer);
      set('signed-out');
    }
  };
  /** Attached at the first boot, not at construction: a client built and dropped (StrictMode) leaves nothing behind. */
  let following = false;

  const boot = (): Promise<WidgetPage> => {
    if (!bootP) {
      if (!following) offs.add(onAuth(sync));
      following = true;
      if (status() == 'idle') set('loading');
      const p = (bootP = new Promise<WidgetPage>((res, rej) => {
        const page = loadWidget(projectId, o.widgetUrl, o.settings, o.bootImmediately);
        if (pg != page) page.n++;
        pg = page;
        const t = setTimeout(rej, ms, fail('timeout', 'The widget did not boot in ' + ms + ' ms'));
        page.boot.then(() => res(page), rej).finally(() => clearTimeout(t));
      }));
      p.then(
        () => {
          settle[0]();
          if (!dead) {
            // A widget booted before we came (another bundle's snippet) has told us nothing yet.
            sync(pg?.auth || {});
            call(forced || policy());
            forced = undefined;
          }
        },
        (e) => {
          if (bootP == p) bootP = undefined;
          settle[1](e);
          if (!ops.busy() && !dead) set('error', null, e);
        },
      );
    }
    return bootP;
  };

  const logout = (guard: Guard) => {
    // Without this an autoStart:true build would sign a guest in right after logout.
    call('setParameter', { key: 'autoStart', value: false });
    return guard(within(widgetCall('logout'), Math.min(ms / 2, 5000)).catch(noop));
  };
  const sendToken = (header: string) =>
    widgetCall('signInWithCustomToken', header).then(noop, (e) => {
      throw fail('token-rejected', 'Tiledesk refused the token', e);
    });

  const fetchToken = async (): Promise<ParsedToken> => {
    let raw: unknown;
    try {
      raw = await getToken?.();
    } catch (e) {
      throw fail('token-fetch-failed', 'getToken() failed', e);
    }
    if (typeof raw != 'string') throw fail('token-fetch-failed', 'getToken() gave a ' + typeof raw + ', not a string');
    return parseToken(raw, projectId);
  };

  const plan = () => {
    clearTimeout(timer);
    if (exp && getToken) timer = setTimeout(refresh, refreshDelay(exp, o.refreshMarginSeconds, Date.now()), 0);
  };
  const refresh = (attempt: number) =>
    signIn(undefined, true).catch((e: TiledeskAuthError) => {
      if (e.code != 'token-fetch-failed' || ops.busy() || dead || status() != 'signed-in') return;
      logger.warn('tiledesk: token refresh failed', e);
      if ((exp ?? 0) * 1000 > Date.now()) timer = setTimeout(refresh, retryDelay(attempt), attempt + 1);
      else set('error', null, e);
    });

  const signIn = async (token?: string, refreshing?: boolean): Promise<TiledeskUser> => {
    if (dead) throw ssr ? fail('not-in-browser', 'signIn() needs a browser') : fail('destroyed', 'Client destroyed');
    const [live, guard, end] = ops.begin();
    clearTimeout(timer);
    let sent = false;
    try {
      // A malformed token fails here, before any network call.
      const given = token === undefined ? undefined : parseToken(token, projectId);
      if (!given && !getToken) throw fail('invalid-options', 'signIn() needs a token or the getToken option');
      if (status() != 'signed-in') set('signing-in');
      // Token and script in parallel: the slower of the two sets the pace, not their sum.
      const [t, page] = await guard(Promise.all([given || fetchToken(), boot()]));
      await guard(busy);
      const u = t.user;
      const a = page.auth;
      if (a?.isLogged && a.user_id == u.id) {
        // Same visitor (a refresh): renew the widget's token; the state does not change.
        await guard(sendToken(t.header));
      } else {
        set('signing-in');
        if (a?.isLogged) await logout(guard);
        // Never leave another visitor's conversation behind.
        if (a?.isLogged || storedTokens(projectId).some(([, p]) => p?.['_id'] != u.id)) clearWidgetStorage(projectId);
        let off = noop;
        const online = new Promise<void>((res) => (off = onAuth((d) => d.isLogged && d.user_id == u.id && res())));
        sent = true;
        tried.add(u.id);
        try {
          await guard(sendToken(t.header));
          // The widget's promise resolves before the chat connects; `online` is the real signal.
          await guard(online);
        } finally {
          off();
        }
      }
      me = u;
      exp = t.exp;
      set('signed-in', u);
      plan();
      if (wantOpen) client.open();
      return store.get().user ?? u;
    } catch (x) {
      const e = x instanceof TiledeskAuthError ? x : fail('script-load-failed', 'The widget failed', x);
      if (live()) {
        if (sent) {
          // A half-done sign-in leaves its token in storage and logout() will not remove it.
          me = null;
          clearWidgetStorage(projectId);
        }
        if (!(refreshing && e.code == 'token-fetch-failed')) {
          clearTimeout(timer);
          set('error', null, e);
        }
      }
      throw e;
    } finally {
      end();
    }
  };

  const client: TiledeskClient = {
    projectId,
    ready,
    load() {
      if (!dead) boot().catch(noop);
      return ready;
    },
    getState: store.get,
    subscribe(listener) {
      if (typeof listener != 'function') throw fail('invalid-options', 'subscribe(listener): listener must be a function');
      return dead ? noop : store.subscribe(listener);
    },
    signIn: (token) => signIn(token),
    async signOut() {
      if (dead) return;
      const [live, guard, end] = ops.begin();
      clearTimeout(timer);
      wantOpen = false;
      me = null;
      exp = undefined;
      try {
        await guard(busy);
        // A widget on the page may hold a visitor we never saw (restored by the page, or another client's).
        if (!pg && document.getElementById('tiledesk-jssdk')) await guard(boot());
        // Attached to a widget that booted before us, we have not seen its auth state: log out to be sure.
        if (pg && pg.auth?.isLogged !== false) await logout(guard);
      } catch (e) {
        // Superseded or destroyed: say so. A widget that never answered: sign out all the same.
        if (!live()) throw e;
      } finally {
        if (live()) {
          clearWidgetStorage(projectId);
          set('signed-out');
        }
        end();
      }
    },
    on(name, handler) {
      if (typeof handler != 'function') throw fail('invalid-options', 'on(name, handler): handler must be a function');
      if (dead) return noop;
      const un = listen(name, (d) => {
        try {
          handler(d as never);
        } catch (e) {
          logger.error('tiledesk: a ' + name + ' handler threw', e);
        }
      });
      const off = () => {
        offs.delete(off);
        un();
      };
      offs.add(off);
      return off;
    },
    show: () => toggle('show'),
    hide: () => toggle('hide'),
    open() {
      if (dead) return;
      // The widget's open() starts a guest sign-in when nobody is signed in: wait for our visitor.
      if (status() != 'signed-in') return void (wantOpen = true);
      wantOpen = false;
      // The widget's open() is a toggle: only call it when the panel is closed.
      if (pg && !pg.open) {
        pg.open = true;
        call('open');
      }
    },
    close() {
      wantOpen = false;
      if (!dead && pg?.open) {
        pg.open = false;
        call('close');
      }
    },
    setAttribute(key, value) {
      if (typeof key != 'string' || !key) throw fail('invalid-options', 'setAttribute(key, value): key must be a non-empty string');
      if (!dead) call('setAttributeParameter', { key, value });
    },
    destroy() {
      if (dead) return;
      dead = true;
      const e = fail('destroyed', 'Client destroyed');
      ops.cancel(e);
      settle[1](e);
      clearTimeout(timer);
      offs.forEach((f) => f());
      store.clear();
      // The script cannot be unloaded; the last client out hides the widget.
      if (pg && !--pg.n) {
        call('close');
        call('hide');
      }
    },
  };
  return client;
}
