import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { TiledeskProvider } from './tiledesk-provider.js';
import { AuthView } from '../test-support/auth-view.js';
import { setupEmulatedProject } from '@tiledesk-auth/testing/client';
import { waitForStatus } from '../test-support/wait.js';

// Its own spec file: the page (jsdom) must not have seen a widget before this test.
const setup = setupEmulatedProject();

describe('<TiledeskProvider> under StrictMode', () => {
  it('survives mount → unmount → mount with one script, one token fetch and one sign-in', async () => {
    const { project } = setup;
    const getToken = jest.fn(() => setup.mintToken({ userId: 'ada' }));

    const view = render(
      <StrictMode>
        <TiledeskProvider projectId={project.id} widgetUrl={project.widgetUrl} getToken={getToken}>
          <AuthView />
        </TiledeskProvider>
      </StrictMode>,
    );

    await waitForStatus('signed-in');
    expect(screen.getByTestId('user-id').textContent).toBe(`${project.id}_ada`);
    expect(document.querySelectorAll('script#tiledesk-jssdk')).toHaveLength(1);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(await setup.countRequests('signinWithCustomToken')).toBe(1);

    // A real unmount (not StrictMode's rehearsal) destroys the client the provider made, and the last
    // client to go hides the widget.
    const container = document.querySelector<HTMLElement>('#tiledesk-container');
    expect(container?.style.display).not.toBe('none');
    view.unmount();
    await waitFor(() => expect(container?.style.display).toBe('none'));
    await setup.signOut();
  });
});
