// Type-level tests, checked by `nx typecheck angular` (tsc over tsconfig.spec.json), never by Jest:
// each @ts-expect-error must meet an error, or the directive itself is the error (TS2578).
import { of } from 'rxjs';
import type { TiledeskConfig, TiledeskTokenSource } from './tiledesk-config';

// A token source may answer with an Observable, a Promise or the value, and null for nobody.
export const sources: TiledeskTokenSource[] = [
  () => of('JWT a.b.c'),
  () => of(null),
  () => Promise.resolve('JWT a.b.c'),
  () => Promise.resolve(null),
  () => 'JWT a.b.c',
  () => null,
];

export const refusedSources: TiledeskTokenSource[] = [
  // @ts-expect-error a token is a string, not a number
  () => of(42),
  // @ts-expect-error undefined is not null: "nobody is signed in" must be said on purpose
  () => undefined,
];

export const configs: TiledeskConfig[] = [
  { projectId: '65f0c0ffee0123456789abcd' },
  { projectId: '65f0c0ffee0123456789abcd', getToken: () => of('JWT a.b.c'), autoSignIn: false },
];

export const refusedConfigs: TiledeskConfig[] = [
  // @ts-expect-error projectId is required
  { getToken: () => null },
  // @ts-expect-error autoSignIn is a boolean
  { projectId: '65f0c0ffee0123456789abcd', autoSignIn: 'yes' },
];
