/**
 * A JSON answer that no cache keeps (every API answer of the sample is per visitor or per run).
 *
 * @example
 * ```ts
 * return jsonNoStore({ user: null });
 * return jsonNoStore({ error: 'unknown-user', message: '…' }, 400);
 * ```
 */
export function jsonNoStore(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
}

/** Largest JSON body the sample's own routes read. */
const MAX_BODY_BYTES = 4096;

/**
 * The request's JSON object body, or `undefined` when it is not `application/json`, too large, not
 * JSON or not an object: the routes then answer 400. A cross-site form cannot send JSON.
 *
 * @example
 * ```ts
 * const body = await readJsonObject(request);
 * if (body === undefined) return jsonNoStore({ error: 'bad-request' }, 400);
 * ```
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return undefined;
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return undefined;
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
