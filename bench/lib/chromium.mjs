/**
 * Launches Debian's Chromium through playwright-core with the flags this workplace needs.
 *
 * @example
 * const browser = await launchChromium();
 * await browser.close();
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './machine.mjs';

/** Keep Chromium off the network and quiet: only loopback pages are loaded. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * @returns {Promise<import('playwright-core').Browser>}
 * @example
 * const browser = await launchChromium();
 */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * An init script that records `performance.now()` (ms since navigation start) the first time
 * `[data-testid=status]` reads `signed-in`, into `window.__benchSignedInAt`.
 * @example
 * await context.addInitScript(RECORD_SIGNED_IN);
 */
export const RECORD_SIGNED_IN = `(() => {
  const check = () => {
    const el = document.querySelector('[data-testid=status]');
    if (el && el.textContent.trim() === 'signed-in' && window.__benchSignedInAt === undefined) {
      window.__benchSignedInAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})();`;
