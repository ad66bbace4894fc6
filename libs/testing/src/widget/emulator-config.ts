/** Injected by the emulator around the bundle (see `lib/widget-bundle.ts`). */
declare const __tiledeskEmulatorConfig: { bootDelayMs?: number; storagePrefix?: string } | undefined;

/**
 * The settings the emulator served this copy of `launch.js` with.
 *
 * @example
 * ```ts
 * const { bootDelayMs, storagePrefix }: ServedConfig = servedConfig(script);
 * ```
 */
export interface ServedConfig {
  bootDelayMs: number;
  storagePrefix: string;
}

/**
 * Reads the served settings; a `data-boot-delay-ms` attribute on the script tag wins over them.
 *
 * @example
 * ```ts
 * const { bootDelayMs } = servedConfig(document.getElementById('tiledesk-jssdk'));
 * ```
 */
export function servedConfig(script: Element | null): ServedConfig {
  const injected = typeof __tiledeskEmulatorConfig === 'object' && __tiledeskEmulatorConfig !== null ? __tiledeskEmulatorConfig : {};
  const fromAttribute = Number(script?.getAttribute('data-boot-delay-ms') ?? Number.NaN);
  return {
    bootDelayMs: Number.isFinite(fromAttribute) && fromAttribute >= 0 ? fromAttribute : (injected.bootDelayMs ?? 5000),
    storagePrefix: injected.storagePrefix ?? 'widget_sv6',
  };
}
