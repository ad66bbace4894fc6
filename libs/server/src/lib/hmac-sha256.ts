import type * as NodeCrypto from 'node:crypto';
import { base64UrlFromBytes } from './base64url.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';

type KeyObject = NodeCrypto.KeyObject;
type NodeCryptoModule = Pick<typeof NodeCrypto, 'createHmac' | 'createSecretKey'>;

/** Keys are cached per secret; a server normally has one, a multi-tenant one a few. */
const MAX_CACHED_KEYS = 32;

/**
 * node:crypto without a static import, so bundlers for Workers/Deno/browsers see no Node module.
 * `process.getBuiltinModule` exists from Node 20.16 (and in Bun and Deno).
 */
function loadNodeCrypto(): NodeCryptoModule | undefined {
  const processLike = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const module = processLike?.getBuiltinModule?.('node:crypto') as NodeCryptoModule | undefined;
    return typeof module?.createHmac === 'function' ? module : undefined;
  } catch {
    return undefined;
  }
}

const nodeCrypto = loadNodeCrypto();
const nodeKeys = new Map<string, KeyObject>();
const webKeys = new Map<string, Promise<CryptoKey>>();

function remember<V>(cache: Map<string, V>, secret: string, value: V): V {
  if (cache.size >= MAX_CACHED_KEYS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(secret, value);
  return value;
}

/**
 * Which crypto `signHs256` uses on this runtime.
 *
 * @example
 * ```ts
 * hmacBackend(); // 'node:crypto' on Node, 'web-crypto' on Workers
 * ```
 */
export function hmacBackend(): 'node:crypto' | 'web-crypto' | 'none' {
  if (nodeCrypto) return 'node:crypto';
  return globalThis.crypto?.subtle ? 'web-crypto' : 'none';
}

/**
 * HMAC-SHA256 of `data` with the secret's UTF-8 bytes, as base64url, synchronously with
 * node:crypto. Throws `crypto-unavailable` where node:crypto is missing.
 *
 * @example
 * ```ts
 * const signature = signHs256Sync(`${header}.${payload}`, secret);
 * ```
 */
export function signHs256Sync(data: string, secret: string): string {
  if (!nodeCrypto) {
    throw new TiledeskTokenError(
      'crypto-unavailable',
      'runtime',
      'node:crypto is not available here; use the async mintTiledeskToken(), which falls back to Web Crypto.',
    );
  }
  const key = nodeKeys.get(secret) ?? remember(nodeKeys, secret, nodeCrypto.createSecretKey(secret, 'utf8'));
  return nodeCrypto.createHmac('sha256', key).update(data, 'utf8').digest('base64url');
}

/**
 * HMAC-SHA256 through Web Crypto (`crypto.subtle`), the key imported once per secret.
 *
 * @example
 * ```ts
 * const signature = await signHs256WithWebCrypto(data, secret);
 * ```
 */
export async function signHs256WithWebCrypto(data: string, secret: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new TiledeskTokenError('crypto-unavailable', 'runtime', 'Neither node:crypto nor Web Crypto is available.');
  }
  let key = webKeys.get(secret);
  if (!key) {
    const imported = subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    // A failed import must not poison the cache for the next call.
    imported.catch(() => webKeys.delete(secret));
    key = remember(webKeys, secret, imported);
  }
  const signature = await subtle.sign('HMAC', await key, new TextEncoder().encode(data));
  return base64UrlFromBytes(new Uint8Array(signature));
}

/**
 * HMAC-SHA256 as base64url with the fastest crypto this runtime has.
 *
 * @example
 * ```ts
 * const signature = await signHs256(`${header}.${payload}`, secret);
 * ```
 */
export function signHs256(data: string, secret: string): Promise<string> {
  if (nodeCrypto) {
    try {
      return Promise.resolve(signHs256Sync(data, secret));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return signHs256WithWebCrypto(data, secret);
}
