import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createTiledesk } from '@tiledesk-auth/core';
import { TiledeskProvider } from './tiledesk-provider.js';
import { useTiledeskAuth } from './use-tiledesk-auth.js';
import { useTiledesk, type TiledeskCommands } from './use-tiledesk.js';
import { AuthView } from '../test-support/auth-view.js';
import { setupEmulatedProject, type MintTokenOptions } from '@tiledesk-auth/testing/client';
import { WIDGET_TIMEOUT, waitForStatus } from '../test-support/wait.js';

// Unmounting a provider hides the widget but rightly leaves its visitor signed in on the page; start
// every test with nobody signed in.
const setup = setupEmulatedProject({ signOutAfterEach: true });
const ada = { userId: 'ada', claims: { email: 'ada@example.com' } } satisfies MintTokenOptions;
const grace = { userId: 'grace' } satisfies MintTokenOptions;
const widgetUserId = (visitor: MintTokenOptions) => `${setup.project.id}_${visitor.userId}`;

function providerFor(getToken: () => Promise<string>) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <TiledeskProvider projectId={setup.project.id} widgetUrl={setup.project.widgetUrl} getToken={getToken}>
        {children}
      </TiledeskProvider>
    );
  };
}

describe('<TiledeskProvider> with getToken', () => {
  it('signs the visitor in on mount and shows each status once, in order', async () => {
    const seen: string[] = [];
    function StatusLog() {
      const status = useTiledeskAuth((state) => state.status);
      // One entry per render (no StrictMode here), so a needless re-render shows as a repeat.
      seen.push(status);
      return null;
    }
    const Wrapper = providerFor(() => setup.mintToken(ada));
    render(
      <Wrapper>
        <StatusLog />
        <AuthView />
      </Wrapper>,
    );

    await waitForStatus('signed-in');
    expect(screen.getByTestId('user-id').textContent).toBe(widgetUserId(ada));
    expect(screen.getByTestId('user-email').textContent).toBe(ada.claims.email);
    expect(seen[0]).toBe('idle');
    expect(seen).toContain('signing-in');
    expect(seen.at(-1)).toBe('signed-in');
    expect(seen).not.toContain('error');
    // The status-only consumer rendered once per status: never twice in a row with the same value.
    expect(seen.filter((status, i) => status === seen[i - 1])).toEqual([]);
  });

  it('switches user, signs out, and keeps signIn/signOut identities stable', async () => {
    const { result, rerender } = renderHook(() => useTiledeskAuth(), {
      wrapper: providerFor(() => setup.mintToken(ada)),
    });
    await waitFor(() => expect(result.current.isSignedIn).toBe(true), WIDGET_TIMEOUT);
    const { signIn, signOut } = result.current;
    const signInsBefore = await setup.countRequests('signinWithCustomToken');

    const graceToken = await setup.mintToken(grace);
    await act(() => result.current.signIn(graceToken));
    await waitFor(() => expect(result.current.user?.id).toBe(widgetUserId(grace)), WIDGET_TIMEOUT);
    expect(result.current.status).toBe('signed-in');
    expect(await setup.countRequests('signinWithCustomToken')).toBe(signInsBefore + 1);

    await act(() => result.current.signOut());
    await waitFor(() => expect(result.current.status).toBe('signed-out'), WIDGET_TIMEOUT);
    expect(result.current.user).toBeNull();
    expect(result.current.isSignedIn).toBe(false);

    rerender();
    expect(result.current.signIn).toBe(signIn);
    expect(result.current.signOut).toBe(signOut);
  });

  it('puts a failed getToken into state and signs in on retry', async () => {
    let online = false;
    const getToken = () => (online ? setup.mintToken(ada) : Promise.reject(new Error('network down')));
    const { result } = renderHook(() => useTiledeskAuth(), { wrapper: providerFor(getToken) });

    await waitFor(() => expect(result.current.status).toBe('error'), WIDGET_TIMEOUT);
    expect(result.current.error?.code).toBe('token-fetch-failed');

    online = true;
    await act(() => result.current.signIn());
    await waitFor(() => expect(result.current.status).toBe('signed-in'), WIDGET_TIMEOUT);
    expect(result.current.error).toBeNull();
  });

  it('reports a token Tiledesk refuses as token-rejected and recovers on retry', async () => {
    await setup.emulator.failNext(setup.project.id, 'signinWithCustomToken', { status: 401 });
    const { result } = renderHook(() => useTiledeskAuth(), {
      wrapper: providerFor(() => setup.mintToken(ada)),
    });

    await waitFor(() => expect(result.current.status).toBe('error'), WIDGET_TIMEOUT);
    expect(result.current.error?.code).toBe('token-rejected');

    await act(() => result.current.signIn());
    await waitFor(() => expect(result.current.user?.id).toBe(widgetUserId(ada)), WIDGET_TIMEOUT);
  });

  it('does not sign in when autoSignIn is false, and signs in on demand', async () => {
    const getToken = jest.fn(() => setup.mintToken(grace));
    const { result } = renderHook(() => ({ auth: useTiledeskAuth(), commands: useTiledesk() }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <TiledeskProvider projectId={setup.project.id} widgetUrl={setup.project.widgetUrl} getToken={getToken} autoSignIn={false}>
          {children}
        </TiledeskProvider>
      ),
    });

    await waitFor(() => expect(result.current.auth.status).toBe('signed-out'), WIDGET_TIMEOUT);
    expect(getToken).not.toHaveBeenCalled();

    await act(() => result.current.commands.signIn());
    await waitFor(() => expect(result.current.auth.user?.id).toBe(widgetUserId(grace)), WIDGET_TIMEOUT);
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it('calls the latest getToken it was given, without rebuilding the client', async () => {
    let commands: TiledeskCommands | undefined;
    function Capture() {
      commands = useTiledesk();
      return null;
    }
    function Page({ visitor }: { visitor: MintTokenOptions }) {
      // An inline getToken, as apps write it: a new function on every render.
      return (
        <TiledeskProvider projectId={setup.project.id} widgetUrl={setup.project.widgetUrl} getToken={() => setup.mintToken(visitor)}>
          <AuthView />
          <Capture />
        </TiledeskProvider>
      );
    }
    const view = render(<Page visitor={ada} />);
    await waitFor(() => expect(screen.getByTestId('user-id').textContent).toBe(widgetUserId(ada)), WIDGET_TIMEOUT);
    const firstClient = commands;

    view.rerender(<Page visitor={grace} />);
    await act(() => commands?.signIn());
    await waitFor(() => expect(screen.getByTestId('user-id').textContent).toBe(widgetUserId(grace)), WIDGET_TIMEOUT);
    expect(commands).toBe(firstClient);
  });

  it('re-renders a selector consumer only when its slice changes', async () => {
    let userIdRenders = 0;
    function UserIdOnly() {
      const userId = useTiledeskAuth((state) => state.user?.id ?? null);
      userIdRenders++;
      return <i>{userId}</i>;
    }
    const Wrapper = providerFor(() => Promise.reject(new Error('network down')));
    render(
      <Wrapper>
        <UserIdOnly />
        <AuthView />
      </Wrapper>,
    );

    // idle → signing-in → error: the status moved twice, the user id stayed null.
    await waitForStatus('error');
    expect(userIdRenders).toBe(1);
  });

  it('with a client prop: signs in once across remounts and leaves the client alive', async () => {
    const getToken = jest.fn(() => setup.mintToken(ada));
    const client = createTiledesk({ projectId: setup.project.id, widgetUrl: setup.project.widgetUrl, getToken });
    const app = (
      <TiledeskProvider client={client} autoSignIn>
        <AuthView />
      </TiledeskProvider>
    );
    const first = render(app);
    await waitForStatus('signed-in');
    const signIns = await setup.countRequests('signinWithCustomToken');
    first.unmount();

    const second = render(app);
    expect(screen.getByTestId('status').textContent).toBe('signed-in');
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(await setup.countRequests('signinWithCustomToken')).toBe(signIns);
    second.unmount();
    // Let a deferred destroy, if the provider wrongly scheduled one, run first.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));

    // Still alive after both providers are gone: the client's owner decides when it ends.
    await expect(client.signOut()).resolves.toBeUndefined();
    expect(client.getState().status).toBe('signed-out');
    client.destroy();
  });
});
