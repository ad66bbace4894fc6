import { useEffect, useLayoutEffect, useRef } from 'react';
import type { TiledeskEventHandler, TiledeskEventName } from '@tiledesk-auth/core';
import { useTiledeskContext } from './tiledesk-context.js';

// useLayoutEffect keeps the handler current before any event can fire after a commit; on a server
// there are no events, and plain useEffect avoids React 18's server warning.
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Listens to a widget event for as long as the component is mounted. The latest `handler` is
 * always the one called, so an inline function does not re-subscribe on every render.
 *
 * @example
 * ```tsx
 * useTiledeskEvent('onNewConversation', (detail) => analytics.track('chat', detail.newConvId));
 * ```
 */
export function useTiledeskEvent<K extends TiledeskEventName>(name: K, handler: TiledeskEventHandler<K>): void {
  const { client } = useTiledeskContext('useTiledeskEvent');
  const latest = useRef(handler);
  useIsomorphicLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => client.on(name, (detail) => latest.current(detail)), [client, name]);
}
