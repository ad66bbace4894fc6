import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, never a downloaded browser build: CI reaches only the npm registry and Debian.
 * Override with `E2E_CHROMIUM` when Chromium lives elsewhere.
 *
 * @example
 * ```ts
 * const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
 * ```
 */
export const CHROMIUM_PATH = process.env['E2E_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Flags that keep a headless run quiet and offline: no sandbox (CI runs as root), no GPU, and no
 * background traffic that would try to leave the machine.
 *
 * @example
 * ```ts
 * spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, url]);
 * ```
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts the one browser a spec file shares; each test then opens its own context.
 *
 * @example
 * ```ts
 * const browser = await launchBrowser();
 * const context = await browser.newContext();
 * ```
 */
export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  } catch (cause) {
    throw new Error(`Could not start Chromium at ${CHROMIUM_PATH} (install it with "apt-get install chromium" or set E2E_CHROMIUM)`, {
      cause,
    });
  }
}
