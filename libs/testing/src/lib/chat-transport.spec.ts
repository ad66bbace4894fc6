/**
 * @jest-environment node
 */
import { request } from 'node:http';
import { http } from '../test-support/http';
import { startTiledeskEmulator } from './emulator';
import type { TiledeskEmulator } from './types';

let emulator: TiledeskEmulator;

beforeAll(async () => {
  emulator = await startTiledeskEmulator();
});
afterAll(() => emulator.close());

/** Opens a chat connection over HTTP, as the widget does after sign-in; returns its id and project. */
async function openChatConnection(): Promise<{ id: string; projectId: string }> {
  const project = emulator.createProject();
  const token = await emulator.mintToken(project.id, { userId: 'ada' });
  const chat = await http('POST', `${emulator.apiUrl}chat21/native/auth/createCustomToken`, { headers: { Authorization: token } });
  const connect = await http('POST', `${emulator.apiUrl}chat21/connect`, {
    headers: { Authorization: chat.json<{ token: string }>().token },
  });
  return { id: connect.json<{ connectionId: string }>().connectionId, projectId: project.id };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the long-poll of connection `id`, then goes away mid-poll, as a closed page does. */
async function abandonPoll(id: string): Promise<void> {
  const abandoned = request(`${emulator.apiUrl}chat21/poll/${id}`, { method: 'POST' });
  abandoned.on('error', () => undefined);
  abandoned.end();
  await sleep(100);
  abandoned.destroy();
  for (let i = 0; i < 100 && !emulator.requests().some((r) => r.path === `/api/chat21/poll/${id}`); i += 1) await sleep(10);
}

describe('the chat long-poll', () => {
  it('stays open until the connection is dropped, then answers "dropped"', async () => {
    const { id, projectId } = await openChatConnection();
    let answered = false;
    const poll = http('POST', `${emulator.apiUrl}chat21/poll/${id}`).then((answer) => {
      answered = true;
      return answer;
    });
    await sleep(100);
    expect(answered).toBe(false);
    emulator.dropChatConnections(projectId);
    expect((await poll).json()).toEqual({ event: 'dropped' });
  });

  it('forgets a connection whose page went away mid-poll (no connection kept for a vanished client)', async () => {
    const { id } = await openChatConnection();
    await abandonPoll(id);
    // A connection the emulator still held would park this poll until a drop; a forgotten one
    // answers at once, like a poll for a connection that was dropped.
    let timer: NodeJS.Timeout | undefined;
    const stillParked = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still parked'), 3000)));
    const again = await Promise.race([http('POST', `${emulator.apiUrl}chat21/poll/${id}`), stillParked]);
    // A timer left running would keep Jest from exiting for three seconds.
    clearTimeout(timer);
    expect(typeof again === 'string' ? again : again.json()).toEqual({ event: 'dropped' });
  });

  it("files a disconnect that arrives after the abandoned poll under the connection's project", async () => {
    const { id, projectId } = await openChatConnection();
    await abandonPoll(id);
    await http('POST', `${emulator.apiUrl}chat21/disconnect/${id}`);
    const paths = emulator.requests(projectId).map((r) => r.path);
    expect(paths).toContain(`/api/chat21/disconnect/${id}`);
  });
});
