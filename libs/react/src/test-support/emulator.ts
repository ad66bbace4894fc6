import { connectTiledeskEmulator, type EmulatedProject, type TiledeskEmulatorClient } from '@tiledesk-auth/testing/client';
import { waitFor } from '@testing-library/react';
import { createTiledesk } from '@tiledesk-auth/core';

/**
 * Connects to the emulator that Jest's global setup started, and makes a project of this spec
 * file's own, so parallel spec files never share widget state or request logs.
 */
export async function createEmulatorProject() {
  // Set by the Jest global setup; connectTiledeskEmulator() names the variable if it is missing.
  const emulator = connectTiledeskEmulator();
  const project = await emulator.createProject();
  return { emulator, project };
}

/** How many sign-in calls the emulated Tiledesk API received for `projectId`. */
export async function countSignIns(emulator: TiledeskEmulatorClient, projectId: string): Promise<number> {
  const requests = await emulator.requests(projectId);
  return requests.filter((request) => request.route === 'signinWithCustomToken').length;
}

/**
 * Logs the page's widget out (whichever client signed it in) and waits until the emulator has seen
 * every chat connection closed: a widget still talking when Jest tears jsdom down throws into
 * whatever spec file runs next.
 */
export async function signOutWidget(setup: { emulator: TiledeskEmulatorClient; project: EmulatedProject }): Promise<void> {
  const { emulator, project } = setup;
  const client = createTiledesk({ projectId: project.id, widgetUrl: project.widgetUrl });
  // Only a client attached to the page's widget can log it out.
  await client.load();
  await client.signOut();
  client.destroy();
  await waitFor(async () => {
    const paths = (await emulator.requests(project.id)).map((request) => request.path);
    const opened = paths.filter((path) => path.endsWith('/chat21/connect')).length;
    const closed = paths.filter((path) => path.includes('/chat21/disconnect/')).length;
    expect(closed).toBeGreaterThanOrEqual(opened);
  });
}
