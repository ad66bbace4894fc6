import type { HostWindow, TiledeskStub } from './host-window';

type Listener = (event: Event) => void;

/**
 * What the drains need from the widget instance.
 *
 * @example
 * ```ts
 * drainBeforeInit(window, { on, setParameter, api });
 * ```
 */
export interface DrainTarget {
  on(name: string, listener: Listener): void;
  setParameter(arg: unknown): void;
  api: Record<string, unknown>;
}

function entries(stub: TiledeskStub | undefined): unknown[][] {
  const queue = stub?.q;
  return Array.isArray(queue) ? queue.map((entry) => Array.from(entry)) : [];
}

/**
 * Drain 1, at `onLoadParams`: queued `('onLoadParams', fn)` are registered and called once with
 * the event; queued `('setParameter', {key, value})` are applied.
 *
 * @example
 * ```ts
 * drainLoadParams(window, widget, event);
 * ```
 */
export function drainLoadParams(win: HostWindow, target: DrainTarget, event: Event): void {
  for (const [name, arg] of entries(win.Tiledesk)) {
    if (name === 'onLoadParams' && typeof arg === 'function') {
      target.on(name, arg as Listener);
      (arg as Listener)(event);
    } else if (name === 'setParameter') {
      target.setParameter(arg);
    }
  }
}

/**
 * Drain 2, at `onBeforeInit`: `on*` entries with a function become listeners (a queued
 * `onBeforeInit` one is also called once with the event, since it missed it); every other entry
 * runs as `tiledesk[name](arg)` with ONE argument and its result is dropped. The first entry that
 * throws (an unknown name, say) aborts the rest and `window.Tiledesk` is NOT replaced; otherwise
 * it becomes the forwarder.
 *
 * @example
 * ```ts
 * drainBeforeInit(window, widget, event);
 * ```
 */
export function drainBeforeInit(win: HostWindow, target: DrainTarget, event: Event): void {
  for (const [name, arg] of entries(win.Tiledesk)) {
    if (name === 'onLoadParams' || name === 'setParameter') continue; // drain 1 took them
    if (typeof name === 'string' && name.startsWith('on') && typeof arg === 'function') {
      target.on(name, arg as Listener);
      if (name === 'onBeforeInit') (arg as Listener)(event);
      continue;
    }
    const method = target.api[String(name)];
    if (typeof method !== 'function') throw new TypeError(`window.tiledesk.${String(name)} is not a function`);
    method.call(target.api, arg);
  }
  win.Tiledesk = forwarder(target.api);
}

/**
 * `window.Tiledesk` after boot: calls `tiledesk[name](arg)` and returns its result, or returns the
 * property when it is not a function. So a late `Tiledesk('onX', fn)` registers nothing.
 *
 * @example
 * ```ts
 * window.Tiledesk = forwarder(api);
 * ```
 */
export function forwarder(api: Record<string, unknown>): TiledeskStub {
  return function Tiledesk(name: unknown, arg?: unknown): unknown {
    const value = api[String(name)];
    return typeof value === 'function' ? value.call(api, arg) : value;
  };
}

/**
 * The stub a page is told to define; the launcher defines it too when the page did not, so calls
 * made before boot are queued either way.
 *
 * @example
 * ```ts
 * window.Tiledesk ??= createStub();
 * ```
 */
export function createStub(): TiledeskStub {
  const stub: TiledeskStub = function Tiledesk(...args: unknown[]): void {
    (stub.q ??= []).push(args);
  };
  stub.q = [];
  return stub;
}
