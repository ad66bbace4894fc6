/**
 * The production build is these sources with `devMode` false (scripts/build.mjs swaps dev-mode.ts):
 * the provider and hooks must give the same codes and states there, with the code as the message.
 */
import { renderHook } from '@testing-library/react';
import type { TiledeskAuthError, TiledeskClient } from '@tiledesk-auth/core';
import * as React from 'react';

type Provider = typeof import('./tiledesk-provider.js');
type AuthHook = typeof import('./use-tiledesk-auth.js');

/** The provider and `useTiledeskAuth()` as one build has them. */
function load(devMode: boolean): Provider & AuthHook {
  let modules!: Provider & AuthHook;
  jest.isolateModules(() => {
    jest.doMock('./dev-mode.js', () => ({ devMode }));
    // One React for the provider and the test renderer.
    jest.doMock('react', () => React);
    modules = { ...jest.requireActual<Provider>('./tiledesk-provider.js'), ...jest.requireActual<AuthHook>('./use-tiledesk-auth.js') };
  });
  return modules;
}

/** What a hook outside the provider threw and what a provider given a client and options shows. */
function misuse({ TiledeskProvider, useTiledeskAuth }: Provider & AuthHook): {
  outside: TiledeskAuthError;
  both: TiledeskAuthError | null;
} {
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    let outside: TiledeskAuthError | undefined;
    try {
      renderHook(() => useTiledeskAuth());
    } catch (error) {
      outside = error as TiledeskAuthError;
    }
    // The props type forbids this; plain JavaScript callers get an error state instead of a crash.
    const props = { client: {} as TiledeskClient, projectId: '65f0c0ffee0123456789abcd' } as never;
    const { result } = renderHook(() => useTiledeskAuth(), {
      wrapper: ({ children }) => React.createElement(TiledeskProvider, props, children),
    });
    if (!outside) throw new Error('the hook did not throw outside the provider');
    return { outside, both: result.current.error };
  } finally {
    quiet.mockRestore();
  }
}

describe('the production build of the React package', () => {
  it('gives the codes and states of the development build, the code being the whole message', () => {
    const development = misuse(load(true));
    const production = misuse(load(false));
    expect(development.outside.code).toBe('missing-provider');
    expect(development.both?.code).toBe('invalid-options');
    expect(development.outside.message).toContain('<TiledeskProvider>');
    expect(production.outside).toMatchObject({ code: 'missing-provider', message: 'missing-provider' });
    expect(production.both).toMatchObject({ code: 'invalid-options', message: 'invalid-options' });
  });
});
