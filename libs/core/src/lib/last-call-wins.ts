import { fail, noop } from './fail.js';
import type { TiledeskAuthError } from './tiledesk-auth-error.js';
import { within } from './within.js';
import { devMode } from './dev-mode.js';

/**
 * Makes an awaited step give up when its operation is replaced, cancelled or out of time.
 *
 * @example
 * ```ts
 * const user = await guard(fetchUser());
 * ```
 */
export type Guard = <T>(p: PromiseLike<T>) => Promise<T>;

/**
 * One running operation: `live()` says it is still the current one, `guard` races each awaited step
 * against its end, `end()` must be called when it finishes (in `finally`).
 *
 * @example
 * ```ts
 * const [live, guard, end] = ops.begin();
 * try { await guard(step()); if (live()) commit(); } finally { end(); }
 * ```
 */
export type Operation = [live: () => boolean, guard: Guard, end: () => void];

/**
 * Orders overlapping `signIn()`/`signOut()` calls: the last call wins.
 *
 * @example
 * ```ts
 * const ops = lastCallWins(15000);
 * ops.cancel(fail('destroyed', 'Client destroyed'));
 * ```
 */
export interface LastCallWins {
  /** Starts an operation; the one running rejects at once with `superseded`. */
  begin(): Operation;
  /** Whether an operation is under way (it, not the widget's events, decides the state). */
  busy(): boolean;
  /** Rejects the running operation with `error` and ends every future `live()`. */
  cancel(error: TiledeskAuthError): void;
}

/**
 * Creates the operation counter of one client. Each operation also times out after `ms`
 * (`timeout` error), so no step can hang forever on a widget that never answers.
 *
 * @example
 * ```ts
 * const ops = lastCallWins(15000);
 * const [live, guard, end] = ops.begin();
 * ```
 */
export function lastCallWins(ms: number): LastCallWins {
  let generation = 0;
  let stopCurrent: ((error?: TiledeskAuthError) => void) | undefined;
  return {
    begin() {
      stopCurrent?.(fail('superseded', devMode && 'Replaced by a later signIn()/signOut()'));
      const mine = ++generation;
      let stopMine!: (error?: TiledeskAuthError) => void;
      const stopped = new Promise<never>((_, reject) => (stopCurrent = stopMine = reject));
      const ended = within(stopped, ms, fail('timeout', devMode && 'Widget did not answer in ' + ms + ' ms')) as Promise<never>;
      ended.catch(noop);
      return [
        () => mine === generation,
        // A step that settled just before a later call began still gives up: the operation it
        // would resume is no longer the current one, and must not commit anything.
        (step) => Promise.race([step, ended]).then((value) => (mine === generation ? value : ended)),
        () => {
          // Settling `ended` clears its timer; nobody races it any more.
          stopMine();
          if (mine === generation) stopCurrent = undefined;
        },
      ];
    },
    busy: () => !!stopCurrent,
    cancel(error) {
      generation++;
      stopCurrent?.(error);
      stopCurrent = undefined;
    },
  };
}
