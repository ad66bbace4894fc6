import type { Page, Request, Response } from 'playwright-core';
import { realWidgetNoise, type KnownNoise, type RealWidgetAddresses } from './widget-noise';

/**
 * One network request the page made, with wall-clock times from the browser.
 *
 * @example
 * ```ts
 * const overlap = a.startedAt < (b.endedAt ?? Infinity) && b.startedAt < (a.endedAt ?? Infinity);
 * ```
 */
export interface ObservedRequest {
  readonly method: string;
  readonly url: string;
  /** Epoch ms when the browser started the request. */
  readonly startedAt: number;
  /** Epoch ms when the response headers arrived; `undefined` until then. */
  respondedAt: number | undefined;
  /** Epoch ms when the last byte of the response arrived; `undefined` while pending or if it failed. */
  endedAt: number | undefined;
  status: number | undefined;
  /** The browser's reason (e.g. `net::ERR_ABORTED`) if the request failed; `undefined` otherwise. */
  failure: string | undefined;
}

/**
 * A `console.error` (or a browser-generated error line) seen on the page.
 *
 * @example
 * ```ts
 * const line: ConsoleError = { text: 'Failed to load resource: ...', url: 'http://127.0.0.1:1234/x' };
 * ```
 */
export interface ConsoleError {
  readonly text: string;
  /** The script or resource the message points at (for "Failed to load resource": the resource). */
  readonly url: string;
}

/**
 * What a page did during a scenario: requests, page errors, console errors and every response body.
 * Scenario 10 ("no page errors or console errors; the shared secret never reaches the
 * browser") is checked through {@link PageWatch.assertClean} at the end of EVERY scenario.
 *
 * @example
 * ```ts
 * const watch = watchPage(page);
 * await page.goto(url);
 * await watch.assertClean(['the-shared-secret']);
 * ```
 */
export interface PageWatch {
  readonly page: Page;
  readonly requests: readonly ObservedRequest[];
  readonly pageErrors: readonly string[];
  readonly consoleErrors: readonly ConsoleError[];
  /**
   * Declares that this scenario makes requests matching `url` fail on purpose. Chromium itself
   * prints "Failed to load resource" for them; those lines (and only those) are then not errors.
   */
  expectFailedResource(url: RegExp): void;
  /**
   * Declares that the page loads the real Tiledesk widget from `addresses`: the console lines that
   * widget is known to print on every load (see {@link realWidgetNoise}) are then not errors.
   * Anything else, the same text from another script included, still is.
   */
  tolerateRealWidgetNoise(addresses: RealWidgetAddresses): void;
  /** Requests whose URL matches `url` (and method, if given), in the order they started. */
  requestsTo(url: RegExp, method?: string): ObservedRequest[];
  /** Fails if a page error, an unexpected console error, or a secret in any response was seen. */
  assertClean(secrets: readonly string[]): Promise<void>;
}

interface CapturedBody {
  readonly url: string;
  readonly text: Promise<string | undefined>;
}

/**
 * Starts recording what `page` does. Attach it before the first navigation.
 *
 * @example
 * ```ts
 * const watch = watchPage(await context.newPage());
 * ```
 */
export function watchPage(page: Page): PageWatch {
  const requests: ObservedRequest[] = [];
  const byRequest = new Map<Request, ObservedRequest>();
  const pageErrors: string[] = [];
  const consoleErrors: ConsoleError[] = [];
  const expectedFailures: RegExp[] = [];
  const knownNoise: KnownNoise[] = [];
  const bodies: CapturedBody[] = [];

  page.on('request', (request) => {
    const observed: ObservedRequest = {
      method: request.method(),
      url: request.url(),
      startedAt: Date.now(),
      respondedAt: undefined,
      endedAt: undefined,
      status: undefined,
      failure: undefined,
    };
    requests.push(observed);
    byRequest.set(request, observed);
  });
  page.on('requestfinished', (request) => {
    const observed = byRequest.get(request);
    if (!observed) return;
    const timing = request.timing();
    // Prefer the browser's own clock; fall back to arrival time in Node when it has none.
    if (timing.startTime > 0) (observed as { startedAt: number }).startedAt = timing.startTime;
    observed.endedAt = timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : Date.now();
  });
  page.on('requestfailed', (request) => {
    const observed = byRequest.get(request);
    if (observed) observed.failure = request.failure()?.errorText ?? 'failed';
  });
  page.on('response', (response: Response) => {
    const observed = byRequest.get(response.request());
    if (observed) {
      observed.status = response.status();
      const timing = response.request().timing();
      // The browser's clock, as in requestfinished: a request aborted later never gets there.
      if (timing.startTime > 0) (observed as { startedAt: number }).startedAt = timing.startTime;
      observed.respondedAt = timing.responseStart >= 0 ? timing.startTime + timing.responseStart : Date.now();
    }
    bodies.push({ url: response.url(), text: readBody(response) });
  });
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    consoleErrors.push({ text: message.text(), url: message.location().url });
  });

  return {
    page,
    requests,
    pageErrors,
    consoleErrors,
    expectFailedResource(url) {
      expectedFailures.push(url);
    },
    tolerateRealWidgetNoise(addresses) {
      knownNoise.push(...realWidgetNoise(addresses));
    },
    requestsTo(url, method) {
      return requests.filter((r) => url.test(r.url) && (method === undefined || r.method === method));
    },
    async assertClean(secrets) {
      const problems: string[] = [];
      for (const error of pageErrors) problems.push(`page error: ${error}`);
      for (const line of consoleErrors) {
        const isExpected =
          (line.text.startsWith('Failed to load resource') && expectedFailures.some((re) => re.test(line.url))) ||
          knownNoise.some((noise) => noise.matches(line));
        if (!isExpected) problems.push(`console error: ${line.text} (${line.url || 'no location'})`);
      }
      const liveSecrets = secrets.filter((s) => s.length > 0);
      for (const body of bodies) {
        const text = await body.text;
        if (text === undefined) continue;
        if (liveSecrets.some((secret) => text.includes(secret))) {
          problems.push(`the shared secret appears in the response of ${body.url}`);
        }
      }
      if (problems.length > 0) {
        throw new Error(`The page was not clean:\n  ${problems.join('\n  ')}`);
      }
    },
  };
}

async function readBody(response: Response): Promise<string | undefined> {
  const headers = JSON.stringify(await response.allHeaders().catch(() => ({})));
  try {
    return `${headers}\n${(await response.body()).toString('latin1')}`;
  } catch {
    // No body to read for redirects, for pages that navigated away, and for responses still
    // streaming when the context closed (the chat long-poll); their headers are still checked.
    return headers;
  }
}
