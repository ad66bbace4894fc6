import { render, renderHook } from '@testing-library/react';
import { TiledeskAuthError, type TiledeskClient } from '@tiledesk-auth/core';
import { TiledeskProvider, type TiledeskProviderProps } from './tiledesk-provider';
import { useTiledeskAuth } from './use-tiledesk-auth';
import { useTiledesk } from './use-tiledesk';
import { useTiledeskEvent } from './use-tiledesk-event';

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

  it('rejects a provider given both a client and options', () => {
    const client = {} as TiledeskClient;
    // The props type forbids this; plain JavaScript callers get a clear error instead.
    const props = { client, projectId: '65f0c0ffee0123456789abcd' } as unknown as TiledeskProviderProps;
    const error = thrownBy(() => render(<TiledeskProvider {...props} />));
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect((error as TiledeskAuthError).message).toMatch(/`client` or options/);
  });

  it("surfaces core's error for a malformed projectId", () => {
    const error = thrownBy(() => render(<TiledeskProvider projectId="not-a-project" />));
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect((error as TiledeskAuthError).code).toBe('invalid-options');
  });
});
