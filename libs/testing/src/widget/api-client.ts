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

/**
 * POSTs to the emulated API with XMLHttpRequest (jsdom has no fetch). The `Authorization` header
 * is sent verbatim, as the real widget does.
 *
 * @example
 * ```ts
 * const { status, body } = await post(window, `${apiUrl}auth/signinWithCustomToken`, { authorization: token }).response;
 * ```
 */
export function post(win: Pick<HostWindow, 'XMLHttpRequest'>, url: string, options: { authorization?: string; body?: unknown } = {}): PendingRequest {
  const xhr = new win.XMLHttpRequest();
  const response = new Promise<ApiResponse>((resolve) => {
    xhr.open('POST', url);
    if (options.authorization !== undefined) xhr.setRequestHeader('Authorization', options.authorization);
    if (options.body !== undefined) xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // plain-text answers (Tiledesk's bare `Unauthorized`) stay text
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: undefined });
    xhr.onabort = () => resolve({ status: 0, body: undefined });
    xhr.send(options.body === undefined ? null : JSON.stringify(options.body));
  });
  return { response, abort: () => xhr.abort() };
}
