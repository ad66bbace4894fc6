import { emulator, useClientFixture } from '../test/client-fixture.js';
import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { host, pause, until } from '../test/widget-page.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';

const fx = useClientFixture();
const { make } = fx;
const token = (userId = 'ada') => mintVisitorToken(fx.project.id, fx.project.secret, { userId, expiresInSeconds: 600 });
const api = () => host.tiledesk as Record<string, (...a: unknown[]) => unknown>;

describe('widget events', () => {
  it('delivers events to handlers added before boot, after boot, and after reInit', async () => {
    const client = make();
    const early = jest.fn();
    client.on('onBeforeInit', early);
    const auth = jest.fn();
    client.on('onAuthStateChanged', auth);
    await client.signIn(await token());
    expect(early).toHaveBeenCalledTimes(1);
    expect(auth.mock.calls.map(([d]) => d.event)).toEqual(['offline', 'online']);

    const late = jest.fn();
    client.on('onNewConversation', late);
    api()['startConversation']();
    expect(late).toHaveBeenCalledWith(expect.objectContaining({ newConvId: expect.stringContaining(fx.project.id) }));

    host.tiledesk?.reInit();
    await until('the rebuilt widget to report', () => auth.mock.calls.length >= 3);
    expect(early).toHaveBeenCalledTimes(2);
    api()['startConversation']();
    expect(late).toHaveBeenCalledTimes(2);
  });

  it('stops calling a handler once unsubscribed, and survives a throwing handler', async () => {
    const error = jest.fn();
    const client = make({ logger: { warn: jest.fn(), error } });
    await client.load();
    const boom = new Error('boom');
    client.on('onNewConversation', () => {
      throw boom;
    });
    const handler = jest.fn();
    const off = client.on('onNewConversation', handler);
    api()['startConversation']();
    off();
    api()['startConversation']();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('tiledesk: a onNewConversation handler threw', boom);
    expect(() => client.on('onOpen', 'nope' as never)).toThrow(TiledeskAuthError);
  });

  it('removes its listeners on destroy', async () => {
    const client = make();
    await client.load();
    const handler = jest.fn();
    client.on('onNewConversation', handler);
    client.destroy();
    api()['startConversation']();
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('widget controls', () => {
  it('open() defers while signed out (no guest sign-in), then opens once signed in; never toggles closed', async () => {
    const client = make();
    await client.load();
    const opened = jest.fn();
    client.on('onOpen', opened);
    client.open();
    await pause(100);
    expect(opened).not.toHaveBeenCalled();
    expect((await emulator.requests(fx.project.id)).filter((r) => r.path.includes('signinAnonymously'))).toEqual([]);
    await client.signIn(await token());
    expect(opened).toHaveBeenCalledTimes(1);
    client.open();
    client.open();
    expect(opened).toHaveBeenCalledTimes(1);
    const closed = jest.fn();
    client.on('onClose', closed);
    client.close();
    expect(closed).toHaveBeenCalledTimes(1);
    client.open();
    expect(opened).toHaveBeenCalledTimes(2);
  });

  it('open() works again after a sign-out closed the panel silently', async () => {
    const client = make();
    const opened = jest.fn();
    client.on('onOpen', opened);
    await client.signIn(await token());
    client.open();
    await client.signOut();
    await client.signIn(await token('grace'));
    client.open();
    expect(opened).toHaveBeenCalledTimes(2);
  });

  it('close() cancels a deferred open()', async () => {
    const client = make();
    const opened = jest.fn();
    client.on('onOpen', opened);
    client.open();
    client.close();
    await client.signIn(await token());
    expect(opened).not.toHaveBeenCalled();
  });

  it('sets persisted attributes', async () => {
    const client = make();
    await client.load();
    client.setAttribute('plan', 'pro');
    expect(JSON.parse(localStorage.getItem('widget_sv6_' + fx.project.id + '_attributes') ?? '{}')).toMatchObject({ plan: 'pro' });
    expect(() => client.setAttribute('', 1)).toThrow(/key/);
  });
});
