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
export { createTiledesk } from './lib/create-tiledesk';
export { CLOUD_WIDGET_URL } from './lib/resolve-options';
