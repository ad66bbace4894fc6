import { TiledeskAuthError } from '@tiledesk-auth/core';
import { assertConfig } from './assert-config';
import type { TiledeskConfig } from './tiledesk-config';

function errorOf(config: unknown): TiledeskAuthError {
  try {
    assertConfig(config as TiledeskConfig);
  } catch (error) {
    if (error instanceof TiledeskAuthError) return error;
    throw error;
  }
  throw new Error('assertConfig accepted the config');
}

describe('assertConfig', () => {
  it('accepts a project id alone, and getToken with or without autoSignIn', () => {
    expect(() => assertConfig({ projectId: 'p' })).not.toThrow();
    expect(() => assertConfig({ projectId: 'p', getToken: () => 'JWT x', autoSignIn: false })).not.toThrow();
    expect(() => assertConfig({ projectId: 'p', getToken: () => 'JWT x', autoSignIn: true })).not.toThrow();
  });

  it('names a missing config', () => {
    const error = errorOf(undefined);
    expect(error.code).toBe('invalid-options');
    expect(error.message).toBe('provideTiledesk(): config must be an object, got undefined.');
  });

  it('names a missing or empty projectId', () => {
    expect(errorOf({}).message).toContain('projectId must be a non-empty string, got undefined');
    expect(errorOf({ projectId: '' }).message).toContain('got ""');
  });

  it('names a getToken that is not a function', () => {
    const error = errorOf({ projectId: 'p', getToken: 'JWT abc' });
    expect(error.code).toBe('invalid-options');
    expect(error.message).toContain('getToken must be a function, got "string"');
    // A token passed by mistake must not be echoed into an error message (it may be logged).
    expect(error.message).not.toContain('abc');
  });

  it('names a non-boolean autoSignIn and autoSignIn without getToken', () => {
    expect(errorOf({ projectId: 'p', getToken: () => 't', autoSignIn: 'yes' }).message).toContain(
      'autoSignIn must be a boolean, got "yes"',
    );
    expect(errorOf({ projectId: 'p', autoSignIn: true }).message).toContain('autoSignIn needs getToken');
  });
});
