// Specs only: core's tests drive the independent emulator from libs/testing. The library code never
// imports it (the architecture's rule); the root lint config has no spec-file exception yet.
import { connectTiledeskEmulator, type EmulatedProject } from '@tiledesk-auth/testing/client';

export type { EmulatedProject };

/** The emulator the Jest global setup started (one process per run; each spec file makes its project). */
export const emulator = connectTiledeskEmulator(process.env['TILEDESK_EMULATOR_URL']);
