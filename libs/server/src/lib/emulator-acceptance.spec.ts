// The emulator from libs/testing is the independent oracle for "Tiledesk accepts this token":
// its verification is written separately from this library.
import { startTiledeskEmulator, type EmulatedProject, type TiledeskEmulator } from '@tiledesk-auth/testing';
import { mintTiledeskToken, mintTiledeskTokenSync } from './mint-tiledesk-token.js';
import type { TiledeskVisitor } from './visitor.js';

describe("minted tokens against the emulator's /auth/signinWithCustomToken", () => {
  let emulator: TiledeskEmulator;
  let project: EmulatedProject;

  beforeAll(async () => {
    emulator = await startTiledeskEmulator();
    project = emulator.createProject();
  });
  afterAll(() => emulator.close());

  // Like the widget: the token verbatim in Authorization, empty body; the project comes from aud.
  const signIn = (authorization: string) =>
    fetch(`${emulator.apiUrl}auth/signinWithCustomToken`, { method: 'POST', headers: { Authorization: authorization } });

  const users: TiledeskVisitor[] = [
    { id: 'ada' },
    { id: 'grace', email: 'grace@example.com', firstname: 'Grace', lastname: 'Hopper' },
    { id: 42, email: 'alan@example.com', attributes: { plan: 'pro', tags: ['a'], nested: { ok: true } } },
    { id: 'zoë', firstname: 'Zoë ✓' },
  ];

  it.each(users)('accepts the async token for %j', async (user) => {
    const { token } = await mintTiledeskToken({ projectId: project.id, secret: project.secret, user });
    const response = await signIn(token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { success: boolean; token: string; user: Record<string, unknown> };
    expect(body.success).toBe(true);
    expect(body.token).toBe(token);
    expect(body.user['_id']).toBe(`${project.id}_${user.id}`);
    expect(body.user['sub']).toBe('userexternal');
  });

  it('accepts the sync token', async () => {
    const { token } = mintTiledeskTokenSync({ projectId: project.id, secret: project.secret, user: { id: 'ada' } });
    expect((await signIn(token)).status).toBe(200);
  });

  it('rejects a token signed with a rotated-away secret', async () => {
    const other = emulator.createProject();
    const { token } = await mintTiledeskToken({ projectId: other.id, secret: other.secret, user: { id: 'ada' } });
    expect((await signIn(token)).status).toBe(200);
    emulator.rotateSecret(other.id);
    expect((await signIn(token)).status).toBe(401);
  });

  it('rejects the bare JWT: the "JWT " scheme is required', async () => {
    const { jwt } = await mintTiledeskToken({ projectId: project.id, secret: project.secret, user: { id: 'ada' } });
    expect((await signIn(jwt)).status).toBe(401);
  });
});
