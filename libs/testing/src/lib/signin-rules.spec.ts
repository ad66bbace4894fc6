/**
 * @jest-environment node
 */
import { generateKeyPair, SignJWT } from 'jose';
import { http, signIn } from '../test-support/http';
import { startTiledeskEmulator } from './emulator';
import type { EmulatedProject, TiledeskEmulator } from './types';

let emulator: TiledeskEmulator;
let project: EmulatedProject;
let other: EmulatedProject;

beforeAll(async () => {
  emulator = await startTiledeskEmulator();
  project = emulator.createProject({ id: 'aaaaaaaaaaaaaaaaaaaaaaaa' });
  other = emulator.createProject({ id: 'bbbbbbbbbbbbbbbbbbbbbbbb' });
});
afterAll(() => emulator.close());

const now = () => Math.floor(Date.now() / 1000);

function claims(projectId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: `${projectId}_ada`,
    sub: 'userexternal',
    aud: `https://tiledesk.com/projects/${projectId}`,
    email: 'ada@example.test',
    ...extra,
  };
}

function sign(payload: Record<string, unknown>, secret: string | Uint8Array, alg = 'HS256'): Promise<string> {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

describe('POST /auth/signinWithCustomToken: the Authorization header', () => {
  it('accepts "JWT <token>" and answers {success, token: "JWT <same token>", user: <payload>}', async () => {
    const jwt = await sign(claims(project.id, { firstname: 'Ada' }), project.secret);
    const answer = await signIn(emulator.apiUrl, `JWT ${jwt}`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ success: true, token: `JWT ${jwt}`, user: claims(project.id, { firstname: 'Ada' }) });
  });

  it('compares the scheme case-insensitively but echoes a lower-case scheme back as sent', async () => {
    const jwt = await sign(claims(project.id), project.secret);
    const answer = await signIn(emulator.apiUrl, `jwt ${jwt}`);
    expect(answer.status).toBe(200);
    expect(answer.json()['token']).toBe(`jwt ${jwt}`);
  });

  it.each([
    ['Bearer', (jwt: string) => `Bearer ${jwt}`],
    ['a bare token', (jwt: string) => jwt],
    ['no header', () => undefined],
  ])('answers a plain 401 Unauthorized for %s', async (_label, header) => {
    const jwt = await sign(claims(project.id), project.secret);
    const answer = await signIn(emulator.apiUrl, header(jwt));
    expect(answer.status).toBe(401);
    expect(answer.text).toBe('Unauthorized');
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('ignores a token in the body (401)', async () => {
    const jwt = await sign(claims(project.id), project.secret);
    const answer = await http('POST', `${emulator.apiUrl}auth/signinWithCustomToken`, {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: `JWT ${jwt}` }),
    });
    expect(answer.status).toBe(401);
  });

  it('answers 403 when the scheme and token are separated by two spaces', async () => {
    const jwt = await sign(claims(project.id), project.secret);
    const answer = await signIn(emulator.apiUrl, `JWT  ${jwt}`);
    expect(answer.status).toBe(403);
  });

  it('refuses a token given only as ?secret_token= with a JSON 403 {"success":false,"msg":"Unauthorized."}', async () => {
    const jwt = await sign(claims(project.id), project.secret);
    const answer = await http('POST', `${emulator.apiUrl}auth/signinWithCustomToken?secret_token=${jwt}`);
    expect(answer.status).toBe(403);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.text).toBe('{"success":false,"msg":"Unauthorized."}');
  });

  it.each([
    ['a valid header and a valid ?secret_token=', true, 200],
    ['a valid header and a garbage ?secret_token=', false, 200],
  ])('lets the Authorization header decide with %s', async (_label, sameToken, status) => {
    const jwt = await sign(claims(project.id), project.secret);
    const query = sameToken ? jwt : 'garbage';
    const answer = await http('POST', `${emulator.apiUrl}auth/signinWithCustomToken?secret_token=${query}`, {
      headers: { Authorization: `JWT ${jwt}` },
    });
    expect(answer.status).toBe(status);
    expect(answer.json()['token']).toBe(`JWT ${jwt}`);
  });

  it('still answers the plain 401 for a bad header, whatever ?secret_token= holds', async () => {
    const jwt = await sign(claims(project.id), project.secret);
    const answer = await http('POST', `${emulator.apiUrl}auth/signinWithCustomToken?secret_token=${jwt}`, {
      headers: { Authorization: `Bearer ${jwt}` },
    });
    expect(answer.status).toBe(401);
    expect(answer.text).toBe('Unauthorized');
  });
});

describe('POST /auth/signinWithCustomToken: which key', () => {
  it('takes the project from the aud path and ignores its host', async () => {
    const jwt = await sign(claims(project.id, { aud: `https://self-hosted.example/projects/${project.id}` }), project.secret);
    expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(200);
  });

  it('refuses a token signed with another project secret than its aud names', async () => {
    const jwt = await sign(claims(project.id), other.secret);
    expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(401);
  });

  it.each([
    ['no aud', { aud: undefined }],
    ['an aud outside /projects/', { aud: `https://tiledesk.com/apps/${'aaaaaaaaaaaaaaaaaaaaaaaa'}` }],
  ])('uses the global secret for %s, so a project-signed token gets 401', async (_label, extra) => {
    const payload = claims(project.id, extra);
    if (payload['aud'] === undefined) delete payload['aud'];
    const jwt = await sign(payload, project.secret);
    expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(401);
  });

  it('answers 500 for an aud that is not a URL', async () => {
    const jwt = await sign(claims(project.id, { aud: 'not a url' }), project.secret);
    expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(500);
  });

  it('answers 401 for an aud naming a project the server does not know', async () => {
    const jwt = await sign(claims('cccccccccccccccccccccccc'), project.secret);
    expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(401);
  });

  it('uses the secret text as UTF-8 bytes, not hex-decoded', async () => {
    const hexSecret = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6';
    const hexProject = emulator.createProject({ secret: hexSecret });
    const asText = await sign(claims(hexProject.id), hexSecret);
    const asHexBytes = await sign(claims(hexProject.id), Uint8Array.from(Buffer.from(hexSecret, 'hex')));
    expect((await signIn(emulator.apiUrl, `JWT ${asText}`)).status).toBe(200);
    expect((await signIn(emulator.apiUrl, `JWT ${asHexBytes}`)).status).toBe(401);
  });

  it('revokes every token signed with the old secret on rotateSecret', async () => {
    const rotating = emulator.createProject();
    const before = await sign(claims(rotating.id), rotating.secret);
    const secret = emulator.rotateSecret(rotating.id);
    expect(secret).not.toBe(rotating.secret);
    expect(secret).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await signIn(emulator.apiUrl, `JWT ${before}`)).status).toBe(401);
    const after = await sign(claims(rotating.id), secret);
    expect((await signIn(emulator.apiUrl, `JWT ${after}`)).status).toBe(200);
  });
});

describe('POST /auth/signinWithCustomToken: algorithms and claims', () => {
  it.each(['HS256', 'HS384', 'HS512'])('accepts %s', async (alg) => {
    const jwt = await sign(claims(project.id), project.secret, alg);
    expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(200);
  });

  it('refuses RS256 even with a valid signature', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const jwt = await new SignJWT(claims(project.id)).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(401);
  });

  it('refuses alg "none"', async () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jwt = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims(project.id))}.`;
    expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(401);
  });

  it('refuses a token that is not a JWT', async () => {
    expect((await signIn(emulator.apiUrl, 'JWT not.a.jwt')).status).toBe(401);
  });

  it('enforces exp with no tolerance, and nbf', async () => {
    const expired = await sign(claims(project.id, { exp: now() - 1 }), project.secret);
    const notYet = await sign(claims(project.id, { nbf: now() + 60 }), project.secret);
    const valid = await sign(claims(project.id, { exp: now() + 60, nbf: now() - 1 }), project.secret);
    expect((await signIn(emulator.apiUrl, `JWT ${expired}`)).status).toBe(401);
    expect((await signIn(emulator.apiUrl, `JWT ${notYet}`)).status).toBe(401);
    expect((await signIn(emulator.apiUrl, `JWT ${valid}`)).status).toBe(200);
  });

  it('requires _id but not sub, email nor exp on this route', async () => {
    const noId = claims(project.id);
    delete noId['_id'];
    const bare = { _id: 'whatever', aud: `https://tiledesk.com/projects/${project.id}` };
    expect((await signIn(emulator.apiUrl, `JWT ${await sign(noId, project.secret)}`)).status).toBe(401);
    expect((await signIn(emulator.apiUrl, `JWT ${await sign(bare, project.secret)}`)).status).toBe(200);
  });

  it.each(['owner', 'admin', 'agent'])(
    'refuses a visitor token carrying role %s (the privileged path has no such teammate)',
    async (role) => {
      const jwt = await sign(claims(project.id, { role }), project.secret);
      expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(401);
    },
  );
});

describe('POST /chat21/native/auth/createCustomToken and /:projectid/events', () => {
  const chatToken = (authorization: string) =>
    http('POST', `${emulator.apiUrl}chat21/native/auth/createCustomToken`, { headers: { Authorization: authorization } });

  it('gives a chat token for a userexternal token', async () => {
    const jwt = await sign(claims(project.id), project.secret);
    const answer = await chatToken(`JWT ${jwt}`);
    expect(answer.status).toBe(200);
    expect(typeof answer.json()['token']).toBe('string');
    expect(answer.json()['userid']).toBe(`${project.id}_ada`);
  });

  it.each([
    ['no sub', undefined],
    ['sub "guest"', 'guest'],
    ['sub "user"', 'user'],
  ])('refuses a token with %s, which sign-in accepted', async (_label, sub) => {
    const jwt = await sign(claims(project.id, { sub }), project.secret);
    expect((await signIn(emulator.apiUrl, `JWT ${jwt}`)).status).toBe(200);
    const answer = await chatToken(`JWT ${jwt}`);
    expect(answer.status).toBe(401);
    expect(answer.text).toBe('Unauthorized');
  });

  it('accepts events for the token project and refuses an expired token', async () => {
    const events = (authorization: string) =>
      http('POST', `${emulator.apiUrl}${project.id}/events`, { headers: { Authorization: authorization }, body: '{"name":"x"}' });
    const valid = await sign(claims(project.id, { exp: now() + 60 }), project.secret);
    const expired = await sign(claims(project.id, { exp: now() - 10 }), project.secret);
    expect((await events(`JWT ${valid}`)).status).toBe(200);
    expect((await events(`JWT ${expired}`)).status).toBe(401);
  });

  it('refuses events posted to another project than the token names', async () => {
    const jwt = await sign(claims(project.id), project.secret);
    const answer = await http('POST', `${emulator.apiUrl}${other.id}/events`, { headers: { Authorization: `JWT ${jwt}` } });
    expect(answer.status).toBe(401);
  });
});

describe('CORS', () => {
  it('answers the preflight of a cross-origin POST with Authorization', async () => {
    const answer = await http('OPTIONS', `${emulator.apiUrl}auth/signinWithCustomToken`, {
      headers: { Origin: 'http://localhost', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('http://localhost');
    expect(String(answer.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    expect(answer.headers['access-control-allow-methods']).toContain('POST');
  });

  it('puts Access-Control-Allow-Origin on failures too, so the widget can read the 401', async () => {
    const answer = await http('POST', `${emulator.apiUrl}auth/signinWithCustomToken`, { headers: { Origin: 'http://localhost' } });
    expect(answer.status).toBe(401);
    expect(answer.headers['access-control-allow-origin']).toBe('http://localhost');
  });
});
