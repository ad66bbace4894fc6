/**
 * @jest-environment node
 */
import { BoundedMap } from './bounded-map';
import { ChatHub, DEFAULT_CHAT_HUB_LIMITS } from './chat-hub';

describe('BoundedMap', () => {
  it('forgets the oldest entry first when full', () => {
    const map = new BoundedMap<string, number>({ maxEntries: 3, maxAgeMs: 60_000 });
    for (const [index, key] of ['a', 'b', 'c', 'd'].entries()) map.set(key, index);
    expect(map.size).toBe(3);
    expect([map.get('a'), map.get('b'), map.get('c'), map.get('d')]).toEqual([undefined, 1, 2, 3]);
  });

  it('keeps an entry that was refreshed and evicts the next oldest instead', () => {
    const map = new BoundedMap<string, number>({ maxEntries: 2, maxAgeMs: 60_000 });
    map.set('a', 1).set('b', 2);
    map.refresh('a');
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, undefined, 3]);
  });

  it('forgets entries older than maxAgeMs, and sweeps them when a new one comes', () => {
    let now = 1_000;
    const map = new BoundedMap<string, number>({ maxEntries: 10, maxAgeMs: 100, now: () => now });
    map.set('old', 1).set('older-still-unread', 2);
    now += 100;
    expect(map.get('old')).toBeUndefined();
    map.set('new', 3);
    expect(map.size).toBe(1);
    expect(map.get('new')).toBe(3);
  });

  it.each([[{ maxEntries: 0, maxAgeMs: 1 }], [{ maxEntries: 1.5, maxAgeMs: 1 }], [{ maxEntries: 1, maxAgeMs: 0 }]])(
    'refuses limits %j',
    (limits) => {
      expect(() => new BoundedMap(limits)).toThrow(RangeError);
    },
  );
});

describe('ChatHub bookkeeping is bounded', () => {
  it('holds at most maxEntries chat tokens however many are issued, the newest still valid', () => {
    const hub = new ChatHub({ maxEntries: 1_000, maxAgeMs: 60_000 });
    const tokens: string[] = [];
    for (let i = 0; i < 80_000; i += 1) tokens.push(hub.issueToken('p1', `p1_user${i}`));
    expect(hub.tokenCount).toBe(1_000);
    expect(hub.credentialsOf(tokens[tokens.length - 1])).toEqual({ projectId: 'p1', userId: 'p1_user79999' });
    expect(hub.credentialsOf(tokens[0])).toBeUndefined();
  });

  it('keeps a chat token that is in use (each reconnect makes it young again)', () => {
    const hub = new ChatHub({ maxEntries: 2, maxAgeMs: 60_000 });
    const inUse = hub.issueToken('p1', 'p1_ada');
    hub.issueToken('p1', 'p1_bob');
    hub.credentialsOf(inUse);
    hub.issueToken('p1', 'p1_cy');
    expect(hub.credentialsOf(inUse)).toEqual({ projectId: 'p1', userId: 'p1_ada' });
  });

  it('forgets a chat token after maxAgeMs without use', () => {
    let now = 0;
    const hub = new ChatHub({ maxEntries: 10, maxAgeMs: 1_000, now: () => now });
    const token = hub.issueToken('p1', 'p1_ada');
    now = 1_000;
    expect(hub.connect(token)).toBeUndefined();
  });

  it('holds at most maxEntries long-poll connections; the oldest is dropped (its parked poll answered)', () => {
    const hub = new ChatHub({ maxEntries: 3, maxAgeMs: 60_000 });
    const token = hub.issueToken('p1', 'p1_ada');
    const first = hub.connect(token);
    let released = false;
    hub.park(first?.connectionId ?? '', () => (released = true));
    for (let i = 0; i < 3; i += 1) hub.connect(token);
    expect(hub.connectionCount).toBe(3);
    expect(released).toBe(true);
    // Still filed under its project, for a disconnect that arrives late.
    expect(hub.projectOfConnection(first?.connectionId ?? '')).toBe('p1');
    for (let i = 0; i < 100; i += 1) hub.connect(token);
    expect(hub.connectionCount).toBe(3);
  });

  it('by default holds at most DEFAULT_CHAT_HUB_LIMITS.maxEntries tokens', () => {
    const hub = new ChatHub();
    for (let i = 0; i < DEFAULT_CHAT_HUB_LIMITS.maxEntries + 5_000; i += 1) hub.issueToken('p1', 'p1_ada');
    expect(hub.tokenCount).toBe(DEFAULT_CHAT_HUB_LIMITS.maxEntries);
  });
});
