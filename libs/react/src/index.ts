'use client';
export { TiledeskProvider, type TiledeskProviderProps } from './lib/tiledesk-provider';
export { useTiledeskAuth, type TiledeskAuth } from './lib/use-tiledesk-auth';
export { useTiledesk, type TiledeskCommands } from './lib/use-tiledesk';
export { useTiledeskEvent } from './lib/use-tiledesk-event';
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
