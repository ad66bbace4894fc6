import { createHmac } from 'node:crypto';
import { SECRET } from '../test-support/fixtures.js';
import { base64UrlFromBytes, base64UrlFromText } from './base64url.js';
import { hmacBackend, signHs256, signHs256Sync, signHs256WithWebCrypto } from './hmac-sha256.js';

const data = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJfaWQiOiJ4In0';
const expected = createHmac('sha256', SECRET).update(data).digest('base64url');

describe('HMAC-SHA256 signing', () => {
  it('uses node:crypto on Node', () => {
    expect(hmacBackend()).toBe('node:crypto');
  });

  it('sync, async and Web Crypto paths agree with a raw node:crypto HMAC', async () => {
    expect(signHs256Sync(data, SECRET)).toBe(expected);
    await expect(signHs256(data, SECRET)).resolves.toBe(expected);
    await expect(signHs256WithWebCrypto(data, SECRET)).resolves.toBe(expected);
  });

  it('keeps signing right when keys for many secrets are cached and evicted', async () => {
    for (let i = 0; i < 40; i++) {
      const secret = `${SECRET}-${i}`;
      const want = createHmac('sha256', secret).update(data).digest('base64url');
      expect(signHs256Sync(data, secret)).toBe(want);
      await expect(signHs256WithWebCrypto(data, secret)).resolves.toBe(want);
    }
    expect(signHs256Sync(data, SECRET)).toBe(expected);
  });

  it('uses the secret text as UTF-8 bytes, not hex-decoded', () => {
    const hexLooking = 'deadbeefdeadbeefdeadbeefdeadbeef';
    expect(signHs256Sync(data, hexLooking)).toBe(createHmac('sha256', Buffer.from(hexLooking, 'utf8')).update(data).digest('base64url'));
  });
});

describe('base64url', () => {
  it('encodes text and bytes without padding, with - and _', () => {
    expect(base64UrlFromText('{"alg":"HS256"}')).toBe('eyJhbGciOiJIUzI1NiJ9');
    expect(base64UrlFromBytes(new Uint8Array([251, 255]))).toBe('-_8');
    expect(base64UrlFromText('é')).toBe('w6k');
  });
});
