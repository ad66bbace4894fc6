import { TestBed } from '@angular/core/testing';
import { TiledeskAuthError } from '@tiledesk-auth/core';
import { firstValueFrom, filter } from 'rxjs';
import { provideTiledesk } from '../lib/provide-tiledesk';
import { TiledeskAuthService } from '../lib/tiledesk-auth.service';
import { setupEmulatedProject } from '@tiledesk-auth/testing/client';

const { emulator, project, mintToken } = setupEmulatedProject({ project: { bootDelayMs: 0 } });
let tokenFails = false;

afterEach(() => TestBed.resetTestingModule());

function startApp(): TiledeskAuthService {
  TestBed.configureTestingModule({
    providers: [
      provideTiledesk({
        projectId: project.id,
        widgetUrl: project.widgetUrl,
        getToken: () => {
          if (tokenFails) throw new Error('token endpoint down');
          return mintToken({ userId: 'ada' });
        },
      }),
    ],
  });
  return TestBed.inject(TiledeskAuthService);
}

const settled = (auth: TiledeskAuthService) =>
  firstValueFrom(auth.state$.pipe(filter((s) => s.status === 'signed-in' || s.status === 'error')));

describe('errors and retry against the emulated widget', () => {
  it('shows a token the server refuses as token-rejected, and a retry signs in', async () => {
    await emulator.failNext(project.id, 'signinWithCustomToken', { status: 401 });
    const auth = startApp();
    const failed = await settled(auth);
    expect(failed.status).toBe('error');
    expect(failed.error).toBeInstanceOf(TiledeskAuthError);
    expect(failed.error?.code).toBe('token-rejected');
    expect(auth.isSignedIn()).toBe(false);

    await expect(auth.signIn()).resolves.toMatchObject({ id: `${project.id}_ada` });
    expect(auth.state()).toMatchObject({ status: 'signed-in', error: null });
    await auth.signOut();
  });

  it('shows a failing getToken as token-fetch-failed, and a retry signs in', async () => {
    tokenFails = true;
    const auth = startApp();
    const failed = await settled(auth);
    expect(failed.error?.code).toBe('token-fetch-failed');
    await expect(auth.signIn()).rejects.toMatchObject({ code: 'token-fetch-failed' });

    tokenFails = false;
    await expect(auth.signIn()).resolves.toMatchObject({ id: `${project.id}_ada` });
    expect(auth.state().status).toBe('signed-in');
    await auth.signOut();
  });
});
