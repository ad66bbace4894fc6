export type { TiledeskAuthState, TiledeskAuthStatus, TiledeskUser } from './lib/auth-state';
export { TiledeskAuthError, type TiledeskAuthErrorCode } from './lib/tiledesk-auth-error';
export type {
  TiledeskAuthStateChangedDetail,
  TiledeskEventHandler,
  TiledeskEventMap,
  TiledeskEventName,
} from './lib/widget-events';
export type { TiledeskLogger, TiledeskOptions, TiledeskShowWhen } from './lib/options';
export type { TiledeskClient } from './lib/tiledesk-client';
