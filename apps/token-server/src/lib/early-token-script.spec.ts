import { EARLY_TOKEN_SCRIPT } from '@samples/kit';
import { EARLY_TOKEN_SCRIPT_HASH, earlyTokenScript } from './early-token-script';
import { cspHash } from './inline-script-hashes';

// What the script does in a page is the kit's spec (libs/samples/src/lib/early-token.spec.ts);
// here: how the token server puts it in a page under its Content-Security-Policy.
describe('the early token request script', () => {
  it('is one constant inline script whose hash is the CSP source', () => {
    expect(earlyTokenScript()).toBe(`<script>${EARLY_TOKEN_SCRIPT}</script>`);
    expect(EARLY_TOKEN_SCRIPT_HASH).toBe(cspHash(EARLY_TOKEN_SCRIPT));
    expect(EARLY_TOKEN_SCRIPT).not.toMatch(/<\/script/i);
  });
});
