// explainTiledeskToken() claims to apply the Tiledesk server's rules. The emulator from
// libs/testing implements those rules independently, so for every token below the two must agree:
// `ok` exactly when the widget's two sign-in calls (signinWithCustomToken, then the chat token,
// which dispatches on `sub`) both succeed.
import { startTiledeskEmulator, type EmulatedProject, type TiledeskEmulator } from '@tiledesk-auth/testing';
import { type JWTPayload, SignJWT } from 'jose';
import { explainTiledeskToken } from './explain-tiledesk-token.js';
import { mintTiledeskToken } from './mint-tiledesk-token.js';

describe('explainTiledeskToken agrees with the emulator', () => {
  let emulator: TiledeskEmulator;
  let project: EmulatedProject;
  let other: EmulatedProject;

  beforeAll(async () => {
    emulator = await startTiledeskEmulator();
    project = emulator.createProject();
    other = emulator.createProject();
  });
  afterAll(() => emulator.close());

  const post = (route: string, authorization: string) =>
    fetch(`${emulator.apiUrl}${route}`, { method: 'POST', headers: { Authorization: authorization } });

  /** Whether the emulator lets the widget sign in with this `Authorization` value. */
  async function emulatorAccepts(authorization: string): Promise<boolean> {
    if ((await post('auth/signinWithCustomToken', authorization)).status !== 200) return false;
    return (await post('chat21/native/auth/createCustomToken', authorization)).status === 200;
  }

  function visitor(extra: Record<string, unknown> = {}): JWTPayload {
    const base: JWTPayload = {
      _id: `${project.id}_ada`,
      sub: 'userexternal',
      aud: `https://tiledesk.com/projects/${project.id}`,
      email: 'ada@example.com',
    };
    for (const [key, value] of Object.entries(extra)) {
      if (value === undefined) delete base[key];
      else base[key] = value;
    }
    return base;
  }

  async function sign(claims: JWTPayload, options: { alg?: string; secret?: string; exp?: number | null } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload = options.exp === null ? claims : { exp: now + (options.exp ?? 600), ...claims };
    const jwt = await new SignJWT(payload)
      .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(options.secret ?? project.secret));
    return `JWT ${jwt}`;
  }

  const cases: Array<[string, () => Promise<string>]> = [
    ['a minted token', async () => (await mintTiledeskToken({ projectId: project.id, secret: project.secret, user: { id: 'ada' } })).token],
    ['HS512', () => sign(visitor(), { alg: 'HS512' })],
    ['no exp', () => sign(visitor(), { exp: null })],
    ['a lower-case scheme', async () => (await sign(visitor())).replace(/^JWT/, 'jwt')],
    ['two spaces after the scheme', async () => (await sign(visitor())).replace(/^JWT /, 'JWT  ')],
    ['Bearer', async () => (await sign(visitor())).replace(/^JWT/, 'Bearer')],
    ['the bare JWT', async () => (await sign(visitor())).slice(4)],
    ['another secret', () => sign(visitor(), { secret: other.secret })],
    ['an aud as a one-element array', () => sign(visitor({ aud: [`https://tiledesk.com/projects/${project.id}`] }))],
    ['an aud with a trailing slash', () => sign(visitor({ aud: `https://tiledesk.com/projects/${project.id}/` }))],
    ['an aud path with more segments', () => sign(visitor({ aud: `https://tiledesk.com/projects/${project.id}/widget` }))],
    ['an aud on another host', () => sign(visitor({ aud: `https://chat.example.org/projects/${project.id}` }))],
    ['no aud', () => sign(visitor({ aud: undefined }))],
    ['an aud that is not a URL', () => sign(visitor({ aud: 'projects/x' }))],
    ['an aud outside /projects/', () => sign(visitor({ aud: `https://tiledesk.com/apps/${project.id}` }))],
    ["another project's aud", () => sign(visitor({ aud: `https://tiledesk.com/projects/${other.id}` }))],
    ['an expired token', () => sign(visitor(), { exp: -5 })],
    ['nbf in the future', () => sign(visitor({ nbf: Math.floor(Date.now() / 1000) + 300 }))],
    ['exp that is not a number', () => sign(visitor({ exp: 'tomorrow' }), { exp: null })],
    ['iat that is not a number', () => sign(visitor({ iat: 'now' }))],
    ['no _id', () => sign(visitor({ _id: undefined }))],
    ['no sub', () => sign(visitor({ sub: undefined }))],
    ['an agent role', () => sign(visitor({ role: 'agent' }))],
  ];

  it.each(cases)('%s', async (_label, make) => {
    const token = await make();
    const explanation = await explainTiledeskToken(token, { projectId: project.id, secret: project.secret });
    const accepted = await emulatorAccepts(token);
    expect(explanation.ok).toBe(accepted);
  });
});
