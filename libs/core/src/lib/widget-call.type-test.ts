// Type-level tests, checked by `nx typecheck core` (tsc over tsconfig.spec.json), never by Jest:
// each @ts-expect-error must meet an error, or the directive itself is the error (TS2578).
import type { WidgetPage } from './load-widget.js';
import { call, type WidgetMethod } from './widget-call.js';

declare const page: WidgetPage | undefined;

export const known: WidgetMethod[] = [
  'signInWithCustomToken',
  'logout',
  'setParameter',
  'setAttributeParameter',
  'show',
  'hide',
  'open',
  'close',
];

export function misspelt(): void {
  // @ts-expect-error a widget method that does not exist
  call(page, 'signInWithCustomTokn', 'JWT a.b.c');
  // @ts-expect-error a guest sign-in, which core never asks for (and the widget spells signInAnonymous)
  call(page, 'signInAnonymously');
}
