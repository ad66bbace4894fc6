import { describeValue, quoteForLog } from './safe-text.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';

/**
 * What the origin check reads from a request. `header` returns the value of a header (names in
 * lower case), `tls` whether the connection reaching this process is encrypted (Node: a TLS
 * socket; Fetch: an `https:` request URL).
 *
 * @example
 * ```ts
 * const facts: OriginFacts = { header: (name) => request.headers.get(name), tls: request.url.startsWith('https:') };
 * ```
 */
export interface OriginFacts {
  header(name: string): string | null | undefined;
  tls: boolean;
}

/**
 * Checks `allowedOrigins` and returns each entry as a serialized origin (`scheme://host[:port]`,
 * lower case, no default port). An entry with a path, a query, credentials, a scheme other than
 * http(s), or `null` is a configuration mistake and throws; the message never shows `secret`.
 *
 * @example
 * ```ts
 * parseAllowedOrigins(['https://App.example.com:443/']); // Set { 'https://app.example.com' }
 * ```
 */
export function parseAllowedOrigins(entries: unknown, secret?: unknown, field = 'allowedOrigins'): ReadonlySet<string> {
  const fail = (why: string) => new TiledeskTokenError('invalid-handler-options', field, `${field} ${why}`);
  if (entries === undefined) return new Set();
  let list: unknown[];
  try {
    // A copy, read once: a Proxy or a getter cannot change the list after it was checked.
    list = Array.isArray(entries) ? Array.from(entries as unknown[]) : [];
  } catch {
    throw fail('could not be read.');
  }
  if (!Array.isArray(entries)) throw fail(`must be an array of origins like "https://app.example.com" (got a ${typeof entries}).`);
  const origins = new Set<string>();
  for (const entry of list) {
    const shown = describeValue(entry, secret);
    let url: URL;
    try {
      if (typeof entry !== 'string') throw new TypeError('not a string');
      url = new URL(entry);
    } catch {
      throw fail(`has an entry that is not a URL: ${shown}.`);
    }
    const bare = (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '';
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '' || !bare) {
      throw fail(`has an entry that is not an origin (scheme://host[:port], http or https, nothing after it): ${shown}.`);
    }
    origins.add(url.origin);
  }
  return origins;
}

/**
 * Why this request must be refused as cross-site, or `null`. The WHOLE origin is compared:
 * scheme, host and port.
 *
 * - `Origin` present: it must be a serialized http(s) origin (`null`, a path, anything else is
 *   refused) and either be listed in `allowedOrigins`, or name this endpoint: the `Host` the
 *   request came with, and a scheme this endpoint may be reached by. An `https:` origin always
 *   qualifies (a TLS-terminating proxy in front may not say so); an `http:` origin only while
 *   nothing says the endpoint is served over https (a TLS connection, `X-Forwarded-Proto: https`
 *   or `Forwarded: proto=https`), so a page on `http://` cannot fetch the token of an
 *   `https://` site.
 * - `Sec-Fetch-Site` other than `same-origin`/`none`, for an origin not in `allowedOrigins`
 *   (also when `Origin` is missing).
 * - a content type other than `application/json`: simple cross-site form posts cannot set it,
 *   and a cross-origin fetch that sets it needs a CORS preflight, which fails (no CORS headers).
 *
 * @example
 * ```ts
 * const reason = crossSiteReason({ header: (n) => headers[n], tls: false }, new Set());
 * if (reason) return refuse(403, 'cross-site-request', reason);
 * ```
 */
export function crossSiteReason(facts: OriginFacts, allowedOrigins: ReadonlySet<string>): string | null {
  const origin = facts.header('origin');
  let originAllowed = false;
  if (origin !== null && origin !== undefined) {
    if (origin === 'null') {
      return 'the Origin is "null" (a sandboxed frame, a file: page or a redirect from another site).';
    }
    const serialized = serializedOrigin(origin);
    if (serialized === null) return `the Origin header is not an http(s) origin (${quoteForLog(origin, 100)}).`;
    originAllowed = allowedOrigins.has(serialized);
    if (!originAllowed && !isOwnOrigin(serialized, facts)) {
      return `the request comes from another origin (${quoteForLog(serialized, 100)}; this endpoint is ` + `${describeOwnOrigin(facts)}).`;
    }
  }
  const fetchSite = facts.header('sec-fetch-site');
  if (!originAllowed && fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return `the browser marks the request as ${quoteForLog(fetchSite, 40)} (Sec-Fetch-Site).`;
  }
  const contentType = facts.header('content-type');
  // The exact header browsers send for a JSON fetch needs no parsing.
  const mediaType = contentType === 'application/json' ? contentType : contentType?.split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return 'the request must have Content-Type: application/json (simple cross-site form posts cannot set it).';
  }
  return null;
}

/** `text` when it is exactly how a browser writes an http(s) origin, else `null`. */
function serializedOrigin(text: string): string | null {
  if (!/^https?:\/\/[^/?#@\s]+$/i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.origin === text.toLowerCase() || url.origin === text ? url.origin : null;
  } catch {
    return null;
  }
}

function isOwnOrigin(origin: string, facts: OriginFacts): boolean {
  const host = ownHost(facts);
  if (host === null) return false;
  if (origin === originOf('https', host)) return true;
  return !servedOverHttps(facts) && origin === originOf('http', host);
}

function describeOwnOrigin(facts: OriginFacts): string {
  const host = ownHost(facts);
  if (host === null) return 'unknown: the request has no Host header';
  return servedOverHttps(facts) ? quoteForLog(originOf('https', host) ?? host, 100) : quoteForLog(`http(s)://${host}`, 100);
}

/** The `Host` header (HTTP/2: `:authority`), when it is a plain `host[:port]`. */
function ownHost(facts: OriginFacts): string | null {
  const host = facts.header('host') ?? facts.header(':authority');
  if (!host || !/^[^/?#@\\\s]+$/.test(host)) return null;
  return host;
}

function originOf(scheme: 'http' | 'https', host: string): string | null {
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

function servedOverHttps(facts: OriginFacts): boolean {
  if (facts.tls) return true;
  // The first entry is what the client-facing proxy saw.
  const forwardedProto = facts.header('x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
  if (forwardedProto === 'https') return true;
  const forwarded = facts.header('forwarded')?.split(',')[0];
  return forwarded !== undefined && /(?:^|;)\s*proto="?https"?\s*(?:;|$)/i.test(forwarded);
}
