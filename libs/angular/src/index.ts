export { provideTiledesk } from './lib/provide-tiledesk';
export { TiledeskModule } from './lib/tiledesk.module';
export { TiledeskAuthService } from './lib/tiledesk-auth.service';
export { TILEDESK_CONFIG, type TiledeskConfig, type TiledeskTokenSource } from './lib/tiledesk-config';
export { TILEDESK_CLIENT_FACTORY, type TiledeskClientFactory } from './lib/tiledesk-client-factory';
export {
  TiledeskAuthError,
  type TiledeskAuthErrorCode,
  type TiledeskAuthState,
  type TiledeskAuthStatus,
  type TiledeskClient,
  type TiledeskEventHandler,
  type TiledeskEventMap,
  type TiledeskEventName,
  type TiledeskOptions,
  type TiledeskUser,
} from '@tiledesk-auth/core';
