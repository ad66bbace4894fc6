/**
 * The setup every emulator-backed core spec shares, so that each spec file states only its cases.
 */
import type { TiledeskOptions } from '../lib/options.js';
import type { TiledeskAuthError } from '../lib/tiledesk-auth-error.js';
import type { TiledeskClient } from '../lib/tiledesk-client.js';
import { createTiledesk } from '../lib/create-tiledesk.js';
import { connectTiledeskEmulator, resetWidgetPage, setupEmulatedProject, type EmulatedProject } from '@tiledesk-auth/testing/client';

/** The emulator the Jest global setup started (one process per run; each spec file makes its project). */
export const emulator = connectTiledeskEmulator();

/**
 * What `useClientFixture()` gives a spec file.
 *
 * @example
 * ```ts
 * const fx: ClientFixture = useClientFixture();
 * await fx.make().signIn(await mintVisitorToken(fx.project.id, fx.project.secret, { userId: 'ada' }));
 * ```
 */
export interface ClientFixture {
  /** This spec file's own emulator project (readable once `beforeAll` ran). */
  readonly project: EmulatedProject;
  /** A client for the project; destroyed after the test. */
  make(extra?: Partial<TiledeskOptions>): TiledeskClient;
}

/**
 * Registers the hooks: one project per spec file whose boot gate never opens by itself within a
 * test (only core's synthetic mousemove opens it), from `setupEmulatedProject()`, which also waits
 * for the widget to go quiet after the file; a clean fault list and request log before each test,
 * and after each one every client destroyed and the page wiped.
 *
 * @example
 * ```ts
 * const fx = useClientFixture(); // at the top of the spec file, outside any describe
 * it('loads', async () => expect((await fx.make().load(), host.tiledesk)).toBeDefined());
 * ```
 */
export function useClientFixture(): ClientFixture {
  const { project } = setupEmulatedProject({ emulator, project: { bootDelayMs: 60000 } });
  let clients: TiledeskClient[] = [];
  beforeEach(() => emulator.reset(project.id));
  afterEach(() => {
    clients.forEach((client) => client.destroy());
    clients = [];
    resetWidgetPage();
  });
  const fixture: ClientFixture = {
    project,
    make: (extra = {}) => {
      const client = createTiledesk({ projectId: fixture.project.id, widgetUrl: fixture.project.widgetUrl, ...extra });
      clients.push(client);
      return client;
    },
  };
  return fixture;
}

/**
 * The error a promise rejected with, or undefined when it resolved.
 *
 * @example
 * ```ts
 * expect((await failure(client.signIn('Bearer x')))?.code).toBe('invalid-token');
 * ```
 */
export const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as TiledeskAuthError,
  );
