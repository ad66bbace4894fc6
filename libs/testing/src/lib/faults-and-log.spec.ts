/**
 * @jest-environment node
 */
import { http, signIn } from '../test-support/http';
import { startTiledeskEmulator } from './emulator';
import { EmulatorError } from './emulator-error';
import type { EmulatedProject, TiledeskEmulator } from './types';

let emulator: TiledeskEmulator;

beforeAll(async () => {
  emulator = await startTiledeskEmulator();
});
afterAll(() => emulator.close());

async function freshProject(): Promise<{ project: EmulatedProject; token: string }> {
  const project = emulator.createProject();
  return { project, token: await emulator.mintToken(project.id, { userId: 'ada' }) };
}

describe('failNext', () => {
  it('fails exactly the next N calls of the route with the status, then behaves again', async () => {
    const { project, token } = await freshProject();
    emulator.failNext(project.id, 'signinWithCustomToken', { status: 503, times: 2 });
    const first = await signIn(emulator.apiUrl, token);
    const second = await signIn(emulator.apiUrl, token);
    const third = await signIn(emulator.apiUrl, token);
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.text).toBe('Service Unavailable');
  });

  it('only touches its own project', async () => {
    const a = await freshProject();
    const b = await freshProject();
    emulator.failNext(a.project.id, 'signinWithCustomToken', { status: 500 });
    expect((await signIn(emulator.apiUrl, b.token)).status).toBe(200);
    expect((await signIn(emulator.apiUrl, a.token)).status).toBe(500);
  });

  it('fails the project-scoped widget script', async () => {
    const { project } = await freshProject();
    emulator.failNext(project.id, 'widget', { status: 404 });
    expect((await http('GET', project.widgetUrl)).status).toBe(404);
    const script = await http('GET', project.widgetUrl);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('names what is wrong with a bad fault', () => {
    const project = emulator.createProject();
    expect(() => emulator.failNext(project.id, 'signinWithCustomToken', { status: 42 })).toThrow(/fault.status must be an HTTP status/);
    expect(() => emulator.failNext(project.id, 'signIn' as never, { status: 500 })).toThrow(/route must be one of/);
    expect(() => emulator.failNext('nope', 'events', { status: 500 })).toThrow(EmulatorError);
    try {
      emulator.failNext('nope', 'events', { status: 500 });
    } catch (error) {
      expect((error as EmulatorError).code).toBe('unknown-project');
    }
  });
});

describe('delayNext and latency', () => {
  it('holds the next call back: a later call to the same route answers first', async () => {
    const { project, token } = await freshProject();
    emulator.delayNext(project.id, 'signinWithCustomToken', 400);
    const finished: string[] = [];
    const slow = signIn(emulator.apiUrl, token).then(() => finished.push('delayed'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fast = signIn(emulator.apiUrl, token).then(() => finished.push('next'));
    await Promise.all([slow, fast]);
    expect(finished).toEqual(['next', 'delayed']);
  });

  it('adds a project latency to its responses only', async () => {
    const slow = await freshProject();
    const quick = await freshProject();
    emulator.configureProject(slow.project.id, { latencyMs: 400 });
    const finished: string[] = [];
    await Promise.all([
      signIn(emulator.apiUrl, slow.token).then(() => finished.push('slow project')),
      signIn(emulator.apiUrl, quick.token).then(() => finished.push('quick project')),
    ]);
    expect(finished).toEqual(['quick project', 'slow project']);
    expect(() => emulator.configureProject(slow.project.id, { latencyMs: -1 })).toThrow(/latencyMs must be a number of milliseconds >= 0/);
  });
});

describe('requests()', () => {
  it('logs route, project, path and status, never the token or the secret', async () => {
    const { project, token } = await freshProject();
    await signIn(emulator.apiUrl, token);
    await http('POST', `${emulator.apiUrl}chat21/native/auth/createCustomToken`, { headers: { Authorization: token } });
    await http('POST', `${emulator.apiUrl}${project.id}/events?token=${token.slice(4)}`, { headers: { Authorization: token } });
    const log = emulator.requests(project.id);
    expect(log.map((r) => [r.method, r.route, r.status, r.projectId])).toEqual([
      ['POST', 'signinWithCustomToken', 200, project.id],
      ['POST', 'createCustomToken', 200, project.id],
      ['POST', 'events', 200, project.id],
    ]);
    expect(log[2].path).toBe(`/api/${project.id}/events`);
    for (const entry of log) expect(entry.endedAt).toBeGreaterThanOrEqual(entry.startedAt);
    const dump = JSON.stringify(emulator.requests());
    expect(dump).not.toContain(token.slice(4));
    expect(dump).not.toContain(token.split('.')[2]);
    expect(dump).not.toContain(project.secret);
  });

  it('redacts a JWT that a caller put in the path', async () => {
    const { project, token } = await freshProject();
    await http('GET', `${emulator.url}/api/${project.id}/x/${token.slice(4)}`);
    expect(emulator.requests().map((r) => r.path)).toContain(`/api/${project.id}/x/[redacted]`);
  });

  it('reset() clears the log and pending faults but keeps projects', async () => {
    const { project, token } = await freshProject();
    emulator.failNext(project.id, 'signinWithCustomToken', { status: 500 });
    emulator.reset();
    expect(emulator.requests()).toEqual([]);
    expect((await signIn(emulator.apiUrl, token)).status).toBe(200);
  });
});

describe('projects', () => {
  it('creates 24-hex ids and UUID secrets by default and refuses a duplicate id', () => {
    const project = emulator.createProject();
    expect(project.id).toMatch(/^[0-9a-f]{24}$/);
    expect(project.secret).toHaveLength(36);
    expect(project.widgetUrl).toBe(`${emulator.url}/p/${project.id}/v6/launch.js`);
    expect(() => emulator.createProject({ id: project.id })).toThrow(/already exists/);
    expect(() => emulator.createProject({ id: 'bad id/with slash' })).toThrow(/project id must be/);
  });

  it('answers 404 for the widget of an unknown project', async () => {
    expect((await http('GET', `${emulator.url}/p/unknown/v6/launch.js`)).status).toBe(404);
  });

  it('serves the same cached bundle with the project boot delay baked in', async () => {
    const project = emulator.createProject({ bootDelayMs: 1234 });
    const first = await http('GET', project.widgetUrl);
    const second = await http('GET', project.widgetUrl);
    expect(first.text).toBe(second.text);
    expect(first.text).toContain('"bootDelayMs":1234');
    emulator.configureProject(project.id, { bootDelayMs: 0 });
    expect((await http('GET', project.widgetUrl)).text).toContain('"bootDelayMs":0');
  });

  it('refuses a bad storagePrefix', async () => {
    await expect(startTiledeskEmulator({ storagePrefix: 'no spaces allowed' })).rejects.toThrow(/storagePrefix must be/);
  });
});

describe('reset(projectId)', () => {
  it('clears only that project, so files sharing one emulator do not disturb each other', async () => {
    const mine = await freshProject();
    const theirs = await freshProject();
    emulator.failNext(theirs.project.id, 'signinWithCustomToken', { status: 500 });
    await signIn(emulator.apiUrl, mine.token);
    emulator.reset(mine.project.id);
    expect(emulator.requests(mine.project.id)).toEqual([]);
    expect((await signIn(emulator.apiUrl, theirs.token)).status).toBe(500);
    expect(emulator.requests(theirs.project.id)).toHaveLength(1);
    expect(() => emulator.reset('unknown')).toThrow(/no project "unknown"/);
  });
});
