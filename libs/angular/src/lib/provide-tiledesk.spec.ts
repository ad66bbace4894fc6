import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, PLATFORM_ID, afterEveryRender, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TiledeskAuthError, type TiledeskOptions } from '@tiledesk-auth/core';
import { TiledeskTestingClient } from '../../testing/src';
import { provideTiledesk } from './provide-tiledesk';
import { TiledeskAuthService } from './tiledesk-auth.service';
import { TILEDESK_CLIENT_FACTORY } from './tiledesk-client-factory';
import { TILEDESK_CONFIG, type TiledeskConfig } from './tiledesk-config';
import { TiledeskModule } from './tiledesk.module';

function fakeFactory(fake = new TiledeskTestingClient()) {
  return { fake, factory: jest.fn((_options: TiledeskOptions) => fake) };
}

@Component({
  selector: 'tdk-status',
  imports: [AsyncPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p id="async">{{ (auth.state$ | async)?.status }}</p>
    <p id="signal">{{ auth.user()?.email ?? 'nobody' }}</p>`,
})
class StatusComponent {
  readonly auth = inject(TiledeskAuthService);
  renders = 0;
  constructor() {
    afterEveryRender(() => this.renders++);
  }
}

describe('provideTiledesk', () => {
  it('creates the client at start-up and signs in by itself when getToken is given', async () => {
    const { fake, factory } = fakeFactory();
    TestBed.configureTestingModule({
      providers: [
        provideTiledesk({ projectId: 'p', getToken: () => 'JWT a.b.c' }),
        { provide: TILEDESK_CLIENT_FACTORY, useValue: factory },
      ],
    });
    TestBed.inject(TILEDESK_CONFIG); // builds the injector; nothing asks for the service
    expect(factory).toHaveBeenCalledTimes(1);
    expect(fake.calls.map((c) => c.method)).toEqual(['signIn']);
    await expect(factory.mock.calls[0]?.[0].getToken?.()).resolves.toBe('JWT a.b.c');
  });

  it('only loads the widget when autoSignIn is false', () => {
    const { fake, factory } = fakeFactory();
    TestBed.configureTestingModule({
      providers: [
        provideTiledesk({ projectId: 'p', getToken: () => 't', autoSignIn: false }),
        { provide: TILEDESK_CLIENT_FACTORY, useValue: factory },
      ],
    });
    TestBed.inject(TILEDESK_CONFIG);
    expect(fake.calls.map((c) => c.method)).toEqual(['load']);
  });

  it('never throws for a bad config: the state is error invalid-options and nothing starts', () => {
    expect(() => provideTiledesk({ projectId: 'p', autoSignIn: true })).not.toThrow();
    const { factory } = fakeFactory();
    TestBed.configureTestingModule({
      providers: [provideTiledesk(undefined as unknown as TiledeskConfig), { provide: TILEDESK_CLIENT_FACTORY, useValue: factory }],
    });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { error } = TestBed.inject(TiledeskAuthService).state();
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect(error?.message).toBe('provideTiledesk(): config must be an object, got undefined.');
    expect(factory).not.toHaveBeenCalled();
    expect(quiet).toHaveBeenCalledTimes(1);
    quiet.mockRestore();
  });

  it('updates a zoneless OnPush view from the async pipe and from signals, and only on state changes', async () => {
    const { fake, factory } = fakeFactory();
    TestBed.configureTestingModule({
      providers: [provideTiledesk({ projectId: 'p' }), { provide: TILEDESK_CLIENT_FACTORY, useValue: factory }],
    });
    const fixture = TestBed.createComponent(StatusComponent);
    await fixture.whenStable();
    const text = (id: string) => (fixture.nativeElement as HTMLElement).querySelector(`#${id}`)?.textContent;
    expect(text('async')).toBe('signed-out');
    expect(text('signal')).toBe('nobody');

    const rendersBefore = fixture.componentInstance.renders;
    fake.setState({ status: 'signed-in', user: { id: 'p_ada', email: 'ada@example.com' } });
    await fixture.whenStable();
    expect(fixture.componentInstance.renders).toBeGreaterThan(rendersBefore);
    expect(text('async')).toBe('signed-in');
    expect(text('signal')).toBe('ada@example.com');

    const renders = fixture.componentInstance.renders;
    fake.emit('onOpen', undefined);
    fake.emit('onMessageCreated', { message: 'hi' });
    await fixture.whenStable();
    expect(fixture.componentInstance.renders).toBe(renders);
  });

  it("does nothing on the server, by core's rule: core's inert client, idle state, signIn rejects with not-in-browser", async () => {
    const { factory } = fakeFactory();
    const projectId = '65f0c0ffee0123456789abcd';
    TestBed.configureTestingModule({
      providers: [
        { provide: PLATFORM_ID, useValue: 'server' },
        provideTiledesk({ projectId, getToken: () => 't' }),
        { provide: TILEDESK_CLIENT_FACTORY, useValue: factory },
      ],
    });
    const auth = TestBed.inject(TiledeskAuthService);
    expect(factory).not.toHaveBeenCalled();
    expect(auth.state()).toEqual({ status: 'idle', user: null, error: null });
    await expect(auth.signIn()).rejects.toMatchObject({ name: 'TiledeskAuthError', code: 'not-in-browser' });
    await expect(auth.signOut()).resolves.toBeUndefined();
    await expect(auth.load()).resolves.toBeUndefined();
    auth.open();
    const seen: unknown[] = [];
    let completed = false;
    auth.events('onOpen').subscribe({ next: (d) => seen.push(d), complete: () => (completed = true) });
    document.dispatchEvent(new CustomEvent('onOpen', { detail: {} }));
    expect(seen).toEqual([]);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    TestBed.resetTestingModule();
    expect(completed).toBe(true);
  });

  it('checks the projectId on the server by the same rule as in the browser', () => {
    TestBed.configureTestingModule({
      providers: [
        { provide: PLATFORM_ID, useValue: 'server' },
        provideTiledesk({ projectId: 'abc', logger: { warn: jest.fn(), error: jest.fn() } }),
      ],
    });
    expect(TestBed.inject(TiledeskAuthService).state().error?.code).toBe('invalid-options');
  });
});

describe('TiledeskModule.forRoot', () => {
  it('provides the config and the service to an NgModule app', () => {
    const { fake, factory } = fakeFactory();
    TestBed.configureTestingModule({
      imports: [TiledeskModule.forRoot({ projectId: 'p', getToken: () => 't' })],
      providers: [{ provide: TILEDESK_CLIENT_FACTORY, useValue: factory }],
    });
    expect(TestBed.inject(TILEDESK_CONFIG).projectId).toBe('p');
    expect(TestBed.inject(TiledeskAuthService).state()).toBe(fake.getState());
    expect(fake.calls.map((c) => c.method)).toEqual(['signIn']);
  });
});
