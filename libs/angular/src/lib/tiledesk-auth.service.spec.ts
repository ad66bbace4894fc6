import { ApplicationRef, EnvironmentInjector, NgZone, createEnvironmentInjector, ɵNoopNgZone as NoopNgZone } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TiledeskAuthError, type TiledeskAuthState, type TiledeskUser } from '@tiledesk-auth/core';
import { TESTING_USER, TiledeskTestingClient, provideTiledeskTesting } from '../../testing/src';
import { TiledeskAuthService } from './tiledesk-auth.service';

function setUp(initialState?: Partial<TiledeskAuthState>): { auth: TiledeskAuthService; fake: TiledeskTestingClient } {
  TestBed.configureTestingModule({ providers: [provideTiledeskTesting(initialState)] });
  return { auth: TestBed.inject(TiledeskAuthService), fake: TestBed.inject(TiledeskTestingClient) };
}

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

const ada: TiledeskUser = { id: 'p_ada', email: 'ada@example.com' };
const grace: TiledeskUser = { id: 'p_grace', email: 'grace@example.com' };

describe('TiledeskAuthService over a client', () => {
  it('starts from the client state and loads the widget without signing in when autoSignIn is off', () => {
    const { auth, fake } = setUp({ status: 'loading' });
    expect(auth.state()).toBe(fake.getState());
    expect(auth.state().status).toBe('loading');
    expect(fake.calls).toEqual([{ method: 'load', args: [] }]);
  });

  it('keeps the app unstable (what hydration waits for) until start-up settles', async () => {
    const { fake } = setUp({ status: 'loading' });
    const appRef = TestBed.inject(ApplicationRef);
    const stable: boolean[] = [];
    appRef.isStable.subscribe((s) => stable.push(s));
    await nextMacrotask();
    expect(stable.at(-1)).toBe(false);
    fake.setState({ status: 'signing-in' }); // still transient
    await nextMacrotask();
    expect(stable.at(-1)).toBe(false);
    fake.setState({ status: 'signed-in', user: ada });
    await appRef.whenStable();
    expect(stable.at(-1)).toBe(true);
    fake.setState({ status: 'signing-in' }); // a later refresh holds nothing
    await nextMacrotask();
    expect(stable.at(-1)).toBe(true);
  });

  it('holds no task when start-up has nothing to wait for', async () => {
    setUp({ status: 'signed-out' });
    const appRef = TestBed.inject(ApplicationRef);
    await appRef.whenStable();
    let last: boolean | undefined;
    appRef.isStable.subscribe((s) => (last = s));
    expect(last).toBe(true);
  });

  it('gives every subscriber, late ones too, the current state from one core subscription', () => {
    const { auth, fake } = setUp();
    const subscribe = jest.spyOn(fake, 'subscribe');
    const early: string[] = [];
    auth.state$.subscribe((s) => early.push(s.status));
    fake.setState({ status: 'signing-in' });
    fake.setState({ status: 'signed-in', user: ada });
    const late: string[] = [];
    auth.state$.subscribe((s) => late.push(s.status));
    expect(early).toEqual(['signed-out', 'signing-in', 'signed-in']);
    expect(late).toEqual(['signed-in']);
    // The service subscribed once, when it was created (before the spy); subscribers add none.
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('keeps signals, user$ and isSignedIn$ in step with the state, without repeats', () => {
    const { auth, fake } = setUp();
    const users: Array<TiledeskUser | null> = [];
    const signedIn: boolean[] = [];
    auth.user$.subscribe((u) => users.push(u));
    auth.isSignedIn$.subscribe((b) => signedIn.push(b));

    fake.setState({ status: 'signing-in' });
    expect(auth.isSignedIn()).toBe(false);
    fake.setState({ status: 'signed-in', user: ada });
    expect(auth.user()).toBe(ada);
    expect(auth.isSignedIn()).toBe(true);
    fake.setState({ status: 'signing-in' }); // a refresh keeps the user
    fake.setState({ status: 'signed-in', user: grace });
    fake.setState({ status: 'signed-out', user: null });

    expect(users).toEqual([null, ada, grace, null]);
    expect(signedIn).toEqual([false, true, false, true, false]);
    expect(auth.state().status).toBe('signed-out');
  });

  it('signs in and out through the client and reports the user', async () => {
    const { auth, fake } = setUp();
    await expect(auth.signIn('JWT a.b.c')).resolves.toBe(TESTING_USER);
    expect(auth.user()).toBe(TESTING_USER);
    await auth.signOut();
    expect(auth.state()).toMatchObject({ status: 'signed-out', user: null });
    expect(fake.calls.map((c) => c.method)).toEqual(['load', 'signIn', 'signOut']);
    expect(fake.calls[1].args).toEqual(['JWT a.b.c']);
  });

  it('rejects a failed sign-in with the typed error, shows it in state, and can retry', async () => {
    const { auth, fake } = setUp();
    const rejected = new TiledeskAuthError('token-rejected', 'Tiledesk refused the token (HTTP 401).');
    fake.failNextSignIn(rejected);
    await expect(auth.signIn()).rejects.toBe(rejected);
    expect(auth.state()).toMatchObject({ status: 'error', error: rejected });
    await expect(auth.signIn()).resolves.toBe(TESTING_USER);
    expect(auth.state()).toMatchObject({ status: 'signed-in', error: null });
  });

  it('forwards load, show, hide, open, close and setAttribute', async () => {
    const { auth, fake } = setUp();
    await auth.load();
    auth.show();
    auth.hide();
    auth.open();
    auth.close();
    auth.setAttribute('plan', 'pro');
    expect(fake.calls.slice(1)).toEqual([
      { method: 'load', args: [] },
      { method: 'show', args: [] },
      { method: 'hide', args: [] },
      { method: 'open', args: [] },
      { method: 'close', args: [] },
      { method: 'setAttribute', args: ['plan', 'pro'] },
    ]);
  });

  it('adds a widget listener per events() subscription and removes it on unsubscribe', () => {
    const { auth, fake } = setUp();
    const events = auth.events('onNewConversation');
    expect(fake.listenerCount('onNewConversation')).toBe(0);
    const seen: Array<string | undefined> = [];
    const subscription = events.subscribe((d) => seen.push(d.newConvId));
    expect(fake.listenerCount('onNewConversation')).toBe(1);
    fake.emit('onNewConversation', { newConvId: 'c1' });
    subscription.unsubscribe();
    expect(fake.listenerCount('onNewConversation')).toBe(0);
    fake.emit('onNewConversation', { newConvId: 'c2' });
    expect(seen).toEqual(['c1']);
  });

  it('completes its streams, unsubscribes and destroys the client with the injector', () => {
    const { auth, fake } = setUp();
    const completed: string[] = [];
    auth.state$.subscribe({ complete: () => completed.push('state$') });
    auth.user$.subscribe({ complete: () => completed.push('user$') });
    auth.events('onOpen').subscribe({ complete: () => completed.push('events') });
    TestBed.resetTestingModule();
    expect(completed.sort()).toEqual(['events', 'state$', 'user$']);
    expect(fake.destroyed).toBe(true);
    expect(fake.listenerCount('onOpen')).toBe(0);
  });

  it('runs client work outside the Angular zone and re-enters it only for state changes', () => {
    const log: string[] = [];
    // zone.js is not installed; record what a zone app's NgZone would be asked to do.
    class RecordingZone extends NoopNgZone {
      override run<T>(fn: () => T): T {
        log.push('run');
        return fn();
      }
      override runOutsideAngular<T>(fn: () => T): T {
        log.push('outside');
        return fn();
      }
    }
    TestBed.configureTestingModule({ providers: [{ provide: NgZone, useClass: RecordingZone }, provideTiledeskTesting()] });
    const auth = TestBed.inject(TiledeskAuthService);
    const fake = TestBed.inject(TiledeskTestingClient);
    expect(log).toEqual(['outside', 'outside']); // create the client, load the widget
    log.length = 0;

    auth.events('onOpen').subscribe();
    fake.emit('onLoadParams', {}); // nobody listens through Angular: no zone entry
    expect(log).toEqual(['outside']);
    fake.emit('onOpen', undefined);
    expect(log).toEqual(['outside', 'run']);
    log.length = 0;

    fake.setState({ status: 'signing-in' });
    expect(log).toEqual(['run']);
  });
});

describe('TiledeskAuthService without provideTiledesk()', () => {
  it('throws a typed error that says what to add', () => {
    const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    let error: unknown;
    try {
      injector.get(TiledeskAuthService);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect((error as TiledeskAuthError).code).toBe('missing-provider');
    expect((error as TiledeskAuthError).message).toContain('provideTiledesk(');
  });
});
