import { ApplicationRef, ChangeDetectionStrategy, Component, NgModule, inject, provideZonelessChangeDetection } from '@angular/core';
import { BrowserModule, bootstrapApplication, platformBrowser } from '@angular/platform-browser';
import type { TiledeskConfig } from './tiledesk-config';
import { provideTiledesk } from './provide-tiledesk';
import { TiledeskAuthService } from './tiledesk-auth.service';
import { TiledeskModule } from './tiledesk.module';

@Component({
  selector: 'tdk-shop',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Shop</h1>
    <p id="chat">{{ auth.state().status }} {{ auth.state().error?.code }}</p>`,
})
class ShopComponent {
  readonly auth = inject(TiledeskAuthService);
}

@Component({
  selector: 'tdk-shop',
  standalone: false,
  template: `<h1>Shop</h1>
    <p id="chat">{{ auth.state().status }} {{ auth.state().error?.code }}</p>`,
})
class ShopModuleComponent {
  readonly auth = inject(TiledeskAuthService);
}

const logger = () => ({ warn: jest.fn(), error: jest.fn() });
let apps: ApplicationRef[] = [];

beforeEach(() => {
  document.body.innerHTML = '<tdk-shop></tdk-shop>';
});
afterEach(() => {
  apps.forEach((app) => app.destroy());
  apps = [];
});

const text = (selector: string) => document.querySelector(selector)?.textContent?.trim();

describe('an app whose Tiledesk config is invalid', () => {
  it('bootstraps and renders (provideTiledesk with projectId "abc"); the state is error, logged once', async () => {
    const log = logger();
    const app = await bootstrapApplication(ShopComponent, {
      providers: [provideZonelessChangeDetection(), provideTiledesk({ projectId: 'abc', getToken: () => 'JWT a.b.c', logger: log })],
    });
    apps.push(app);
    await app.whenStable();
    const auth = app.injector.get(TiledeskAuthService);
    expect(auth.state().status).toBe('error');
    expect(auth.state().error?.code).toBe('invalid-options');
    expect(auth.state().error?.message).toBe('createTiledesk(): projectId must be 24 hex characters, got "abc"');
    expect(text('h1')).toBe('Shop');
    expect(text('#chat')).toBe('error invalid-options');
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]?.[0]).toContain('projectId must be 24 hex characters, got "abc"');
    expect(document.getElementById('tiledesk-jssdk')).toBeNull();
    await expect(auth.signIn()).rejects.toMatchObject({ code: 'invalid-options' });
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it("bootstraps with the adapter's own problem (autoSignIn without getToken), logged to console.error", async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = await bootstrapApplication(ShopComponent, {
      providers: [provideZonelessChangeDetection(), provideTiledesk({ projectId: '65f0c0ffee0123456789abcd', autoSignIn: true })],
    });
    apps.push(app);
    await app.whenStable();
    expect(app.injector.get(TiledeskAuthService).state().error?.message).toBe('provideTiledesk(): autoSignIn needs getToken, got true.');
    expect(text('#chat')).toBe('error invalid-options');
    expect(consoleError).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });

  it('bootstraps an NgModule app with TiledeskModule.forRoot and a missing projectId', async () => {
    const log = logger();
    @NgModule({
      imports: [BrowserModule, TiledeskModule.forRoot({ logger: log } as unknown as TiledeskConfig)],
      declarations: [ShopModuleComponent],
      providers: [provideZonelessChangeDetection()],
      bootstrap: [ShopModuleComponent],
    })
    class AppModule {}
    const moduleRef = await platformBrowser().bootstrapModule(AppModule);
    const auth = moduleRef.injector.get(TiledeskAuthService);
    expect(auth.state().error?.message).toBe('createTiledesk(): projectId must be 24 hex characters, got undefined');
    await moduleRef.injector.get(ApplicationRef).whenStable();
    expect(text('h1')).toBe('Shop');
    expect(text('#chat')).toBe('error invalid-options');
    expect(log.error).toHaveBeenCalledTimes(1);
    moduleRef.destroy();
  });
});
