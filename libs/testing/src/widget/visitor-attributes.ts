import type { WidgetStorage } from './widget-storage';

/**
 * The version the emulated widget reports in its attributes (`widgetVer: 'v.<version>'`): the
 * build whose behaviour it reproduces.
 *
 * @example
 * ```ts
 * `v.${EMULATED_WIDGET_VERSION}`; // 'v.5.2.3'
 * ```
 */
export const EMULATED_WIDGET_VERSION = '5.2.3';

function storedAttributes(storage: WidgetStorage): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(storage.get('attributes') ?? 'null');
    if (parsed === null) return null;
    return typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {}; // a corrupt stored value starts over, as in the widget
  }
}

/**
 * Rebuilds the visitor's `attributes` as the widget does at boot and on every `online`: the
 * stored ones (else the live ones), plus where the visitor is (`client`, `sourcePage`,
 * `sourceTitle`), `projectId`, who they are once known (`userEmail`, `userFullname`,
 * `requester_id`), `widgetVer` and `payload` (the `customAttributes` setting, else `[]`). Stores
 * the result (JSON) and returns it.
 *
 * @example
 * ```ts
 * global['attributes'] = collectAttributes(window, storage, global);
 * ```
 */
export function collectAttributes(win: Window, storage: WidgetStorage, global: Record<string, unknown>): Record<string, unknown> {
  const live = global['attributes'];
  const attributes = storedAttributes(storage) ?? (typeof live === 'object' && live !== null ? (live as Record<string, unknown>) : {});
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') attributes[key] = value;
  };
  set('client', win.navigator.userAgent);
  attributes['sourcePage'] = win.location.href;
  attributes['sourceTitle'] = win.document.title;
  set('projectId', global['projectid']);
  set('userEmail', global['userEmail']);
  set('userFullname', global['userFullname']);
  set('requester_id', global['senderId']);
  attributes['widgetVer'] = `v.${EMULATED_WIDGET_VERSION}`;
  attributes['payload'] = global['customAttributes'] ? global['customAttributes'] : [];
  storage.set('attributes', JSON.stringify(attributes));
  return attributes;
}
