import { InjectionToken } from '@angular/core';
import type { BootData } from '@samples/kit';

/**
 * What main.ts read from the token server before bootstrapping.
 *
 * @example
 * ```ts
 * const { users } = inject(BOOT_DATA);
 * ```
 */
export const BOOT_DATA = new InjectionToken<BootData>('BOOT_DATA');
