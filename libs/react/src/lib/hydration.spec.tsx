import { act, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { createTiledesk } from '@tiledesk-auth/core';
import { TiledeskProvider } from './tiledesk-provider.js';
import { AuthView } from '../test-support/auth-view.js';
import { setupEmulatedProject } from '@tiledesk-auth/testing/client';
import { waitForStatus } from '../test-support/wait.js';

// One project for the file: a page hosts one widget, for one project.
const setup = setupEmulatedProject({ signOutAfterEach: true });
const ada = { userId: 'ada' };

/**
 * Puts `app`'s server HTML into the page, as a server would send it, then hydrates it there.
 * `serverStatus` is the status the server rendered; `recoverable` collects React's hydration errors.
 */
async function serverRenderThenHydrate(app: ReactElement) {
  const container = document.createElement('div');
  container.innerHTML = renderToString(app);
  document.body.append(container);
  const serverStatus = screen.getByTestId('status').textContent;
  const recoverable: unknown[] = [];
  let root: Root | undefined;
  await act(async () => {
    root = hydrateRoot(container, app, { onRecoverableError: (error) => recoverable.push(error) });
  });
  const remove = () => {
    act(() => root?.unmount());
    container.remove();
  };
  return { serverStatus, recoverable, remove };
}

// Next.js app router: the server sends the provider's subtree as HTML, the browser hydrates it.
describe('hydration of server-rendered markup', () => {
  it('hydrates the idle markup without a mismatch, then signs in', async () => {
    const { project } = setup;
    const getToken = jest.fn(() => setup.mintToken(ada));
    const app = (
      <TiledeskProvider projectId={project.id} widgetUrl={project.widgetUrl} getToken={getToken}>
        <AuthView />
      </TiledeskProvider>
    );
    const errors = jest.spyOn(console, 'error');
    const page = await serverRenderThenHydrate(app);
    expect(page.serverStatus).toBe('idle');

    await waitForStatus('signed-in');
    expect(screen.getByTestId('user-id').textContent).toBe(`${project.id}_ada`);
    expect(page.recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(await setup.countRequests('signinWithCustomToken')).toBe(1);

    errors.mockRestore();
    page.remove();
  });

  it('hydrates against the idle server state even when the client is already signed in', async () => {
    const { project } = setup;
    const client = createTiledesk({ projectId: project.id, widgetUrl: project.widgetUrl });
    await client.signIn(await setup.mintToken(ada));
    const app = (
      <TiledeskProvider client={client}>
        <AuthView />
      </TiledeskProvider>
    );
    const page = await serverRenderThenHydrate(app);
    expect(page.serverStatus).toBe('idle');

    await waitForStatus('signed-in');
    expect(page.recoverable).toEqual([]);

    page.remove();
    client.destroy();
  });
});
