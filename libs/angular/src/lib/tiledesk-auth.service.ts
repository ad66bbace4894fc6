import { isPlatformBrowser } from '@angular/common';
import { DestroyRef, Injectable, Injector, NgZone, PLATFORM_ID, PendingTasks, computed, inject, signal, type Signal } from '@angular/core';
import {
  TiledeskAuthError,
  createTiledeskSafely,
  type TiledeskAuthState,
  type TiledeskClient,
  type TiledeskEventMap,
  type TiledeskEventName,
  type TiledeskUser,
} from '@tiledesk-auth/core';
import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs';
import { configProblem } from './config-problem';
import { TILEDESK_CLIENT_FACTORY } from './tiledesk-client-factory';
import { TILEDESK_CONFIG, type TiledeskConfig } from './tiledesk-config';
import { toCoreOptions } from './to-core-options';

const IDLE: TiledeskAuthState = Object.freeze({ status: 'idle', user: null, error: null });

/**
 * The visitor's Tiledesk session, as Observables and signals, with the commands to change it.
 * Provided by `provideTiledesk()` / `TiledeskModule.forRoot()`, which also create it at start-up
 * so the widget loads (and signs in) even if nothing injects it.
 *
 * One core subscription feeds everything: `state$` replays the current state to late
 * subscribers and completes when the app is destroyed. Core work runs outside the Angular zone;
 * only real state changes re-enter it, so widget chatter causes no change detection.
 * Server rendering follows core's one rule, as in React: on the server platform the client is
 * core's inert one (state `idle`, `signIn()` rejects with `not-in-browser`, commands do nothing).
 * An invalid config never throws: the state is `error` with code `invalid-options`.
 *
 * @example
 * ```ts
 * @Component({
 *   template: `@if (auth.isSignedIn()) { Hi {{ auth.user()?.firstname }} }
 *              <p>{{ (auth.state$ | async)?.status }}</p>`,
 *   imports: [AsyncPipe],
 * })
 * export class Header {
 *   readonly auth = inject(TiledeskAuthService);
 * }
 * ```
 */
@Injectable({ providedIn: 'root', useFactory: missingProvider })
export class TiledeskAuthService {
  private readonly zone = inject(NgZone);
  private readonly client: TiledeskClient;
  private readonly current = signal<TiledeskAuthState>(IDLE);
  private readonly subject = new BehaviorSubject<TiledeskAuthState>(IDLE);

  /** The auth state; replays the current value and completes when the app is destroyed. */
  readonly state$: Observable<TiledeskAuthState> = this.subject.asObservable();
  /** The signed-in user, or `null`; emits only when it changes. */
  readonly user$: Observable<TiledeskUser | null> = this.state$.pipe(
    map((state) => state.user),
    distinctUntilChanged(),
  );
  /** Whether the widget reports a signed-in visitor; emits only when it changes. */
  readonly isSignedIn$: Observable<boolean> = this.state$.pipe(
    map((state) => state.status === 'signed-in'),
    distinctUntilChanged(),
  );
  /** The auth state as a signal. */
  readonly state: Signal<TiledeskAuthState> = this.current.asReadonly();
  /** The signed-in user (or `null`) as a signal. */
  readonly user: Signal<TiledeskUser | null> = computed(() => this.current().user);
  /** Whether the visitor is signed in, as a signal. */
  readonly isSignedIn: Signal<boolean> = computed(() => this.current().status === 'signed-in');

  constructor() {
    const given: unknown = inject(TILEDESK_CONFIG);
    const problem = configProblem(given);
    const config = (problem ? { ...(given as object) } : given) as TiledeskConfig;
    const injector = inject(Injector);
    const host = { server: !isPlatformBrowser(inject(PLATFORM_ID)), create: inject(TILEDESK_CLIENT_FACTORY), problem };
    const client = this.outside(() => createTiledeskSafely(toCoreOptions(config, injector), host));
    this.client = client;
    this.publish(client.getState());
    const unsubscribe = client.subscribe((state) => this.zone.run(() => this.publish(state)));
    const pendingTasks = inject(PendingTasks);
    let stopWaiting = noop;
    inject(DestroyRef).onDestroy(() => {
      stopWaiting();
      unsubscribe();
      client.destroy();
      this.subject.complete();
    });

    const autoSignIn = config.autoSignIn ?? config.getToken !== undefined;
    // A failed start-up is already visible as the `error` state; nobody awaits this Promise.
    this.outside(() => (autoSignIn ? client.signIn() : client.load())).catch(() => undefined);
    if (isBusy(client.getState())) {
      // Hydration and `whenStable()` wait for pending tasks: the app counts as stable only once
      // start-up has settled (signed in, signed out or failed), never on a transient status.
      const removeTask = pendingTasks.add();
      const stopListening = client.subscribe((state) => isBusy(state) || stopWaiting());
      stopWaiting = () => {
        stopListening();
        removeTask();
      };
    }
  }

  /**
   * Loads the widget without signing in (idempotent); resolves when it has booted. Use it to retry
   * after a failed load when there is no user to sign in. Resolves at once on the server.
   *
   * @example
   * ```ts
   * await auth.load();
   * ```
   */
  load(): Promise<void> {
    return this.outside(() => this.client.load());
  }

  /**
   * Signs the visitor in with `token`; switches user if someone else is signed in. Rejects with a
   * `TiledeskAuthError` (also put into `state$`), with `not-in-browser` on the server.
   *
   * @example
   * ```ts
   * const user = await inject(TiledeskAuthService).signIn(token);
   * ```
   */
  signIn(token: string): Promise<TiledeskUser>;
  /**
   * Signs the visitor in with `token`, or with one from the configured `getToken`; resolves `null`
   * when `getToken` answered `null` (nobody logged in: the chat is signed out).
   *
   * @example
   * ```ts
   * await inject(TiledeskAuthService).signIn();
   * ```
   */
  signIn(token?: string): Promise<TiledeskUser | null>;
  signIn(token?: string): Promise<TiledeskUser | null> {
    return this.outside(() => this.client.signIn(token));
  }

  /**
   * Signs the visitor out and clears what the widget stored. Safe when nobody is signed in, and on
   * the server (nothing to do there).
   *
   * @example
   * ```ts
   * await auth.signOut();
   * ```
   */
  signOut(): Promise<void> {
    return this.outside(() => this.client.signOut());
  }

  /**
   * Shows the widget's launcher. Does nothing on the server.
   *
   * @example
   * ```ts
   * auth.show();
   * ```
   */
  show(): void {
    this.command((client) => client.show());
  }

  /**
   * Hides the launcher and the chat. Does nothing on the server.
   *
   * @example
   * ```ts
   * auth.hide();
   * ```
   */
  hide(): void {
    this.command((client) => client.hide());
  }

  /**
   * Opens the chat panel (never toggles it closed). Does nothing on the server.
   *
   * @example
   * ```ts
   * auth.open();
   * ```
   */
  open(): void {
    this.command((client) => client.open());
  }

  /**
   * Closes the chat panel. Does nothing on the server.
   *
   * @example
   * ```ts
   * auth.close();
   * ```
   */
  close(): void {
    this.command((client) => client.close());
  }

  /**
   * Sets a persisted custom attribute on the visitor. Does nothing on the server.
   *
   * @example
   * ```ts
   * auth.setAttribute('plan', 'pro');
   * ```
   */
  setAttribute(key: string, value: unknown): void {
    this.command((client) => client.setAttribute(key, value));
  }

  /**
   * A widget event as an Observable of its `detail`. The widget listener is added on subscribe and
   * removed on unsubscribe; emissions re-enter the Angular zone. On the server nothing fires.
   *
   * @example
   * ```ts
   * auth.events('onNewConversation')
   *   .pipe(takeUntilDestroyed())
   *   .subscribe((detail) => analytics.track('chat-started', detail.newConvId));
   * ```
   */
  events<K extends TiledeskEventName>(name: K): Observable<TiledeskEventMap[K]> {
    const client = this.client;
    return new Observable<TiledeskEventMap[K]>((subscriber) => {
      const off = this.outside(() => client.on(name, (detail) => this.zone.run(() => subscriber.next(detail))));
      // Completing with the app keeps `events()` from outliving the client it listens to.
      const done = this.subject.subscribe({ complete: () => subscriber.complete() });
      return () => {
        done.unsubscribe();
        off();
      };
    });
  }

  private publish(state: TiledeskAuthState): void {
    if (state === this.subject.value) return;
    this.current.set(state);
    this.subject.next(state);
  }

  private command(run: (client: TiledeskClient) => void): void {
    this.outside(() => run(this.client));
  }

  private outside<T>(run: () => T): T {
    return this.zone.runOutsideAngular(run);
  }
}

function isBusy(state: TiledeskAuthState): boolean {
  return state.status === 'loading' || state.status === 'signing-in';
}

function noop(): void {
  // Nothing to release: start-up settled at once, or never held the app.
}

function missingProvider(): never {
  throw new TiledeskAuthError(
    'missing-provider',
    // The sentence only in development builds (the CLI defines `ngDevMode` false in production ones).
    typeof ngDevMode === 'undefined' || ngDevMode
      ? 'TiledeskAuthService needs provideTiledesk(config) in the app providers (or TiledeskModule.forRoot(config)).'
      : 'missing-provider',
  );
}
