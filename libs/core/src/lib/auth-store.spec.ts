import type { TiledeskAuthState } from './auth-state.js';
import { createAuthStore } from './auth-store.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';

describe('createAuthStore', () => {
  it('starts idle, frozen', () => {
    const s = createAuthStore(jest.fn()).get();
    expect(s).toEqual({ status: 'idle', user: null, error: null });
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('emits a new object only on real change', () => {
    const store = createAuthStore(jest.fn());
    const seen: TiledeskAuthState[] = [];
    store.subscribe((s) => seen.push(s));
    store.set('signed-in', { id: 'a', email: 'a@x' });
    const first = store.get();
    store.set('signed-in', { id: 'a', email: 'a@x' });
    expect(store.get()).toBe(first);
    store.set('signed-in', { id: 'a', email: 'b@x' });
    expect(seen.map((s) => s.user?.email)).toEqual(['a@x', 'b@x']);
  });

  it('keeps the old user object when an equal one comes in', () => {
    const store = createAuthStore(jest.fn());
    store.set('signing-in', { id: 'a' });
    const user = store.get().user;
    store.set('signed-in', { id: 'a' });
    expect(store.get().status).toBe('signed-in');
    expect(store.get().user).toBe(user);
  });

  it('treats a different error object as a change', () => {
    const store = createAuthStore(jest.fn());
    const listener = jest.fn();
    store.subscribe(listener);
    store.set('error', null, new TiledeskAuthError('timeout', 'a'));
    store.set('error', null, new TiledeskAuthError('timeout', 'a'));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('unsubscribes one registration at a time and reports throwing listeners', () => {
    const report = jest.fn();
    const store = createAuthStore(report);
    const listener = jest.fn();
    const boom = new Error('boom');
    store.subscribe(() => {
      throw boom;
    });
    const off1 = store.subscribe(listener);
    store.subscribe(listener);
    off1();
    store.set('loading');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith(boom);
    store.clear();
    store.set('signed-out');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
