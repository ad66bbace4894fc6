import { NgModule, PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, filter } from 'rxjs';
import { provideTiledesk } from '../lib/provide-tiledesk';
import { TiledeskAuthService } from '../lib/tiledesk-auth.service';
import { TiledeskModule } from '../lib/tiledesk.module';
import { setupEmulatedProject } from '@tiledesk-auth/testing/client';

const { emulator, project, mintToken } = setupEmulatedProject({ project: { bootDelayMs: 0 } });

afterEach(() => TestBed.resetTestingModule());

describe('platforms and module styles against the emulated widget', () => {
  it('does nothing on the server platform: no script, no request, idle, signIn rejects', async () => {
    TestBed.configureTestingModule({
      providers: [
        { provide: PLATFORM_ID, useValue: 'server' },
        provideTiledesk({ projectId: project.id, widgetUrl: project.widgetUrl, getToken: () => mintToken({ userId: 'ada' }) }),
      ],
    });
    const auth = TestBed.inject(TiledeskAuthService);
    await new Promise((resolve) => setTimeout(resolve, 200)); // give a wrongly started client time to show
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(await emulator.requests(project.id)).toEqual([]);
    expect(auth.state().status).toBe('idle');
    await expect(auth.signIn()).rejects.toMatchObject({ code: 'not-in-browser' });
  });

  it('signs in an NgModule app configured with TiledeskModule.forRoot', async () => {
    @NgModule({
      imports: [
        TiledeskModule.forRoot({
          projectId: project.id,
          widgetUrl: project.widgetUrl,
          getToken: () => mintToken({ userId: 'alan' }),
        }),
      ],
    })
    class AppModule {}

    TestBed.configureTestingModule({ imports: [AppModule] });
    const auth = TestBed.inject(TiledeskAuthService);
    const state = await firstValueFrom(auth.state$.pipe(filter((s) => s.status === 'signed-in' || s.status === 'error')));
    expect(state.status).toBe('signed-in');
    expect(auth.user()?.id).toBe(`${project.id}_alan`);
    expect((await emulator.requests(project.id)).some((r) => r.route === 'signinWithCustomToken' && r.status === 200)).toBe(true);
    await auth.signOut();
  });
});
