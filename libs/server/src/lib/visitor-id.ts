import { firstHiddenCharacter } from './hidden-characters.js';
import { describeValue } from './safe-text.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';

/**
 * What `user.id` is:
 *
 * - `'app-user-id'` (the default): your app's own id for the user. The token's `_id` is ALWAYS
 *   `"<projectId>_<user.id>"`, so two different app ids can never become the same Tiledesk
 *   visitor. An id that already starts with `"<projectId>_"` is refused: prefixing it would
 *   work, but it is almost always a Tiledesk id passed by mistake, and where users choose their
 *   own ids, one could pick `"<projectId>_ada"` to look like Ada.
 * - `'tiledesk-id'`: `user.id` is already the full Tiledesk visitor id, `"<projectId>_..."`
 *   (for instance kept from an earlier token); it is used as it is and must carry the prefix.
 *
 * Use one kind for all the users of a project: mixing them is how two users meet in one `_id`.
 *
 * @example
 * ```ts
 * await mintTiledeskToken({ projectId, secret, user: { id: stored.tiledeskId }, userIdKind: 'tiledesk-id' });
 * ```
 */
export type TiledeskUserIdKind = 'app-user-id' | 'tiledesk-id';

/**
 * Every value of {@link TiledeskUserIdKind}, for checks at run time.
 *
 * @example
 * ```ts
 * USER_ID_KINDS.includes('tiledesk-id'); // true
 * ```
 */
export const USER_ID_KINDS: readonly TiledeskUserIdKind[] = Object.freeze(['app-user-id', 'tiledesk-id']);

const MAX_ID_LENGTH = 256;

/**
 * The token's `_id` for `id`, checked: a non-empty string without surrounding spaces or hidden
 * characters (or a safe integer), at most 256 characters, prefixed per `kind`.
 *
 * @example
 * ```ts
 * visitorIdFor('65f0c0ffee0123456789abcd', 'ada', 'app-user-id'); // '65f0c0ffee0123456789abcd_ada'
 * ```
 */
export function visitorIdFor(projectId: string, id: unknown, kind: TiledeskUserIdKind, secret?: unknown): string {
  const text = idText(id, kind, secret);
  const prefix = `${projectId}_`;
  if (kind === 'tiledesk-id') {
    if (!text.startsWith(prefix) || text.length === prefix.length) {
      throw fail(
        `must be a full Tiledesk visitor id, "${prefix}" followed by your user's id, since userIdKind is ` +
          `'tiledesk-id' (got ${describeValue(text, secret)}).`,
      );
    }
    return text;
  }
  // Compared without case: "65F0..._ada" is the same mistake.
  if (text.length >= prefix.length && text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase()) {
    throw fail(
      `already starts with "${prefix}" (got ${describeValue(text, secret)}). Your app's ids are always prefixed, ` +
        `so this would become "${prefix}${prefix}..."; if it is a full Tiledesk visitor id, pass ` +
        `userIdKind: 'tiledesk-id'. If your users choose their ids, refuse ids like this one at sign-up.`,
    );
  }
  return prefix + text;
}

function fail(why: string): TiledeskTokenError {
  return new TiledeskTokenError('invalid-user-id', 'user.id', `user.id ${why}`);
}

function idText(id: unknown, kind: TiledeskUserIdKind, secret: unknown): string {
  if (typeof id === 'number' && Number.isSafeInteger(id) && kind === 'app-user-id') return String(id);
  if (typeof id !== 'string' || id.trim() === '' || id !== id.trim()) {
    throw fail(
      `must be a non-empty string without surrounding spaces${kind === 'app-user-id' ? ', or a safe integer' : ''} ` +
        `(got ${describeValue(id, secret)}).`,
    );
  }
  if (id.length > MAX_ID_LENGTH) throw fail(`is longer than ${MAX_ID_LENGTH} characters (${id.length}).`);
  const hidden = firstHiddenCharacter(id);
  if (hidden) {
    throw fail(
      `contains ${hidden}, an invisible control, zero-width or bidi character, which would let two ids look ` +
        `the same (got ${describeValue(id, secret)}).`,
    );
  }
  return id;
}
