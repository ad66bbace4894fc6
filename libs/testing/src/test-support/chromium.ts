import { chromium, type Browser } from 'playwright-core';

/**
 * Starts Debian's Chromium (or the one `E2E_CHROMIUM` names) headless and offline, for the specs
 * that load the widget in a real browser: no sandbox (CI runs as root), no GPU, and no background
 * traffic that would try to leave the machine.
 *
 * @example
 * ```ts
 * const browser = await launchTestChromium();
 * const context = await browser.newContext();
 * ```
 */
export function launchTestChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['E2E_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
