import { ChangeDetectionStrategy, Component, afterEveryRender, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { createTiledesk, type TiledeskAuthStatus, type TiledeskClient, type TiledeskOptions, type TiledeskUser } from '@tiledesk-auth/core';
import { firstValueFrom, filter } from 'rxjs';
import { provideTiledesk } from '../lib/provide-tiledesk';
import { TiledeskAuthService } from '../lib/tiledesk-auth.service';
import { TILEDESK_CLIENT_FACTORY } from '../lib/tiledesk-client-factory';
import { setupEmulatedProject } from '@tiledesk-auth/testing/client';

// One emulator project for this file; the tests share the page, as one app's lifetime would.
const { project, mintToken } = setupEmulatedProject({ project: { bootDelayMs: 0 } });
let currentUser = 'ada';

// Real core clients, with their `on()` counted: how many widget listeners are live right now.
let liveListeners = 0;
const countingFactory = (options: TiledeskOptions): TiledeskClient => {
  const client = createTiledesk(options);
  const on = client.on.bind(client);
  return Object.assign(client, {
    on: ((name, handler) => {
      const off = on(name, handler);
      liveListeners++;
      let removed = false;
      return () => {
        if (!removed) liveListeners--;
        removed = true;
        off();
      };
    }) as TiledeskClient['on'],
  });
};

function startApp(): TiledeskAuthService {
  TestBed.configureTestingModule({
    providers: [
      { provide: TILEDESK_CLIENT_FACTORY, useValue: countingFactory },
      provideTiledesk({
        projectId: project.id,
        widgetUrl: project.widgetUrl,
        getToken: () => mintToken({ userId: currentUser, claims: { email: `${currentUser}@example.com` } }),
      }),
    ],
  });
  return TestBed.inject(TiledeskAuthService);
}

function until(auth: TiledeskAuthService, status: TiledeskAuthStatus) {
  return firstValueFrom(auth.state$.pipe(filter((s) => s.status === status || s.status === 'error')));
}

@Component({
  selector: 'tdk-user',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span id="user">{{ auth.user()?.email ?? 'nobody' }}</span>`,
})
class UserComponent {
  readonly auth = inject(TiledeskAuthService);
  renders = 0;
  constructor() {
    afterEveryRender(() => this.renders++);
  }
}

describe('TiledeskAuthService against the emulated widget', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('signs in at start-up; Observables and signals follow; late subscribers get the current state', async () => {
    currentUser = 'ada';
    const auth = startApp();
    const statuses: TiledeskAuthStatus[] = [];
    auth.state$.subscribe((s) => statuses.push(s.status));

    const state = await until(auth, 'signed-in');
    expect(state.status).toBe('signed-in');
    expect(statuses).toContain('signing-in');
    expect(statuses.at(-1)).toBe('signed-in');
    expect(auth.user()?.id).toBe(`${project.id}_ada`);
    expect(auth.user()?.email).toBe('ada@example.com');
    expect(auth.isSignedIn()).toBe(true);

    const late: TiledeskAuthStatus[] = [];
    auth.state$.subscribe((s) => late.push(s.status));
    expect(late).toEqual(['signed-in']);
    await expect(firstValueFrom(auth.user$)).resolves.toMatchObject({ id: `${project.id}_ada` });
    await expect(firstValueFrom(auth.isSignedIn$)).resolves.toBe(true);
  });

  it('switches user, then signs out', async () => {
    currentUser = 'ada';
    const auth = startApp();
    await until(auth, 'signed-in');
    const users: Array<TiledeskUser | null> = [];
    auth.user$.subscribe((u) => users.push(u));

    currentUser = 'grace';
    const grace = await auth.signIn();
    expect(grace?.id).toBe(`${project.id}_grace`);
    expect(auth.user()?.email).toBe('grace@example.com');
    expect(users[0]?.id).toBe(`${project.id}_ada`);
    expect(users.at(-1)?.id).toBe(`${project.id}_grace`);

    await auth.signOut();
    expect(auth.state()).toMatchObject({ status: 'signed-out', user: null });
    expect(auth.isSignedIn()).toBe(false);
    expect(users.at(-1)).toBeNull();
  });

  it('events() listens while subscribed and stops listening on unsubscribe', async () => {
    currentUser = 'ada';
    const auth = startApp();
    await until(auth, 'signed-in');
    const opens: unknown[] = [];
    const before = liveListeners;
    const subscription = auth.events('onOpen').subscribe((detail) => opens.push(detail));
    expect(liveListeners).toBe(before + 1);
    auth.open();
    await waitFor(() => opens.length === 1);
    subscription.unsubscribe();
    expect(liveListeners).toBe(before);
    auth.close();
    const closed = firstValueFrom(auth.events('onClose'));
    auth.open();
    auth.close();
    await closed; // the widget handled open() and close() after the unsubscribe
    expect(opens).toHaveLength(1);
  });

  it('updates a zoneless view on auth changes and not on other widget events', async () => {
    currentUser = 'ada';
    startApp();
    const fixture = TestBed.createComponent(UserComponent);
    const auth = fixture.componentInstance.auth;
    await until(auth, 'signed-in');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('#user')?.textContent).toBe('ada@example.com');

    const renders = fixture.componentInstance.renders;
    const closed = firstValueFrom(auth.events('onClose'));
    auth.open();
    auth.close();
    await closed;
    await fixture.whenStable();
    expect(fixture.componentInstance.renders).toBe(renders);

    await auth.signOut();
    await fixture.whenStable();
    expect(element.querySelector('#user')?.textContent).toBe('nobody');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!condition()) throw new Error('condition not met within 5 s');
}
