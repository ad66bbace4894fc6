import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { BootData, DemoUser } from '@samples/kit';
import { TiledeskAuthError } from '@tiledesk-auth/angular';
import { TiledeskTestingClient, provideTiledeskTesting } from '@tiledesk-auth/angular/testing';
import { App } from './app';
import { BOOT_DATA } from './boot-data';

const ada: DemoUser = { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' };
const grace: DemoUser = { id: 'grace', email: 'grace@example.com', firstname: 'Grace', lastname: 'Hopper' };

function boot(sessionUser: DemoUser | null): BootData {
  return {
    config: { projectId: '65f0c0ffee0123456789abcd', widgetUrl: 'http://127.0.0.1:1/v6/launch.js', mode: 'emulator' },
    users: [ada, grace],
    sessionUser,
  };
}

async function render(sessionUser: DemoUser | null) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideTiledeskTesting(),
      { provide: BOOT_DATA, useValue: boot(sessionUser) },
    ],
  });
  const fixture = TestBed.createComponent(App);
  await fixture.whenStable();
  return { fixture, fake: TestBed.inject(TiledeskTestingClient), http: TestBed.inject(HttpTestingController) };
}

function byTestId(fixture: ComponentFixture<App>, id: string): HTMLElement | null {
  return (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${id}"]`);
}
const text = (fixture: ComponentFixture<App>, id: string) => byTestId(fixture, id)?.textContent?.trim();

/** Lets the component's awaited Promises and the zoneless scheduler run. */
async function settle(fixture: ComponentFixture<App>): Promise<void> {
  for (let i = 0; i < 3; i++) await fixture.whenStable();
}

describe('the Angular sample page', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('offers the demo login when there is no session, and signs in after it', async () => {
    const { fixture, fake, http } = await render(null);
    expect(text(fixture, 'status')).toBe('signed-out');
    expect(byTestId(fixture, 'login-ada')).not.toBeNull();
    expect(byTestId(fixture, 'sign-in')).toBeNull();

    byTestId(fixture, 'login-ada')?.click();
    const login = http.expectOne('/api/session');
    expect(login.request.method).toBe('POST');
    expect(login.request.body).toEqual({ userId: 'ada' });
    expect(login.request.withCredentials).toBe(true);
    login.flush({ user: ada });
    await settle(fixture);

    expect(fake.calls.filter((c) => c.method === 'signIn')).toHaveLength(1);
    expect(text(fixture, 'status')).toBe('signed-in');
    expect(text(fixture, 'user-id')).toBe(fake.signInUser.id);
    expect(text(fixture, 'user-email')).toBe(fake.signInUser.email);
    expect(byTestId(fixture, 'login-ada')).toBeNull();
    expect(byTestId(fixture, 'sign-in')).toBeNull();
    expect(byTestId(fixture, 'sign-out')).not.toBeNull();
  });

  it('switches to the next demo user and signs in again', async () => {
    const { fixture, fake, http } = await render(ada);
    fake.setState({ status: 'signed-in', user: { id: 'p_ada', email: 'ada@example.com' } });
    await settle(fixture);
    expect(text(fixture, 'switch-user')).toContain('Grace');

    fake.signInUser = { id: 'p_grace', email: 'grace@example.com' };
    byTestId(fixture, 'switch-user')?.click();
    http.expectOne('/api/session').flush({ user: grace });
    await settle(fixture);
    expect(text(fixture, 'user-email')).toBe('grace@example.com');
  });

  it('signs out of the chat but keeps the demo session, so it can sign in again', async () => {
    const { fixture, fake } = await render(ada);
    fake.setState({ status: 'signed-in', user: { id: 'p_ada' } });
    await settle(fixture);
    byTestId(fixture, 'sign-out')?.click();
    await settle(fixture);
    expect(text(fixture, 'status')).toBe('signed-out');
    expect(text(fixture, 'sign-in')).toContain('Ada');
    expect(byTestId(fixture, 'user-id')).toBeNull();
  });

  it("shows a failed demo login as the page's notice, in the React sample's words", async () => {
    const { fixture, fake, http } = await render(null);
    byTestId(fixture, 'login-ada')?.click();
    http.expectOne('/api/session').flush('down', { status: 500, statusText: 'Internal Server Error' });
    await settle(fixture);
    const notice = (fixture.nativeElement as HTMLElement).querySelector('.notice[role="alert"]');
    expect(notice?.textContent?.trim()).toBe('Could not log in as Ada: POST /api/session answered HTTP 500');
    expect(fake.calls.filter((c) => c.method === 'signIn')).toHaveLength(0);
  });

  it("names the error's cause beside its message", async () => {
    const { fixture, fake } = await render(ada);
    const cause = new Error('POST /api/tiledesk-token answered HTTP 503');
    fake.setState({ status: 'error', error: new TiledeskAuthError('token-fetch-failed', 'getToken() failed.', { cause }) });
    await settle(fixture);
    const detail = (fixture.nativeElement as HTMLElement).querySelector('.error-view .muted');
    expect(detail?.textContent?.trim()).toBe('getToken() failed. (POST /api/tiledesk-token answered HTTP 503)');
  });

  it('shows the error code and retries', async () => {
    const { fixture, fake } = await render(ada);
    fake.setState({ status: 'error', error: new TiledeskAuthError('token-fetch-failed', 'getToken() failed.') });
    await settle(fixture);
    expect(text(fixture, 'error')).toBe('token-fetch-failed');
    expect(byTestId(fixture, 'sign-in')).toBeNull();

    byTestId(fixture, 'retry')?.click();
    await settle(fixture);
    expect(fake.calls.filter((c) => c.method === 'signIn')).toHaveLength(1);
    expect(text(fixture, 'status')).toBe('signed-in');
    expect(byTestId(fixture, 'error')).toBeNull();
  });
});
