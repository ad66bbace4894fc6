import { act, render, waitFor } from '@testing-library/react';
import { createTiledesk, type TiledeskAuthStateChangedDetail } from '@tiledesk-auth/core';
import { TiledeskProvider } from './tiledesk-provider.js';
import { useTiledeskEvent } from './use-tiledesk-event.js';
import { setupEmulatedProject } from '@tiledesk-auth/testing/client';
import { WIDGET_TIMEOUT } from '../test-support/wait.js';

const setup = setupEmulatedProject();

describe('useTiledeskEvent()', () => {
  it('calls the latest handler, subscribes once, and stops on unmount', async () => {
    const { project } = setup;
    const client = createTiledesk({ projectId: project.id, widgetUrl: project.widgetUrl });
    const subscribe = jest.spyOn(client, 'on');
    const calls: Array<{ label: string; detail: TiledeskAuthStateChangedDetail }> = [];

    function Listener({ label }: { label: string }) {
      useTiledeskEvent('onAuthStateChanged', (detail) => calls.push({ label, detail }));
      return null;
    }
    const view = render(
      <TiledeskProvider client={client}>
        <Listener label="first" />
      </TiledeskProvider>,
    );
    view.rerender(
      <TiledeskProvider client={client}>
        <Listener label="second" />
      </TiledeskProvider>,
    );

    await act(async () => {
      await client.signIn(await setup.mintToken({ userId: 'ada' }));
    });
    await waitFor(() => expect(calls.some((c) => c.detail.isLogged)).toBe(true), WIDGET_TIMEOUT);
    expect(calls.every((c) => c.label === 'second')).toBe(true);
    expect(subscribe).toHaveBeenCalledTimes(1);

    view.unmount();
    const seenBeforeUnmount = calls.length;
    await client.signOut();
    await waitFor(() => expect(client.getState().status).toBe('signed-out'), WIDGET_TIMEOUT);
    expect(calls).toHaveLength(seenBeforeUnmount);
    client.destroy();
  });
});
