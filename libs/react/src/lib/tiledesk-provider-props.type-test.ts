// Type-level tests, checked by `nx typecheck react` (tsc over tsconfig.spec.json), never by Jest:
// each @ts-expect-error must meet an error, or the directive itself is the error (TS2578).
// type-tests.spec.ts shows both ways of failing.
import type { TiledeskClient } from '@tiledesk-auth/core';
import type { TiledeskProviderProps } from './tiledesk-provider.js';

declare const client: TiledeskClient;
const getToken = (): Promise<string> => Promise.resolve('a.b.c');

// The props take options or a client.
export const accepted: TiledeskProviderProps[] = [
  { projectId: '65f0c0ffee0123456789abcd' },
  { projectId: '65f0c0ffee0123456789abcd', getToken, autoSignIn: false },
  { client },
  { client, autoSignIn: true },
];

// Never both, and never neither.
export const refused: TiledeskProviderProps[] = [
  // @ts-expect-error both a client and options
  { client, projectId: '65f0c0ffee0123456789abcd' },
  // @ts-expect-error a client brings its own getToken
  { client, getToken },
  // @ts-expect-error neither a client nor a projectId
  { autoSignIn: true },
];
