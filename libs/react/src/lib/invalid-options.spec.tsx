import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { createTiledesk, type TiledeskClient } from '@tiledesk-auth/core';
import { TiledeskProvider } from './tiledesk-provider.js';
import { useTiledeskAuth } from './use-tiledesk-auth.js';
import { AuthView } from '../test-support/auth-view.js';

function ErrorMessage() {
  const error = useTiledeskAuth((state) => state.error);
  return <span data-testid="message">{error?.message ?? ''}</span>;
}

describe('<TiledeskProvider> with an invalid option', () => {
  afterEach(() => jest.restoreAllMocks());

  it('renders the app, shows error/invalid-options, and logs once through the logger (StrictMode)', async () => {
    const logger = { warn: jest.fn(), error: jest.fn() };
    render(
      <StrictMode>
        <h1>Shop</h1>
        <TiledeskProvider projectId="abc" logger={logger} getToken={() => Promise.resolve('JWT a.b.c')}>
          <AuthView />
          <ErrorMessage />
        </TiledeskProvider>
      </StrictMode>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Shop');
    expect(screen.getByTestId('status').textContent).toBe('error');
    expect(screen.getByTestId('error').textContent).toBe('invalid-options');
    expect(screen.getByTestId('message').textContent).toBe('createTiledesk(): projectId must be 24 hex characters, got "abc"');
    await waitFor(() => expect(logger.error).toHaveBeenCalled());
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0]?.[0]).toContain('projectId must be 24 hex characters, got "abc"');
    expect(document.getElementById('tiledesk-jssdk')).toBeNull();
  });

  it('logs to console.error without a logger', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <TiledeskProvider projectId="">
        <AuthView />
      </TiledeskProvider>,
    );
    expect(screen.getByTestId('error').textContent).toBe('invalid-options');
    await waitFor(() => expect(consoleError).toHaveBeenCalledTimes(1));
    expect(String(consoleError.mock.calls[0]?.[0])).toContain('projectId must be 24 hex characters, got ""');
  });

  it('turns client and options together into the same error state, not a throw', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const client: TiledeskClient = createTiledesk({ projectId: '65f0c0ffee0123456789abcd' });
    const props = { client, projectId: '65f0c0ffee0123456789abcd' } as unknown as { client: TiledeskClient };
    render(
      <TiledeskProvider {...props}>
        <AuthView />
        <ErrorMessage />
      </TiledeskProvider>,
    );
    expect(screen.getByTestId('error').textContent).toBe('invalid-options');
    expect(screen.getByTestId('message').textContent).toContain('not both');
    await waitFor(() => expect(quiet).toHaveBeenCalledTimes(1));
    client.destroy();
  });
});
