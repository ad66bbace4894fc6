import { render, waitFor } from '@testing-library/react';
import { TiledeskProvider } from './tiledesk-provider.js';
import { useTiledeskAuth } from './use-tiledesk-auth.js';
import { useTiledeskEvent } from './use-tiledesk-event.js';
import { setupEmulatedProject } from '@tiledesk-auth/testing/client';
import { WIDGET_TIMEOUT, waitForStatus } from '../test-support/wait.js';

const setup = setupEmulatedProject();

describe('token refresh', () => {
  it('re-renders neither a status-only consumer nor a full-state consumer', async () => {
    const { project } = setup;
    // 10 s tokens: core signs in again halfway through each token's life (the margin is longer), and
    // a slow first boot still gets there before the first token expires.
    const getToken = jest.fn(() => setup.mintToken({ userId: 'ada', expiresInSeconds: 10 }));
    const onlineAs: Array<string | undefined> = [];
    const renders = { status: 0, full: 0 };

    function StatusOnly() {
      const status = useTiledeskAuth((state) => state.status);
      renders.status++;
      return <span data-testid="status">{status}</span>;
    }
    function OnlineEvents() {
      useTiledeskEvent('onAuthStateChanged', (detail) => {
        if (detail.isLogged) onlineAs.push(detail.user_id);
      });
      return null;
    }
    function FullState() {
      const auth = useTiledeskAuth();
      renders.full++;
      return <span>{auth.user?.email}</span>;
    }

    const view = render(
      <TiledeskProvider projectId={project.id} widgetUrl={project.widgetUrl} getToken={getToken} refreshMarginSeconds={60}>
        <StatusOnly />
        <FullState />
        <OnlineEvents />
      </TiledeskProvider>,
    );
    await waitForStatus('signed-in');
    const signedIn = { ...renders };

    // The refresh is over when the widget, having reconnected its chat with the new token, reports
    // `online` a second time. Core hears it first (it subscribed first), so any state change it
    // caused has been flushed into React by the time waitFor sees it.
    await waitFor(() => expect(onlineAs).toHaveLength(2), WIDGET_TIMEOUT);
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(new Set(onlineAs)).toEqual(new Set([`${project.id}_ada`]));
    expect(await setup.countRequests('signinWithCustomToken')).toBe(2);
    expect(renders).toEqual(signedIn);

    view.unmount();
    await setup.signOut();
  });
});
