import type { TiledeskClient } from '@tiledesk-auth/core';
import { useTiledeskContext } from './tiledesk-context.js';

/**
 * The widget commands a component may use. `destroy` is left out: the provider owns the client's
 * lifetime.
 *
 * @example
 * ```ts
 * const commands: TiledeskCommands = useTiledesk();
 * commands.open();
 * ```
 */
export type TiledeskCommands = Omit<TiledeskClient, 'destroy'>;

/**
 * The provider's client, for commands (`show`, `hide`, `open`, `close`, `setAttribute`, `on`, ...).
 * Its identity is stable, so it never causes a re-render; read the auth state with
 * {@link useTiledeskAuth}.
 *
 * @example
 * ```tsx
 * function HelpButton() {
 *   const tiledesk = useTiledesk();
 *   return <button onClick={() => tiledesk.open()}>Chat with us</button>;
 * }
 * ```
 */
export function useTiledesk(): TiledeskCommands {
  return useTiledeskContext('useTiledesk').client;
}
