/**
 * @jest-environment node
 */
import { connectTiledeskEmulator } from './client';
import { EmulatorError } from './lib/emulator-error';
import { signIn } from './test-support/http';

// The emulator process started by this project's Jest global setup.
const emulator = connectTiledeskEmulator();

describe('connectTiledeskEmulator', () => {
  it('drives the emulator of the global setup over /__emulator/*', async () => {
    const project = await emulator.createProject({ bootDelayMs: 0 });
    expect(emulator.apiUrl).toBe(`${emulator.url}/api/`);
    const token = await emulator.mintToken(project.id, { userId: 'grace', expiresInSeconds: 60 });
    expect(token).toMatch(/^JWT [\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await signIn(emulator.apiUrl, token)).status).toBe(200);

    await emulator.failNext(project.id, 'signinWithCustomToken', { status: 429 });
    expect((await signIn(emulator.apiUrl, token)).status).toBe(429);

    const secret = await emulator.rotateSecret(project.id);
    expect(secret).not.toBe(project.secret);
    expect((await signIn(emulator.apiUrl, token)).status).toBe(401);

    const log = await emulator.requests(project.id);
    expect(log.map((r) => r.status)).toEqual([200, 429, 401]);
  });

  it('mints expired tokens and tokens with overridden claims', async () => {
    const project = await emulator.createProject();
    const expired = await emulator.mintToken(project.id, { expiresInSeconds: -5 });
    const guest = await emulator.mintToken(project.id, { claims: { sub: 'guest' } });
    expect((await signIn(emulator.apiUrl, expired)).status).toBe(401);
    expect((await signIn(emulator.apiUrl, guest)).status).toBe(200);
  });

  it('rejects with a typed error that names the problem', async () => {
    await expect(emulator.rotateSecret('no-such-project')).rejects.toMatchObject({ name: 'EmulatorError', code: 'unknown-project' });
    const project = await emulator.createProject();
    await expect(emulator.createProject({ id: project.id })).rejects.toMatchObject({ code: 'duplicate-project' });
    await expect(emulator.failNext(project.id, 'events', { status: 1000 })).rejects.toThrow(/fault.status/);
    await expect(emulator.mintToken(project.id, { algorithm: 'RS256' as never })).rejects.toThrow(/algorithm must be one of/);
  });

  it('refuses a missing or malformed URL, and reports an unreachable emulator', async () => {
    expect(() => connectTiledeskEmulator('')).toThrow(EmulatorError);
    expect(() => connectTiledeskEmulator('not a url')).toThrow(/is not a URL/);
    await expect(connectTiledeskEmulator('http://127.0.0.1:1').createProject()).rejects.toMatchObject({ code: 'control-request-failed' });
  });
});
