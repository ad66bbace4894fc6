import { TiledeskAuthError } from './tiledesk-auth-error.js';

describe('TiledeskAuthError', () => {
  it('carries a code, a message and a cause', () => {
    const cause = new Error('boom');
    const error = new TiledeskAuthError('token-fetch-failed', 'getToken() rejected', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TiledeskAuthError');
    expect(error.code).toBe('token-fetch-failed');
    expect(error.message).toBe('getToken() rejected');
    expect(error.cause).toBe(cause);
  });

  it('has the missing-provider code the adapters throw outside their provider', () => {
    const error = new TiledeskAuthError('missing-provider', 'useTiledeskAuth() needs <TiledeskProvider>');
    expect(error.code).toBe('missing-provider');
  });
});
