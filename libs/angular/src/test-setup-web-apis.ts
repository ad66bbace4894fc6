import { webcrypto } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';

// The emulator specs mint tokens with jose, which needs Web APIs this jsdom lacks. Node's stand in;
// the code under test never uses them.
if (typeof globalThis.structuredClone !== 'function') {
  Object.assign(globalThis, { structuredClone: <T>(value: T): T => deserialize(serialize(value)) as T });
}
if (!globalThis.crypto?.subtle) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
}
