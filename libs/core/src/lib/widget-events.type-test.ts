// Type-level tests, checked by `nx typecheck core` (tsc over tsconfig.spec.json), never by Jest:
// each @ts-expect-error must meet an error, or the directive itself is the error (TS2578).
import type { TiledeskEventHandler, TiledeskEventMap, TiledeskEventName } from './widget-events.js';
import type { TILEDESK_EVENT_NAMES } from './widget-events.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const holds = <T extends true>(): T => true as T;

// The runtime list and the event map name the same events, both ways.
holds<Equal<(typeof TILEDESK_EVENT_NAMES)[number], keyof TiledeskEventMap>>();
holds<Equal<TiledeskEventName, keyof TiledeskEventMap>>();

// Names the widget never fires are not event names.
// @ts-expect-error onLoggedIn is never fired by current widget builds
export const loggedIn: TiledeskEventName = 'onLoggedIn';
// @ts-expect-error onLoggedOut is never fired by current widget builds
export const loggedOut: TiledeskEventName = 'onLoggedOut';

// A handler gets its event's detail type.
export const onAuth: TiledeskEventHandler<'onAuthStateChanged'> = (detail) => {
  const online: boolean = detail.isLogged;
  // @ts-expect-error the detail's event is 'online' | 'offline', not any string
  const other: 'signed-in' = detail.event;
  return [online, other];
};
