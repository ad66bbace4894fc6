// Relative imports, not the package name: the built `./testing` entry then shares the main
// entry's module files, so `instanceof TiledeskAuthError` holds across both.
import {
  TiledeskAuthError,
  type TiledeskAuthState,
  type TiledeskClient,
  type TiledeskEventHandler,
  type TiledeskEventMap,
  type TiledeskEventName,
  type TiledeskUser,
} from '../index.js';
import { devMode } from '../lib/dev-mode.js';

/**
 * A call the app made on the fake client, in order, for assertions.
 *
 * @example
 * ```ts
 * expect(fake.calls).toContainEqual({ method: 'signIn', args: [undefined] });
 * ```
 */
export interface TiledeskTestingCall {
  readonly method: 'load' | 'signIn' | 'signOut' | 'show' | 'hide' | 'open' | 'close' | 'setAttribute' | 'destroy';
  readonly args: readonly unknown[];
}

/**
 * The user a successful fake `signIn()` reports unless you set {@link TiledeskTestingClient.signInUser}.
 *
 * @example
 * ```ts
 * expect(auth.user()).toEqual(TESTING_USER);
 * ```
 */
export const TESTING_USER: TiledeskUser = Object.freeze({
  id: 'test-project_test-user',
  email: 'test-user@example.com',
  firstname: 'Test',
  lastname: 'User',
  fullName: 'Test User',
});

/**
 * An in-memory `TiledeskClient` for your own tests: no widget, no network, no framework. Drive it
 * with {@link setState} and {@link emit}; by default `signIn()` succeeds with {@link signInUser},
 * and {@link failNextSignIn} makes the next one fail. Every call is recorded in {@link calls}.
 * Hand it wherever a client goes: React's `<TiledeskProvider client={fake}>`, Angular's
 * `provideTiledeskTesting()` (from `@tiledesk-auth/angular/testing`), or your own code.
 *
 * @example
 * ```ts
 * import { TiledeskTestingClient } from '@tiledesk-auth/core/testing';
 *
 * const fake = new TiledeskTestingClient();
 * fake.setState({ status: 'signed-in', user: { id: 'p_ada' } });
 * fake.emit('onNewConversation', { newConvId: 'c1' });
 * ```
 */
export class TiledeskTestingClient implements TiledeskClient {
  readonly projectId: string;
  readonly ready: Promise<void> = Promise.resolve();
  /** Every call made on this client, oldest first. */
  readonly calls: TiledeskTestingCall[] = [];
  /** Who a successful `signIn()` signs in. */
  signInUser: TiledeskUser = TESTING_USER;
  /** Whether `destroy()` was called. */
  destroyed = false;

  private state: TiledeskAuthState;
  private readonly stateListeners = new Set<(state: TiledeskAuthState) => void>();
  private readonly eventListeners = new Map<TiledeskEventName, Set<(detail: never) => void>>();
  private nextSignInError: TiledeskAuthError | null = null;

  constructor(initialState: Partial<TiledeskAuthState> = {}, projectId = 'test-project') {
    this.projectId = projectId;
    this.state = Object.freeze({ status: 'signed-out', user: null, error: null, ...initialState });
  }

  /**
   * Replaces part of the state and notifies subscribers (only if something changed).
   *
   * @example
   * ```ts
   * fake.setState({ status: 'error', error: new TiledeskAuthError('timeout', 'slow') });
   * ```
   */
  setState(patch: Partial<TiledeskAuthState>): void {
    const next = { ...this.state, ...patch };
    if (next.status === this.state.status && next.user === this.state.user && next.error === this.state.error) return;
    this.state = Object.freeze(next);
    for (const listener of [...this.stateListeners]) listener(this.state);
  }

  /**
   * Fires widget event `name` with `detail` at every listener added with `on()`.
   *
   * @example
   * ```ts
   * fake.emit('onOpen', undefined);
   * ```
   */
  emit<K extends TiledeskEventName>(name: K, detail: TiledeskEventMap[K]): void {
    for (const handler of [...(this.eventListeners.get(name) ?? [])]) (handler as TiledeskEventHandler<K>)(detail);
  }

  /**
   * How many listeners are attached to `name` (to check that unsubscribing removed them).
   *
   * @example
   * ```ts
   * expect(fake.listenerCount('onOpen')).toBe(0);
   * ```
   */
  listenerCount(name: TiledeskEventName): number {
    return this.eventListeners.get(name)?.size ?? 0;
  }

  /**
   * Makes the next `signIn()` reject with `error` and put it into the state.
   *
   * @example
   * ```ts
   * fake.failNextSignIn(new TiledeskAuthError('token-rejected', 'HTTP 401'));
   * ```
   */
  failNextSignIn(error: TiledeskAuthError): void {
    this.nextSignInError = error;
  }

  load(): Promise<void> {
    this.record('load', []);
    return this.ready;
  }

  getState(): TiledeskAuthState {
    return this.state;
  }

  subscribe(listener: (state: TiledeskAuthState) => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  signIn(token?: string): Promise<TiledeskUser> {
    this.record('signIn', [token]);
    if (this.destroyed) return Promise.reject(new TiledeskAuthError('destroyed', devMode ? 'The fake client was destroyed.' : 'destroyed'));
    const error = this.nextSignInError;
    this.nextSignInError = null;
    if (error) {
      this.setState({ status: 'error', user: null, error });
      return Promise.reject(error);
    }
    const user = this.signInUser;
    this.setState({ status: 'signed-in', user, error: null });
    return Promise.resolve(user);
  }

  signOut(): Promise<void> {
    this.record('signOut', []);
    this.setState({ status: 'signed-out', user: null, error: null });
    return Promise.resolve();
  }

  on<K extends TiledeskEventName>(name: K, handler: TiledeskEventHandler<K>): () => void {
    const handlers = this.eventListeners.get(name) ?? new Set<(detail: never) => void>();
    this.eventListeners.set(name, handlers);
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
    };
  }

  show(): void {
    this.record('show', []);
  }

  hide(): void {
    this.record('hide', []);
  }

  open(): void {
    this.record('open', []);
  }

  close(): void {
    this.record('close', []);
  }

  setAttribute(key: string, value: unknown): void {
    this.record('setAttribute', [key, value]);
  }

  destroy(): void {
    this.record('destroy', []);
    this.destroyed = true;
    this.stateListeners.clear();
    this.eventListeners.clear();
  }

  private record(method: TiledeskTestingCall['method'], args: readonly unknown[]): void {
    this.calls.push({ method, args });
  }
}
