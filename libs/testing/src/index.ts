export { startTiledeskEmulator } from './lib/emulator';
export { EmulatorError, type EmulatorErrorCode } from './lib/emulator-error';
export { mintVisitorToken } from './lib/mint-token';
export { EMULATED_WIDGET_EVENTS, type EmulatedWidgetEvent } from './lib/widget-event-names';
export { widgetScript, type WidgetServeConfig } from './lib/widget-bundle';
export { widgetRemoteConfig, type WidgetRemoteConfig } from './lib/widget-config';
export type { ChatClientInfo } from './lib/chat-broker';
export type {
  CreateProjectOptions,
  EmulatedProject,
  EmulatorFault,
  EmulatorRequest,
  EmulatorRoute,
  MintTokenOptions,
  ProjectBehaviour,
  TiledeskEmulator,
  TiledeskEmulatorOptions,
} from './lib/types';
export { connectTiledeskEmulator, type ConnectTiledeskEmulatorOptions, type TiledeskEmulatorClient } from './lib/connect-emulator';
export { waitForWidgetQuiet, type WaitForWidgetQuietOptions, type WidgetQuietSource } from './fixtures/wait-for-widget-quiet';
