import { post } from './api-client';
import type { HostWindow } from './host-window';

/**
 * What a successful sign-in call answers: the token to store and use, and the user (the JWT payload).
 *
 * @example
 * ```ts
 * const { token, user }: SignInAnswer = { token: 'JWT eyJ...', user: { _id: 'p1_ada' } };
 * ```
 */
export interface SignInAnswer {
  token: string;
  user: Record<string, unknown>;
}

/**
 * The outcome of the first sign-in call: the answer, or why it failed (status 0: never answered or
 * not even sent).
 *
 * @example
 * ```ts
 * const result: SignInResult = await requestCustomTokenSignIn(window, apiUrl, token);
 * if ('failure' in result) console.warn(result.failure);
 * ```
 */
export type SignInResult = { answer: SignInAnswer } | { failure: string; status: number; url: string };

function toResult(url: string, status: number, body: unknown): SignInResult {
  const answer = body as Partial<SignInAnswer> | undefined;
  if (status === 200 && typeof answer?.token === 'string' && typeof answer.user === 'object' && answer.user !== null) {
    return { answer: { token: answer.token, user: answer.user } };
  }
  return { failure: status === 200 ? `${url} answered 200 without {token, user}` : `${url} answered ${status}`, status, url };
}

/**
 * `POST {apiUrl}auth/signinWithCustomToken` with the token verbatim as `Authorization` and an
 * empty body, like the real widget (it adds no `JWT ` prefix).
 *
 * @example
 * ```ts
 * await requestCustomTokenSignIn(window, 'http://127.0.0.1:4400/api/', 'JWT eyJ...');
 * ```
 */
export async function requestCustomTokenSignIn(win: HostWindow, apiUrl: string, token: unknown): Promise<SignInResult> {
  const url = `${apiUrl}auth/signinWithCustomToken`;
  if (typeof token !== 'string') return { failure: 'signInWithCustomToken needs the token string "JWT <jwt>"', status: 0, url };
  const { status, body } = await post(win, url, { authorization: token }).response;
  return toResult(url, status, body);
}

/**
 * `POST {apiUrl}auth/signinAnonymously {id_project}`: a guest sign-in.
 *
 * @example
 * ```ts
 * await requestAnonymousSignIn(window, apiUrl, 'p1');
 * ```
 */
export async function requestAnonymousSignIn(win: HostWindow, apiUrl: string, projectId: string): Promise<SignInResult> {
  const url = `${apiUrl}auth/signinAnonymously`;
  const { status, body } = await post(win, url, { body: { id_project: projectId } }).response;
  return toResult(url, status, body);
}

/**
 * `POST {apiUrl}chat21/native/auth/createCustomToken`: the chat transport's credentials, or
 * undefined when refused (the sign-in then stays half-done).
 *
 * @example
 * ```ts
 * const chatToken = await requestChatToken(window, apiUrl, answer.token);
 * ```
 */
export async function requestChatToken(win: HostWindow, apiUrl: string, token: string): Promise<string | undefined> {
  const { status, body } = await post(win, `${apiUrl}chat21/native/auth/createCustomToken`, { authorization: token }).response;
  const chatToken = (body as { token?: unknown } | undefined)?.token;
  return status === 200 && typeof chatToken === 'string' ? chatToken : undefined;
}
