/**
 * Every event the emulated widget fires on `window.tiledesk.tiledeskroot` (and so on `document`,
 * where listeners added with `Tiledesk('onX', fn)` hear them): the events current Tiledesk widget
 * builds fire. `onLoggedIn` and `onLoggedOut` are not among them: their triggers exist in the
 * widget's source but nothing calls them. Plain data, so the widget bundle and the Node entry
 * points share it; the widget's `emit()` accepts only these names.
 *
 * @example
 * ```ts
 * for (const name of EMULATED_WIDGET_EVENTS) document.addEventListener(name, record, true);
 * ```
 */
export const EMULATED_WIDGET_EVENTS = [
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
] as const;

/**
 * The name of an event the emulated widget fires.
 *
 * @example
 * ```ts
 * const name: EmulatedWidgetEvent = 'onClosedEyeCatcher';
 * ```
 */
export type EmulatedWidgetEvent = (typeof EMULATED_WIDGET_EVENTS)[number];
