import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { PAGE_STYLE } from './html-page';
import { cspHash, type InlineScriptHashes } from './inline-script-hashes';

/**
 * Where the widget's code and traffic come from, for the sample pages' Content-Security-Policy.
 *
 * @example
 * ```ts
 * const sources: WidgetSources = { widgetOrigins: ['https://widget.tiledesk.com'], serviceOrigins: [], realWidget: true };
 * ```
 */
export interface WidgetSources {
  /** Origins of the widget's files: `launch.js`, what its iframe loads, `widget-config.json`. */
  widgetOrigins: readonly string[];
  /** Origins the widget calls besides its own files: its API (`apiUrl`) and chat transport. */
  serviceOrigins: readonly string[];
  /** Whether the page loads Tiledesk's real widget, whose build links {@link REAL_WIDGET_ASSETS}. */
  realWidget: boolean;
}

/**
 * The third-party fonts and images Tiledesk's production widget build links to (its iframe
 * inherits the page's CSP). Only style sheets, fonts and images: never scripts or connections.
 *
 * @example
 * ```ts
 * REAL_WIDGET_ASSETS.font; // ['https://fonts.gstatic.com']
 * ```
 */
export const REAL_WIDGET_ASSETS = Object.freeze({
  style: ['https://fonts.googleapis.com'],
  font: ['https://fonts.gstatic.com'],
  img: ['https://widget.tiledesk.com', 'https://support-pre.tiledesk.com'],
});

const HALF_A_YEAR_S = 180 * 24 * 60 * 60;

/**
 * helmet with this server's choices, for every response: `nosniff`, `X-Frame-Options: DENY`,
 * `Referrer-Policy: strict-origin-when-cross-origin` (other origins see ours, never a path),
 * HSTS over https (no `includeSubDomains`: a demo must not pin a whole domain), and a CSP that
 * lets a response run and load nothing but the inline style of the server's own small pages.
 * The sample pages replace that CSP with {@link samplePagePolicy}'s.
 *
 * @example
 * ```ts
 * app.use(securityHeaders());
 * ```
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'none'"],
        'style-src': [cspHash(PAGE_STYLE)],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
        'frame-ancestors': ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: { maxAge: HALF_A_YEAR_S, includeSubDomains: false },
  }) as RequestHandler;
}

/**
 * The CSP of a sample page, as middleware, for the inline code its build has: scripts from this
 * origin and the widget's origins only (plus the build's own inline scripts and handlers, by
 * hash), the widget's iframe, `fetch`/XHR/WebSocket to this origin, the widget's origins and its
 * services, no plugins, no framing by other sites. Styles allow `'unsafe-inline'`: the Angular
 * runtime and the widget add `<style>` elements and `style` attributes at run time, and the
 * widget's iframe (written with `document.write`) inherits this page's policy, which is also why
 * the widget's origins are allowed for images, fonts, media and `<base>`.
 *
 * @example
 * ```ts
 * const policyFor = samplePagePolicy(sources);
 * policyFor(inlineScriptHashes(html))(req, res, () => res.send(html));
 * ```
 */
export function samplePagePolicy(sources: WidgetSources): (inline: InlineScriptHashes) => RequestHandler {
  const widget = [...sources.widgetOrigins];
  const assets = sources.realWidget ? REAL_WIDGET_ASSETS : { style: [], font: [], img: [] };
  const reachable = withWebSocketForms([...widget, ...sources.serviceOrigins]);
  const cache = new Map<string, RequestHandler>();
  return (inline) => {
    const key = [...inline.scripts, '|', ...inline.handlers].join(' ');
    let middleware = cache.get(key);
    if (!middleware) {
      const hashes = [...inline.scripts, ...inline.handlers, ...(inline.handlers.length > 0 ? ["'unsafe-hashes'"] : [])];
      middleware = helmet.contentSecurityPolicy({
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", ...widget, ...hashes],
          'style-src': ["'self'", "'unsafe-inline'", ...new Set([...widget, ...assets.style])],
          'img-src': ["'self'", 'data:', 'blob:', ...new Set([...widget, ...sources.serviceOrigins, ...assets.img])],
          'font-src': ["'self'", 'data:', ...new Set([...widget, ...assets.font])],
          'media-src': ["'self'", ...widget],
          'connect-src': ["'self'", ...reachable],
          'frame-src': widget.length > 0 ? widget : ["'none'"],
          'object-src': ["'none'"],
          // The real widget writes its iframe with a <base href> at its own origin, and that
          // iframe inherits this policy.
          'base-uri': ["'self'", ...widget],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
        },
      }) as RequestHandler;
      // One entry per distinct build of the samples: a handful over a server's life.
      if (cache.size > 32) cache.clear();
      cache.set(key, middleware);
    }
    return middleware;
  };
}

/**
 * `origins` plus the WebSocket form of each http(s) one: a CSP source `http://host` does not
 * cover `ws://host`, and the widget's chat transport is a WebSocket.
 *
 * @example
 * ```ts
 * withWebSocketForms(['https://api.example.com']); // ['https://api.example.com', 'wss://api.example.com']
 * ```
 */
export function withWebSocketForms(origins: readonly string[]): string[] {
  const all = new Set<string>();
  for (const origin of origins) {
    all.add(origin);
    if (origin.startsWith('http')) all.add(origin.replace(/^http/, 'ws'));
  }
  return [...all];
}
