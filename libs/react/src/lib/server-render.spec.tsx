/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { TiledeskProvider } from './tiledesk-provider.js';
import { useTiledeskAuth } from './use-tiledesk-auth.js';
import { useTiledeskEvent } from './use-tiledesk-event.js';
import { AuthView } from '../test-support/auth-view.js';

function StatusBadge() {
  const status = useTiledeskAuth((state) => state.status);
  useTiledeskEvent('onOpen', () => undefined);
  return <em>{status}</em>;
}

describe('server rendering', () => {
  it('renders the idle state without a window and never asks for a token', () => {
    expect(typeof window).toBe('undefined');
    const getToken = jest.fn(() => Promise.resolve('never-used'));

    const html = renderToString(
      <StrictMode>
        <TiledeskProvider projectId="65f0c0ffee0123456789abcd" getToken={getToken}>
          <AuthView />
          <StatusBadge />
        </TiledeskProvider>
      </StrictMode>,
    );

    expect(html).toContain('<span data-testid="status">idle</span>');
    expect(html).toContain('<em>idle</em>');
    expect(html).not.toContain('script');
    expect(getToken).not.toHaveBeenCalled();
  });

  it('marks the entry point as a client module for the Next.js app router', () => {
    const entry = readFileSync(join(__dirname, '..', 'index.ts'), 'utf8');
    expect(entry.startsWith("'use client';")).toBe(true);
  });
});
