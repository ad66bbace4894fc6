interface NodeBufferLike {
  from(input: string | Uint8Array, encoding?: string): { toString(encoding: string): string };
}

// Buffer is Node's (and Bun's, Deno's compat layer's); Web-standard runtimes fall back to btoa.
const NodeBuffer = (globalThis as { Buffer?: NodeBufferLike }).Buffer;

/**
 * Encodes UTF-8 text as unpadded base64url, the JWT segment encoding.
 *
 * @example
 * ```ts
 * base64UrlFromText('{"alg":"HS256"}'); // 'eyJhbGciOiJIUzI1NiJ9'
 * ```
 */
export function base64UrlFromText(text: string): string {
  if (NodeBuffer) return NodeBuffer.from(text, 'utf8').toString('base64url');
  return base64UrlFromBytes(new TextEncoder().encode(text));
}

/**
 * Encodes bytes as unpadded base64url.
 *
 * @example
 * ```ts
 * base64UrlFromBytes(new Uint8Array([251, 255])); // '-_8'
 * ```
 */
export function base64UrlFromBytes(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes).toString('base64url');
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
