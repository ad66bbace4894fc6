/**
 * Characters a reader cannot see or that reorder what is around them: controls (C0, DEL, C1),
 * format characters (zero-width space, the bidi embeddings, overrides and isolates, the byte
 * order mark, soft hyphen, tag characters...), the line and paragraph separators, and lone
 * surrogates (not text at all). In an id or an e-mail they make two different values look
 * alike, or one value look like another (`U+202E` shows "ada\u202Egpj.exe" as "adaexe.jpg").
 */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

// The zero-width joiner and non-joiner are format characters too, but they are part of emoji
// sequences ("👩‍💻") and of how Persian and Indic names are written, and move nothing around.
const HIDDEN_IN_DISPLAY = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
// Controls that separate words (tab, line breaks) become a space rather than gluing words.
const SEPARATING_CONTROL = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * The first hidden or reordering character of `text` as `U+XXXX`, or `null` when there is none.
 *
 * @example
 * ```ts
 * firstHiddenCharacter('ada\u202Etxt'); // 'U+202E'
 * firstHiddenCharacter('Zoë');          // null
 * ```
 */
export function firstHiddenCharacter(text: string): string | null {
  const match = HIDDEN_CHARACTER.exec(text);
  return match ? codePointName(match[0]) : null;
}

/**
 * `text` without hidden and reordering characters, for names shown to agents. Tabs and line
 * breaks become spaces; the zero-width joiner and non-joiner stay (emoji, Persian, Indic).
 *
 * @example
 * ```ts
 * stripHiddenCharacters('Ada\u202E Lovelace\u200B'); // 'Ada Lovelace'
 * ```
 */
export function stripHiddenCharacters(text: string): string {
  // Nearly every name has none: one test instead of two replaces.
  if (!HIDDEN_CHARACTER.test(text)) return text;
  return text.replace(SEPARATING_CONTROL, ' ').replace(HIDDEN_IN_DISPLAY, '');
}

/**
 * `U+XXXX` (at least four hex digits) for the first code point of `character`.
 *
 * @example
 * ```ts
 * codePointName('\u200B'); // 'U+200B'
 * ```
 */
export function codePointName(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Whether `character` (one code point) is hidden or reordering, i.e. must be escaped in a log.
 *
 * @example
 * ```ts
 * isHiddenCharacter('\n'); // true
 * ```
 */
export function isHiddenCharacter(character: string): boolean {
  return HIDDEN_CHARACTER.test(character);
}
