import { isPlatformBrowser } from '@angular/common';
import {
  DestroyRef,
  Injectable,
  Injector,
  NgZone,
  PLATFORM_ID,
  PendingTasks,
  computed,
  inject,
  signal,
  type Signal,
} from '@angular/core';
import {
  TiledeskAuthError,
  type TiledeskAuthState,
  type TiledeskClient,
  type TiledeskEventMap,
  type TiledeskEventName,
  type TiledeskUser,
} from '@tiledesk-auth/core';
import { BehaviorSubject, EMPTY, Observable, distinctUntilChanged, map } from 'rxjs';
import { TILEDESK_CLIENT_FACTORY } from './tiledesk-client-factory';
import { TILEDESK_CONFIG } from './tiledesk-config';
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
 * On the server nothing is created: the state stays `idle` and `signIn()` rejects with
 * `not-in-browser`.
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
  private readonly client: TiledeskClient | null;
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
    const config = inject(TILEDESK_CONFIG);
    if (!isPlatformBrowser(inject(PLATFORM_ID))) {
      this.client = null;
      inject(DestroyRef).onDestroy(() => this.subject.complete());
      return;
    }
    const injector = inject(Injector);
    const createClient = inject(TILEDESK_CLIENT_FACTORY);
    const client = this.outside(() => createClient(toCoreOptions(config, injector)));
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
    const client = this.client;
    return client ? this.outside(() => client.load()) : Promise.resolve();
  }

  /**
   * Signs the visitor in with `token`, or with one from the configured `getToken`; switches user
   * if someone else is signed in. Rejects with a `TiledeskAuthError` (also put into `state$`).
   *
   * @example
   * ```ts
   * await inject(TiledeskAuthService).signIn();
   * ```
   */
  signIn(token?: string): Promise<TiledeskUser> {
    const client = this.client;
    if (!client) {
      return Promise.reject(
        new TiledeskAuthError('not-in-browser', 'signIn() needs a browser: the Tiledesk widget does not run on the server.'),
      );
    }
    return this.outside(() => client.signIn(token));
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
    const client = this.client;
    return client ? this.outside(() => client.signOut()) : Promise.resolve();
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
   * removed on unsubscribe; emissions re-enter the Angular zone. On the server it completes at once.
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
    if (!client) return EMPTY;
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
    const client = this.client;
    if (client) this.outside(() => run(client));
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
    'TiledeskAuthService needs provideTiledesk(config) in the app providers (or TiledeskModule.forRoot(config)).',
  );
}
