// The entry point for test code that runs beside a page (Jest's jsdom) or in any Node process:
// nothing here starts a server, so it imports no server module (only `node:http` and `node:crypto`: no jose, an ES module a CommonJS Jest suite cannot require).
export { EmulatorError, type EmulatorErrorCode } from './lib/emulator-error';
export type {
  CreateProjectOptions,
  EmulatedProject,
  EmulatorFault,
  EmulatorRequest,
  EmulatorRoute,
  MintTokenOptions,
  ProjectBehaviour,
} from './lib/types';
export { connectTiledeskEmulator, type ConnectTiledeskEmulatorOptions, type TiledeskEmulatorClient } from './lib/connect-emulator';
export { mintVisitorToken } from './lib/mint-token';
export { EMULATED_WIDGET_EVENTS, type EmulatedWidgetEvent } from './lib/widget-event-names';
export { waitForWidgetQuiet, type WaitForWidgetQuietOptions, type WidgetQuietSource } from './fixtures/wait-for-widget-quiet';
export { resetWidgetPage, signOutWidgetPage } from './fixtures/widget-page';
export { setupEmulatedProject, type EmulatedProjectFixture, type SetupEmulatedProjectOptions } from './fixtures/setup-emulated-project';
