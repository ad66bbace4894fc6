import type { HostWindow } from './host-window';

/**
 * A finished HTTP exchange: status 0 means the request never got an answer.
 *
 * @example
 * ```ts
 * const { status, body }: ApiResponse = await post(window, url).response;
 * ```
 */
export interface ApiResponse {
  status: number;
  body: unknown;
}

/**
 * A request that can be abandoned (the chat long-poll).
 *
 * @example
 * ```ts
 * const poll: PendingRequest = post(window, pollUrl); poll.abort();
 * ```
 */
export interface PendingRequest {
  readonly response: Promise<ApiResponse>;
  abort(): void;
}

/** Per page: whether it is going away, and the requests still in flight (to abort them then). */
interface PageNetwork {
  gone: boolean;
  readonly pending: Set<XMLHttpRequest>;
}

const pages = new WeakMap<Pick<HostWindow, 'XMLHttpRequest'>, PageNetwork>();

function pageNetwork(win: Pick<HostWindow, 'XMLHttpRequest'>): PageNetwork {
  let network = pages.get(win);
  if (!network) {
    const created: PageNetwork = { gone: false, pending: new Set() };
    network = created;
    pages.set(win, created);
    // A page being left keeps no network work: like the real widget's chat socket, the long-poll
    // ends with the page, and nothing is sent afterwards. (`pagehide` also covers the bfcache.)
    const leave = () => {
      created.gone = true;
      for (const xhr of created.pending) xhr.abort();
      created.pending.clear();
    };
    const target = win as Partial<Pick<Window, 'addEventListener'>>;
    target.addEventListener?.('pagehide', leave);
    target.addEventListener?.('unload', leave);
  }
  return network;
}

/**
 * True once the page was hidden, unloaded or closed: the widget then starts no request and no
 * reconnect.
 *
 * @example
 * ```ts
 * if (pageGone(window)) return; // do not reconnect
 * ```
 */
export function pageGone(win: Pick<HostWindow, 'XMLHttpRequest'>): boolean {
  // A closed jsdom window (Jest's teardown between spec files) fires no `unload`, it just loses
  // its document; `new XMLHttpRequest()` then throws.
  return pageNetwork(win).gone || !(win as Partial<Pick<Window, 'document'>>).document;
}

/**
 * POSTs to the emulated API with XMLHttpRequest (jsdom has no fetch). The `Authorization` header
 * is sent verbatim, as the real widget does. Never throws: on a page that is gone the request is
 * not sent and answers status 0.
 *
 * @example
 * ```ts
 * const { status, body } = await post(window, `${apiUrl}auth/signinWithCustomToken`, { authorization: token }).response;
 * ```
 */
export function post(
  win: Pick<HostWindow, 'XMLHttpRequest'>,
  url: string,
  options: { authorization?: string; body?: unknown } = {},
): PendingRequest {
  return send(win, 'POST', url, options);
}

/**
 * GETs a file the widget reads at boot (its `widget-config.json`), with the same guarantees as
 * {@link post}: never throws, status 0 when unanswered.
 *
 * @example
 * ```ts
 * const { status, body } = await get(window, `${scriptBase}/widget-config.json`).response;
 * ```
 */
export function get(win: Pick<HostWindow, 'XMLHttpRequest'>, url: string): PendingRequest {
  return send(win, 'GET', url, {});
}

function send(
  win: Pick<HostWindow, 'XMLHttpRequest'>,
  method: 'GET' | 'POST',
  url: string,
  options: { authorization?: string; body?: unknown },
): PendingRequest {
  let xhr: XMLHttpRequest | undefined;
  const response = new Promise<ApiResponse>((resolve) => {
    const unanswered = () => resolve({ status: 0, body: undefined });
    if (pageGone(win)) return unanswered();
    const network = pageNetwork(win);
    try {
      const request = new win.XMLHttpRequest();
      xhr = request;
      request.open(method, url);
      if (options.authorization !== undefined) request.setRequestHeader('Authorization', options.authorization);
      if (options.body !== undefined) request.setRequestHeader('Content-Type', 'application/json');
      request.onload = () => {
        network.pending.delete(request);
        let body: unknown = request.responseText;
        try {
          body = JSON.parse(request.responseText);
        } catch {
          // plain-text answers (Tiledesk's bare `Unauthorized`) stay text
        }
        resolve({ status: request.status, body });
      };
      request.onerror = request.onabort = () => {
        network.pending.delete(request);
        unanswered();
      };
      network.pending.add(request);
      request.send(options.body === undefined ? null : JSON.stringify(options.body));
    } catch {
      // The window closed between the check and the call (jsdom throws InvalidStateError then).
      if (xhr) network.pending.delete(xhr);
      unanswered();
    }
  });
  return { response, abort: () => xhr?.abort() };
}
