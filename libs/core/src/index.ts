export type { TiledeskAuthState, TiledeskAuthStatus, TiledeskUser } from './lib/auth-state.js';
export { TiledeskAuthError, type TiledeskAuthErrorCode } from './lib/tiledesk-auth-error.js';
export type { TiledeskAuthStateChangedDetail, TiledeskEventHandler, TiledeskEventMap, TiledeskEventName } from './lib/widget-events.js';
export { TILEDESK_EVENT_NAMES } from './lib/widget-events.js';
export type { TiledeskLogger, TiledeskOptions, TiledeskShowWhen } from './lib/options.js';
export type { TiledeskClient } from './lib/tiledesk-client.js';
export { createTiledesk } from './lib/create-tiledesk.js';
export { createTiledeskSafely, type TiledeskHost } from './lib/create-tiledesk-safely.js';
export { CLOUD_WIDGET_URL } from './lib/resolve-options.js';
