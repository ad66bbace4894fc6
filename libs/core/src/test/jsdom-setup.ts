// jsdom lacks TextEncoder, structuredClone and WebCrypto's subtle, which jose needs to mint test tokens.
// Node's encoder returns Uint8Arrays of Node's realm, which fail jose's `instanceof Uint8Array` in the
// jsdom realm: copy them into this realm's Uint8Array.
import { TextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { webcrypto } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';

class RealmTextEncoder extends NodeTextEncoder {
  override encode(input?: string): Uint8Array<ArrayBuffer> {
    return Uint8Array.from(super.encode(input));
  }
}

const g = globalThis as Record<string, unknown>;
g['TextEncoder'] ??= RealmTextEncoder;
g['TextDecoder'] ??= TextDecoder;
g['structuredClone'] ??= (value: unknown) => deserialize(serialize(value));
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
