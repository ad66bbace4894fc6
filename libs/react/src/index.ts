'use client';
export { TiledeskProvider, type TiledeskProviderProps } from './lib/tiledesk-provider.js';
export { useTiledeskAuth, type TiledeskAuth } from './lib/use-tiledesk-auth.js';
export { useTiledesk, type TiledeskCommands } from './lib/use-tiledesk.js';
export { useTiledeskEvent } from './lib/use-tiledesk-event.js';
export { TiledeskAuthError } from '@tiledesk-auth/core';
export type {
  TiledeskAuthErrorCode,
  TiledeskAuthState,
  TiledeskAuthStatus,
  TiledeskClient,
  TiledeskEventHandler,
  TiledeskEventMap,
  TiledeskEventName,
  TiledeskOptions,
  TiledeskUser,
} from '@tiledesk-auth/core';
