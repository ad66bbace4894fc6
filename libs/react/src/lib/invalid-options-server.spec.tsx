/**
 * @jest-environment node
 */
import { renderToString } from 'react-dom/server';
import { TiledeskProvider } from './tiledesk-provider.js';
import { AuthView } from '../test-support/auth-view.js';

describe('server rendering with an invalid option', () => {
  it('renders the app around a provider with a bad projectId', () => {
    const error = jest.fn();
    const html = renderToString(
      <main>
        <h1>Shop</h1>
        <TiledeskProvider projectId="abc" logger={{ warn: jest.fn(), error }}>
          <AuthView />
          <p>catalogue</p>
        </TiledeskProvider>
      </main>,
    );
    expect(html).toContain('<h1>Shop</h1>');
    expect(html).toContain('<p>catalogue</p>');
    // The server shows what the browser hydrates against; the browser then shows the error.
    expect(html).toContain('<span data-testid="status">idle</span>');
    // Effects do not run on a server: the browser reports it, once.
    expect(error).not.toHaveBeenCalled();
  });
});
