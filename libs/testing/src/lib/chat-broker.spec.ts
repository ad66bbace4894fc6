/**
 * @jest-environment node
 */
import { connectAsync, ErrorWithSubackPacket, type IClientOptions, type MqttClient } from 'mqtt';
import { request } from 'node:http';
import { http } from '../test-support/http';
import { startTiledeskEmulator } from './emulator';
import type { EmulatedProject, TiledeskEmulator } from './types';

// The broker the real widget talks to, driven by a real MQTT 3.1.1 client over WebSocket.
let emulator: TiledeskEmulator;
let socketUrl: string;
const clients: MqttClient[] = [];

beforeAll(async () => {
  emulator = await startTiledeskEmulator();
  socketUrl = `${emulator.url.replace(/^http/, 'ws')}/ws`;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
});
afterAll(() => emulator.close());

/** Signs `userId` in as the widget does and returns its chat token (the MQTT password). */
async function chatTokenFor(project: EmulatedProject, userId: string): Promise<{ token: string; uid: string }> {
  const jwt = await emulator.mintToken(project.id, { userId });
  const answer = await http('POST', `${emulator.apiUrl}chat21/native/auth/createCustomToken`, { headers: { Authorization: jwt } });
  const { token, userid } = answer.json<{ token: string; userid: string }>();
  return { token, uid: userid };
}

async function connect(options: IClientOptions): Promise<MqttClient> {
  const client = await connectAsync(socketUrl, { protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000, ...options });
  clients.push(client);
  return client;
}

/** The CONNACK return code of a refused connection. */
async function refusalCode(options: IClientOptions): Promise<number | string | undefined> {
  try {
    await connect(options);
    return 'accepted';
  } catch (error) {
    return (error as { code?: number }).code;
  }
}

/** The QoS the broker granted for one subscription (128: refused). */
async function grantedQos(client: MqttClient, topic: string): Promise<number> {
  try {
    const [grant] = await client.subscribeAsync(topic);
    return grant.qos;
  } catch (error) {
    if (error instanceof ErrorWithSubackPacket) return error.packet.granted[0] as number;
    throw error;
  }
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('the chat broker (MQTT over WebSocket at /ws)', () => {
  it("lets in user name JWT with a chat token it issued, and files the client under the token's project", async () => {
    const project = emulator.createProject();
    const { token, uid } = await chatTokenFor(project, 'ada');
    await connect({ clientId: 'widget-ada', username: 'JWT', password: token });
    expect(emulator.chatClients(project.id)).toEqual([{ clientId: 'widget-ada', userId: uid, projectId: project.id, topics: [] }]);
    expect(emulator.requests(project.id)).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/ws', status: 101, route: 'other' }),
    );
  });

  it.each([
    ['another user name', { username: 'Bearer' }],
    ['no password', { password: undefined }],
  ])('refuses %s with CONNACK 4 (bad user name or password)', async (_name, override) => {
    const { token } = await chatTokenFor(emulator.createProject(), 'ada');
    expect(await refusalCode({ username: 'JWT', password: token, ...override })).toBe(4);
  });

  it.each([
    ['a password it never issued', 'not-a-chat-token'],
    ['the Tiledesk JWT instead of the chat token', 'JWT eyJhbGciOiJIUzI1NiJ9.e30.x'],
  ])('refuses %s with CONNACK 4', async (_name, password) => {
    expect(await refusalCode({ username: 'JWT', password })).toBe(4);
  });

  it("grants subscriptions under the user's own topics only (SUBACK 128 for anyone else's or a wildcard)", async () => {
    const project = emulator.createProject();
    const { token, uid } = await chatTokenFor(project, 'ada');
    const client = await connect({ username: 'JWT', password: token });
    const topics = [
      `apps/tilechat/users/${uid}/#`,
      `apps/tilechat/users/${project.id}_bob/#`,
      '#',
      'apps/tilechat/users/+/#',
      `apps/tilechat/users/${uid}`,
    ];
    const granted = await Promise.all(topics.map((topic) => grantedQos(client, topic)));
    expect(granted).toEqual([0, 128, 128, 128, 128]);
    expect(client.connected).toBe(true);
    // What a test waits for before it drops the chat: only the granted topic, once its SUBACK is out.
    expect(emulator.chatClients(project.id).map((info) => info.topics)).toEqual([[`apps/tilechat/users/${uid}/#`]]);
  });

  it("delivers what the user publishes under its own topics, and closes a client that publishes under someone else's", async () => {
    const project = emulator.createProject();
    const { token, uid } = await chatTokenFor(project, 'ada');
    const client = await connect({ username: 'JWT', password: token });
    await client.subscribeAsync(`apps/tilechat/users/${uid}/#`);
    const received = new Promise<string>((resolve) => client.once('message', (topic) => resolve(topic)));
    await client.publishAsync(`apps/tilechat/users/${uid}/presence/widget`, '{"connected":true}', { qos: 1 });
    expect(await received).toBe(`apps/tilechat/users/${uid}/presence/widget`);
    await client.publishAsync(`apps/tilechat/outgoing/users/${uid}/messages/support-group/outgoing`, '{"text":"hi"}', { qos: 1 });
    expect(client.connected).toBe(true);

    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish(`apps/tilechat/users/${project.id}_bob/messages/x/clientadded`, '{}');
    await closed;
    await until(() => emulator.chatClients(project.id).length === 0);
    expect(emulator.chatClients(project.id)).toEqual([]);
  });

  it('dropChatConnections closes the clients of that project only; the same chat token connects again', async () => {
    const dropped = emulator.createProject();
    const kept = emulator.createProject();
    const ada = await chatTokenFor(dropped, 'ada');
    const bob = await chatTokenFor(kept, 'bob');
    const adaClient = await connect({ username: 'JWT', password: ada.token });
    const bobClient = await connect({ username: 'JWT', password: bob.token });
    const adaClosed = new Promise<void>((resolve) => adaClient.once('close', () => resolve()));

    emulator.dropChatConnections(dropped.id);
    await adaClosed;
    expect(emulator.chatClients(dropped.id)).toEqual([]);
    expect(bobClient.connected).toBe(true);
    expect(emulator.chatClients(kept.id)).toHaveLength(1);

    await connect({ username: 'JWT', password: ada.token });
    expect(emulator.chatClients(dropped.id)).toHaveLength(1);
  });

  it('refuses a WebSocket upgrade to any other path with 404', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const upgrade = request(`${emulator.url}/mqtt`, {
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      upgrade.on('response', (res) => resolve(res.statusCode));
      upgrade.on('upgrade', () => resolve(101));
      upgrade.on('error', reject);
      upgrade.end();
    });
    expect(status).toBe(404);
  });
});

describe('closing the emulator', () => {
  it('closes every chat client and its socket', async () => {
    const own = await startTiledeskEmulator();
    const project = own.createProject();
    const jwt = await own.mintToken(project.id, { userId: 'ada' });
    const { token } = (await http('POST', `${own.apiUrl}chat21/native/auth/createCustomToken`, { headers: { Authorization: jwt } })).json<{
      token: string;
    }>();
    const client = await connectAsync(`${own.url.replace(/^http/, 'ws')}/ws`, { username: 'JWT', password: token, reconnectPeriod: 0 });
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    await own.close();
    await closed;
    expect(client.connected).toBe(false);
    await client.endAsync(true);
  });
});
