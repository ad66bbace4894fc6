import { connectTiledeskEmulator } from '@tiledesk-auth/testing/client';
import { SignJWT } from 'jose';

/**
 * The emulator of this Jest run (started by libs/testing's globalSetup) and one fresh project on it
 * for the calling spec file. `project` is filled in by a `beforeAll` registered here; an `afterAll`
 * waits for the widget to go quiet before Jest tears the page down.
 *
 * @example
 * ```ts
 * const { emulator, project } = useEmulatedProject();
 * it('fails the next sign-in', () => emulator.failNext(project.id, 'signinWithCustomToken', { status: 401 }));
 * ```
 */
export function useEmulatedProject() {
  const url = process.env['TILEDESK_EMULATOR_URL'];
  if (!url) throw new Error('TILEDESK_EMULATOR_URL is not set: run these specs through jest.config.cjs (globalSetup).');
  const emulator = connectTiledeskEmulator(url);
  const project = {} as Awaited<ReturnType<typeof emulator.createProject>>;
  beforeAll(async () => {
    Object.assign(project, await emulator.createProject({ bootDelayMs: 0 }));
  });
  afterAll(() => waitForWidgetToSettle(emulator, project.id));
  return { emulator, project };
}

/**
 * A visitor token as a customer's server would mint it (protocol page §7), signed with the
 * project's shared secret. Minted here with jose, independently of libs/server.
 *
 * @example
 * ```ts
 * provideTiledesk({ projectId: project.id, getToken: () => mintVisitorToken(project, 'ada') });
 * ```
 */
export function mintVisitorToken(project: { id: string; secret: string }, userId: string): Promise<string> {
  const name = userId.charAt(0).toUpperCase() + userId.slice(1);
  return new SignJWT({
    _id: `${project.id}_${userId}`,
    sub: 'userexternal',
    aud: `https://tiledesk.com/projects/${project.id}`,
    email: `${userId}@example.com`,
    firstname: name,
    lastname: 'Example',
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('1h')
    // Copied into this realm's Uint8Array: jose checks `instanceof Uint8Array` against jsdom's.
    .sign(Uint8Array.from(new TextEncoder().encode(project.secret)));
}

// Waits until the emulated widget stops talking to the emulator (its request log stops growing).
// A file's last sign-out makes the widget disconnect its chat a moment later; if Jest tore the
// page down first, that late XHR would crash the test file.
async function waitForWidgetToSettle(
  emulator: { requests(projectId?: string): Promise<unknown[]> },
  projectId: string,
): Promise<void> {
  let previous = -1;
  for (let i = 0; i < 50; i++) {
    const count = (await emulator.requests(projectId)).length;
    if (count === previous) return;
    previous = count;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
