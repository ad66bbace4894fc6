import { render, renderHook } from '@testing-library/react';
import { TiledeskAuthError, type TiledeskClient } from '@tiledesk-auth/core';
import { TiledeskProvider, type TiledeskProviderProps } from './tiledesk-provider.js';
import { useTiledeskAuth } from './use-tiledesk-auth.js';
import { useTiledesk } from './use-tiledesk.js';
import { useTiledeskEvent } from './use-tiledesk-event.js';

function thrownBy(action: () => unknown): unknown {
  // React reports render errors on console.error before rethrowing; keep the output clean.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    action();
  } catch (error) {
    return error;
  } finally {
    quiet.mockRestore();
  }
  throw new Error('expected a throw');
}

describe('misuse', () => {
  it.each([
    ['useTiledeskAuth', () => useTiledeskAuth()],
    ['useTiledesk', () => useTiledesk()],
    ['useTiledeskEvent', () => useTiledeskEvent('onOpen', () => undefined)],
  ])('%s() outside <TiledeskProvider> throws a TiledeskAuthError naming the hook', (name, hook) => {
    const error = thrownBy(() => renderHook(hook));
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect((error as TiledeskAuthError).code).toBe('missing-provider');
    expect((error as TiledeskAuthError).message).toContain(`${name}()`);
    expect((error as TiledeskAuthError).message).toContain('<TiledeskProvider>');
  });

  it('does not throw for a provider given both a client and options: its state is error', () => {
    const client = {} as TiledeskClient;
    // The props type forbids this; plain JavaScript callers get an error state instead of a crash.
    const props = { client, projectId: '65f0c0ffee0123456789abcd' } as unknown as TiledeskProviderProps;
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { result } = renderHook(() => useTiledeskAuth(), {
      wrapper: ({ children }) => <TiledeskProvider {...props}>{children}</TiledeskProvider>,
    });
    expect(result.current.error).toBeInstanceOf(TiledeskAuthError);
    expect(result.current.error?.message).toMatch(/`client` or options/);
    quiet.mockRestore();
  });

  it("surfaces core's error for a malformed projectId as the state, not a throw", () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { container } = render(
      <TiledeskProvider projectId="not-a-project">
        <b>app</b>
      </TiledeskProvider>,
    );
    expect(container.textContent).toBe('app');
    quiet.mockRestore();
  });
});
