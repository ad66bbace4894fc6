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
 * What {@link RECORD_SIGNED_IN} logs (`console.debug`), followed by the time, at signed-in.
 * @example
 * page.waitForEvent('console', { predicate: (m) => m.text().startsWith(SIGNED_IN_SIGNAL) });
 */
export const SIGNED_IN_SIGNAL = 'tiledesk-bench:signed-in';

/**
 * An init script that records `performance.now()` (ms since navigation start) the first time
 * `[data-testid=status]` reads `signed-in`, into `window.__benchSignedInAt`, and logs
 * `SIGNED_IN_SIGNAL <ms>` on the console: waiting for that message evaluates nothing in the page,
 * where polling would run the driver's scripts on the page's main thread while it signs in.
 * @example
 * await context.addInitScript(RECORD_SIGNED_IN);
 */
export const RECORD_SIGNED_IN = `(() => {
  const check = () => {
    const el = document.querySelector('[data-testid=status]');
    if (el && el.textContent.trim() === 'signed-in' && window.__benchSignedInAt === undefined) {
      window.__benchSignedInAt = performance.now();
      observer.disconnect();
      console.debug('${SIGNED_IN_SIGNAL} ' + window.__benchSignedInAt);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})();`;
