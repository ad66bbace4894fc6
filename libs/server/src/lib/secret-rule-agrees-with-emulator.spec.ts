// One rule for a project's shared secret: whatever the emulator of @tiledesk-auth/testing takes,
// this package signs with, and whatever this package refuses, the emulator refuses too. A test
// passing on the emulator with a secret the token endpoint would refuse proves nothing.
import { EmulatorError, startTiledeskEmulator, type TiledeskEmulator } from '@tiledesk-auth/testing';
import { mintTiledeskToken } from './mint-tiledesk-token.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';
import { MIN_SECRET_LENGTH } from './tiledesk-token-format.js';

describe('the shared-secret rule is the same in the emulator and in this package', () => {
  let emulator: TiledeskEmulator;
  beforeAll(async () => {
    emulator = await startTiledeskEmulator();
  });
  afterAll(() => emulator.close());

  const projectId = (index: number) => `65f0c0ffee0123456789${String(index).padStart(4, '0')}`;

  it.each<[string, string]>([
    ['blank', ' '.repeat(MIN_SECRET_LENGTH)],
    ['empty', ''],
    ['one character short', 'x'.repeat(MIN_SECRET_LENGTH - 1)],
    ['a short word', 'my-secret'],
  ])('both refuse a secret that is %s, without echoing it', async (_label, secret) => {
    // Refused projects are never created, so every case may use the same id.
    const index = 0;
    let thrown: unknown;
    try {
      emulator.createProject({ id: projectId(index), secret });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EmulatorError);
    expect(thrown).toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining(`at least ${MIN_SECRET_LENGTH} characters`),
    });
    if (secret.trim() !== '') expect((thrown as Error).message).not.toContain(secret);
    await expect(mintTiledeskToken({ projectId: projectId(index), secret, user: { id: 'ada' } })).rejects.toBeInstanceOf(
      TiledeskTokenError,
    );
  });

  it('both take the shortest secret allowed, and the emulator accepts what is signed with it', async () => {
    const secret = 'k'.repeat(MIN_SECRET_LENGTH);
    const project = emulator.createProject({ id: projectId(1), secret });
    const { token } = await mintTiledeskToken({ projectId: project.id, secret, user: { id: 'ada' } });
    const response = await fetch(`${emulator.apiUrl}auth/signinWithCustomToken`, { method: 'POST', headers: { Authorization: token } });
    expect(response.status).toBe(200);
  });
});
