import { TiledeskAuthError } from '../index.js';
import { TESTING_USER, TiledeskTestingClient } from './index.js';

describe('TiledeskTestingClient', () => {
  it('starts signed out, or from the given state', () => {
    expect(new TiledeskTestingClient().getState()).toEqual({ status: 'signed-out', user: null, error: null });
    expect(new TiledeskTestingClient({ status: 'loading' }).getState().status).toBe('loading');
  });

  it('notifies subscribers of real changes only, with a new frozen object each time', () => {
    const fake = new TiledeskTestingClient();
    const seen: string[] = [];
    const off = fake.subscribe((s) => seen.push(s.status));
    const before = fake.getState();
    fake.setState({ status: 'signed-out' });
    fake.setState({ status: 'signing-in' });
    off();
    fake.setState({ status: 'signed-in' });
    expect(seen).toEqual(['signing-in']);
    expect(fake.getState()).not.toBe(before);
    expect(Object.isFrozen(fake.getState())).toBe(true);
  });

  it('signs in as signInUser, fails once on request, and records calls', async () => {
    const fake = new TiledeskTestingClient();
    const error = new TiledeskAuthError('token-rejected', 'no');
    fake.failNextSignIn(error);
    await expect(fake.signIn('JWT x')).rejects.toBe(error);
    expect(fake.getState()).toMatchObject({ status: 'error', error });
    await expect(fake.signIn()).resolves.toBe(TESTING_USER);
    await fake.signOut();
    expect(fake.calls).toEqual([
      { method: 'signIn', args: ['JWT x'] },
      { method: 'signIn', args: [undefined] },
      { method: 'signOut', args: [] },
    ]);
  });

  it('delivers emitted events to listeners until they unsubscribe or the client is destroyed', async () => {
    const fake = new TiledeskTestingClient();
    const ids: Array<string | undefined> = [];
    const off = fake.on('onNewConversation', (d) => ids.push(d.newConvId));
    fake.on('onOpen', () => ids.push('open'));
    fake.emit('onNewConversation', { newConvId: 'a' });
    off();
    fake.emit('onNewConversation', { newConvId: 'b' });
    expect(fake.listenerCount('onNewConversation')).toBe(0);
    fake.destroy();
    fake.emit('onOpen', undefined);
    expect(ids).toEqual(['a']);
    await expect(fake.signIn()).rejects.toMatchObject({ code: 'destroyed' });
  });
});
