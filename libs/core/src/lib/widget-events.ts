/**
 * `onAuthStateChanged` as the widget reports it. `user_id` is NOT cleared on logout: trust `isLogged`.
 * `global` is the widget's live settings object (holds `window`): never store it.
 *
 * @example
 * ```ts
 * client.on('onAuthStateChanged', (d) => console.log(d.event, d.isLogged));
 * ```
 */
export interface TiledeskAuthStateChangedDetail {
  readonly event: 'online' | 'offline';
  readonly isLogged: boolean;
  readonly user_id?: string;
  readonly global?: unknown;
  readonly default_settings?: unknown;
  readonly appConfigs?: unknown;
}

/**
 * Every widget event and the `detail` it carries. Fields we do not rely on are typed `unknown`.
 *
 * @example
 * ```ts
 * const off = client.on('onNewConversation', (d) => track(d.newConvId));
 * ```
 */
export interface TiledeskEventMap {
  onLoadParams: { readonly default_settings?: unknown };
  onBeforeInit: { readonly global?: unknown };
  onInit: { readonly global?: unknown };
  onAuthStateChanged: TiledeskAuthStateChangedDetail;
  onOpen: unknown;
  onClose: unknown;
  onOpenEyeCatcher: unknown;
  onClosedEyeCatcher: unknown;
  onNewConversation: { readonly newConvId?: string; readonly [key: string]: unknown };
  onConversationUpdated: { readonly conversation?: unknown };
  onBeforeMessageSend: { readonly message?: unknown };
  onAfterMessageSend: { readonly message?: unknown };
  onMessageCreated: { readonly message?: unknown };
}

/**
 * Every widget event core knows, at run time: the events current widget builds fire (their
 * `onLoggedIn`/`onLoggedOut` triggers exist in the widget's source but nothing calls them). The
 * keys of {@link TiledeskEventMap} are exactly these (`widget-events.type-test.ts`), and a spec
 * checks them against the emulator's list of what it fires.
 *
 * @example
 * ```ts
 * const offs = TILEDESK_EVENT_NAMES.map((name) => client.on(name, () => log(name)));
 * ```
 */
export const TILEDESK_EVENT_NAMES = [
  'onLoadParams',
  'onBeforeInit',
  'onInit',
  'onAuthStateChanged',
  'onOpen',
  'onClose',
  'onOpenEyeCatcher',
  'onClosedEyeCatcher',
  'onNewConversation',
  'onConversationUpdated',
  'onBeforeMessageSend',
  'onAfterMessageSend',
  'onMessageCreated',
] as const satisfies readonly (keyof TiledeskEventMap)[];

/**
 * The name of a widget event.
 *
 * @example
 * ```ts
 * const name: TiledeskEventName = 'onOpen';
 * ```
 */
export type TiledeskEventName = (typeof TILEDESK_EVENT_NAMES)[number];

/**
 * A handler for widget event `K`; it receives the event's `detail`.
 *
 * @example
 * ```ts
 * const onOpen: TiledeskEventHandler<'onOpen'> = () => analytics.track('chat-opened');
 * ```
 */
export type TiledeskEventHandler<K extends TiledeskEventName> = (detail: TiledeskEventMap[K]) => void;
