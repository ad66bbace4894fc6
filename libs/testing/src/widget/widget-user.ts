/**
 * The visitor as the real widget keeps it after a sign-in: what `signInWithCustomToken` and
 * `signInAnonymous` resolve with and what it stores as `currentUser` (JSON, these keys in this
 * order). It is built from the server's `user`, so the JWT's `_id` becomes `uid`.
 *
 * @example
 * ```ts
 * const user: WidgetUser = widgetUserOf({ _id: 'p1_ada', email: 'ada@example.test', firstname: 'Ada' });
 * user.fullname; // 'Ada'
 * ```
 */
export interface WidgetUser {
  uid: string;
  email: string;
  firstname: string;
  lastname: string;
  fullname: string;
  /** Up to three initials of `fullname`, upper case. */
  avatar: string;
  /** A background colour picked from the fullname. */
  color: string;
}

const AVATAR_COLOURS = ['#E17076', '#7BC862', '#65aadd', '#a695e7', '#ee7aae', '#6ec9cb', '#faa774'];

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One letter per word, at most three, but one-letter words always count (as the widget does). */
function initials(fullname: string): string {
  let result = '';
  for (const word of fullname.split(' ')) {
    const length = word.trim().length;
    if ((length > 1 && result.length < 3) || length === 1) result += word.charAt(0).toUpperCase();
  }
  return result;
}

function colourOf(fullname: string): string {
  return fullname === '' ? AVATAR_COLOURS[0] : AVATAR_COLOURS[fullname.charCodeAt(fullname.length - 1) % AVATAR_COLOURS.length];
}

/**
 * Builds the widget's user from the `user` the sign-in route answered.
 *
 * @example
 * ```ts
 * storage.set('currentUser', JSON.stringify(widgetUserOf(answer.user)));
 * ```
 */
export function widgetUserOf(user: Record<string, unknown>): WidgetUser {
  const firstname = text(user['firstname']);
  const lastname = text(user['lastname']);
  const fullname = `${firstname} ${lastname}`.trim();
  return {
    uid: String(user['_id']),
    email: text(user['email']),
    firstname,
    lastname,
    fullname,
    avatar: initials(fullname),
    color: colourOf(fullname),
  };
}
