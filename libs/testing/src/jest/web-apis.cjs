/**
 * Jest setup file (in the `setupFiles` of `@tiledesk-auth/testing/jest`): lends jsdom the Web APIs
 * it lacks and that code around the widget uses in a browser: `TextEncoder`/`TextDecoder` (JWT
 * payloads, jose), `structuredClone`, and `crypto.subtle` (jose signs test tokens with it). Node's
 * own implementations stand in; what jsdom already has is left alone, so it is harmless under
 * `@jest-environment node` too.
 *
 * @example
 * // jest.config.cjs of a project that has setup files of its own: keep this one first.
 * const widgetPage = require('@tiledesk-auth/testing/jest');
 * module.exports = { ...widgetPage, setupFiles: [...widgetPage.setupFiles, '<rootDir>/my-setup.ts'] };
 */
const { webcrypto } = require('node:crypto');
const { TextDecoder, TextEncoder } = require('node:util');
const { deserialize, serialize } = require('node:v8');

// Node's encoder returns Uint8Arrays of Node's realm, which fail `instanceof Uint8Array` in the
// test's realm (jose checks keys that way): hand out copies made in this realm.
class RealmTextEncoder extends TextEncoder {
  encode(input) {
    return Uint8Array.from(super.encode(input));
  }
}

globalThis.TextEncoder ??= RealmTextEncoder;
globalThis.TextDecoder ??= TextDecoder;
globalThis.structuredClone ??= (value) => deserialize(serialize(value));
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
