/**
 * @jest-environment node
 */
import { http } from '../test-support/http';
import { startTiledeskEmulator } from './emulator';
import type { EmulatedProject, TiledeskEmulator } from './types';

// The API calls the real widget makes around a sign-in besides the sign-in itself.
let emulator: TiledeskEmulator;
let project: EmulatedProject;

beforeAll(async () => {
  emulator = await startTiledeskEmulator();
  project = emulator.createProject();
});
afterAll(() => emulator.close());

async function chatCredentials(userId: string, claims: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const jwt = await emulator.mintToken(project.id, { userId, claims });
  const answer = await http('POST', `${emulator.apiUrl}chat21/native/auth/createCustomToken`, { headers: { Authorization: jwt } });
  expect(answer.status).toBe(200);
  return answer.json();
}

describe('the API the real widget calls', () => {
  it('createCustomToken answers { userid, fullname, firstname, lastname, token }', async () => {
    const credentials = await chatCredentials('ada', { firstname: 'Ada', lastname: 'Lovelace' });
    expect(credentials).toEqual({
      userid: `${project.id}_ada`,
      fullname: 'Ada Lovelace',
      firstname: 'Ada',
      lastname: 'Lovelace',
      token: expect.any(String),
    });
    expect(await chatCredentials('nameless', { firstname: undefined, lastname: undefined })).toEqual(
      expect.objectContaining({ fullname: '', firstname: '', lastname: '' }),
    );
  });

  it("GET <pid>/widgets answers the project as online and open, with a default department, an available agent and the caller's address", async () => {
    const answer = await http('GET', `${emulator.apiUrl}${project.id}/widgets`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({
      project: expect.objectContaining({
        id: project.id,
        _id: project.id,
        status: 100,
        activeOperatingHours: false,
        isActiveSubscription: true,
        trialExpired: false,
      }),
      departments: [expect.objectContaining({ default: true, status: 1 })],
      user_available: [expect.objectContaining({ id: expect.any(String) })],
      waiting: [],
      ip: '127.0.0.1',
    });
    const forwarded = await http('GET', `${emulator.apiUrl}${project.id}/widgets`, {
      headers: { 'X-Forwarded-For': '203.0.113.7, 10.0.0.1' },
    });
    expect(forwarded.json()['ip']).toBe('203.0.113.7, 10.0.0.1');
    expect((await http('GET', `${emulator.apiUrl}no-such-project/widgets`)).status).toBe(404);
  });

  it('GET <pid>/labels/EN answers 200 with no overrides (the widget keeps its own labels)', async () => {
    const answer = await http('GET', `${emulator.apiUrl}${project.id}/labels/EN`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ lang: 'EN', data: {} });
  });

  it('GET <pid>/publicanalytics/waiting/current answers []', async () => {
    const answer = await http('GET', `${emulator.apiUrl}${project.id}/publicanalytics/waiting/current`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual([]);
  });

  it.each(['conversations', 'conversations/archived'])(
    "GET chatapi/api/tilechat/<uid>/%s answers the empty list to the user's own chat token only",
    async (list) => {
      const { token, userid } = (await chatCredentials('grace')) as { token: string; userid: string };
      const url = (uid: string) => `${emulator.apiUrl}chatapi/api/tilechat/${uid}/${list}`;
      const own = await http('GET', url(userid), { headers: { Authorization: token } });
      expect(own.status).toBe(200);
      expect(own.json()).toEqual({ success: true, result: [] });
      expect((await http('GET', url(`${project.id}_someone-else`), { headers: { Authorization: token } })).status).toBe(401);
      expect((await http('GET', url(userid), { headers: { Authorization: 'not-a-chat-token' } })).status).toBe(401);
      expect((await http('GET', url(userid))).status).toBe(401);
    },
  );

  it('GET files?path=... answers 404: no avatar was ever uploaded', async () => {
    expect((await http('GET', `${emulator.apiUrl}files?path=uploads/users/x/images/photo.jpg`)).status).toBe(404);
  });

  it('files these requests under the project, without query strings', async () => {
    emulator.reset(project.id);
    await http('GET', `${emulator.apiUrl}${project.id}/widgets`);
    await http('GET', `${emulator.apiUrl}${project.id}/labels/EN`);
    const paths = emulator.requests(project.id).map((entry) => `${entry.method} ${entry.path} ${entry.route} ${entry.status}`);
    expect(paths).toEqual([`GET /api/${project.id}/widgets other 200`, `GET /api/${project.id}/labels/EN other 200`]);
  });
});
