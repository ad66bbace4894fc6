export { startTokenServer, type RunningTokenServer } from './lib/start-token-server';
export { tokenServerOptionsFromEnv } from './lib/config-from-env';
export {
  TokenServerConfigError,
  type StartTokenServerOptions,
  type TiledeskProjectSettings,
  type TokenServerLogger,
  type TokenServerPublicConfig,
} from './lib/token-server-options';
export { DEMO_USERS, type DemoUser } from './lib/demo-users';
