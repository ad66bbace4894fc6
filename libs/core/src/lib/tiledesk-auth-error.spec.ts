import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { TiledeskTestingClient } from '../testing/index.js';
import { failure, useClientFixture } from '../test/client-fixture.js';
import { createTiledesk } from './create-tiledesk.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';

const fx = useClientFixture();

/** The error `action` throws, or a failure of the test if it throws none. */
function thrownBy(action: () => unknown): TiledeskAuthError {
  try {
    action();
  } catch (error) {
    return error as TiledeskAuthError;
  }
  throw new Error('expected a throw');
}

describe('TiledeskAuthError', () => {
  it('has a status only when one was given', () => {
    const cause = new Error('boom');
    expect(new TiledeskAuthError('token-fetch-failed', 'getToken() failed', { cause, status: 503 })).toMatchObject({ status: 503, cause });
    expect(new TiledeskAuthError('token-rejected', 'refused', { status: 401 }).status).toBe(401);
    expect(new TiledeskAuthError('token-fetch-failed', 'getToken() failed', { cause }).status).toBeUndefined();
    expect(new TiledeskAuthError('timeout', 'slow').status).toBeUndefined();
  });

  it('is what createTiledesk() throws for a bad option, naming the option and the value it got', () => {
    const error = thrownBy(() => createTiledesk({ projectId: 'not-a-project' }));
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'TiledeskAuthError', code: 'invalid-options' });
    expect(error.message).toContain('projectId');
    expect(error.message).toContain('"not-a-project"');
    expect(error.stack).toContain('TiledeskAuthError');
  });

  it('never quotes a token in its message, even one passed where an option goes', () => {
    const secretLooking = 'JWT eyJhbGciOiJIUzI1NiJ9.eyJfaWQiOiJ4In0.c2lnbmF0dXJl';
    const error = thrownBy(() => createTiledesk({ projectId: fx.project.id, getToken: secretLooking as never }));
    expect(error.code).toBe('invalid-options');
    expect(error.message).toContain('getToken');
    expect(error.message).not.toContain('eyJ');
  });

  it("carries getToken()'s HTTP status and the thrown value as its cause", async () => {
    const thrown = Object.assign(new Error('Service Unavailable'), { status: 503 });
    const error = await failure(fx.make({ getToken: () => Promise.reject(thrown) }).signIn());
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect(error).toMatchObject({ code: 'token-fetch-failed', status: 503, cause: thrown });
    expect(error?.message).toContain('HTTP 503');
  });

  it("is of the page's realm when the widget refused the token in its own realm", async () => {
    // The widget rejects from its iframe's realm; what reaches the app is core's own error.
    const refused = await mintVisitorToken(fx.project.id, 'not-the-secret', { userId: 'ada', expiresInSeconds: 600 });
    const error = await failure(fx.make().signIn(refused));
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect(error).toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(error)).toBe(TiledeskAuthError.prototype);
    expect(error).toMatchObject({ name: 'TiledeskAuthError', code: 'token-rejected' });
    expect(error?.message).not.toContain(refused.slice(4, 30));
  });

  it('is one class for the main entry and core/testing, so instanceof holds across both', async () => {
    const fake = new TiledeskTestingClient();
    fake.destroy();
    const error = await failure(fake.signIn());
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect(error?.code).toBe('destroyed');
  });
});
