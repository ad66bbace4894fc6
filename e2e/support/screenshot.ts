import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { SampleApp } from './stack';

const SCREENSHOT_DIR = resolve(__dirname, '../../docs/screenshots');

/**
 * Saves the page as `docs/screenshots/<app>.png`, the pictures the README shows. Taken by the e2e
 * run (with `E2E_SCREENSHOTS=1`) so they show what the current code really renders. Opt-in because
 * the project id in the picture is random: every run would change the committed files.
 * Returns the file written, or `undefined` when skipped.
 *
 * @example
 * ```ts
 * await saveScreenshot(page, 'react');
 * ```
 */
export async function saveScreenshot(page: Page, app: SampleApp): Promise<string | undefined> {
  if (process.env['E2E_SCREENSHOTS'] !== '1') return undefined;
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${app}.png`);
  await page.screenshot({ path });
  return path;
}
