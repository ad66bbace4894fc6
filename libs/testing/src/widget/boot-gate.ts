/**
 * v6 boots on the first of these on the page (a synthetic `click` does not count).
 *
 * @example
 * ```ts
 * document.dispatchEvent(new Event(BOOT_GESTURES[2])); // mousemove
 * ```
 */
export const BOOT_GESTURES = ['scroll', 'mousedown', 'mousemove', 'touchstart', 'keydown'] as const;

/**
 * Resolves when v6 would boot: on the first gesture or after `delayMs`, and then not before
 * `window.load`. Listens on `document` in the capture phase so that a synthetic, non-bubbling
 * `document.dispatchEvent(new Event('mousemove'))` counts, as it does with the real widget.
 *
 * @example
 * ```ts
 * await waitForBootGate(window, 5000);
 * ```
 */
export function waitForBootGate(win: Window, delayMs: number): Promise<void> {
  const gesture = new Promise<void>((resolve) => {
    const doc = win.document;
    const open = (): void => {
      win.clearTimeout(timer);
      for (const name of BOOT_GESTURES) doc.removeEventListener(name, open, true);
      resolve();
    };
    for (const name of BOOT_GESTURES) doc.addEventListener(name, open, true);
    const timer = win.setTimeout(open, delayMs);
  });
  return gesture.then(
    () =>
      new Promise<void>((resolve) => {
        if (win.document.readyState === 'complete') resolve();
        else win.addEventListener('load', () => resolve(), { once: true });
      }),
  );
}
