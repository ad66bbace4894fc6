import type { TiledeskAuthStatus } from '@tiledesk-auth/core';

/**
 * The sentence under the chat card's status badge, per status, in every sample's words.
 *
 * @example
 * ```ts
 * CHAT_STATUS_SUMMARY['signed-in']; // 'The chat knows who you are.'
 * ```
 */
export const CHAT_STATUS_SUMMARY: Readonly<Record<TiledeskAuthStatus, string>> = {
  idle: 'Starting the chat…',
  loading: 'Loading the chat…',
  'signing-in': 'Connecting you to the chat…',
  'signed-in': 'The chat knows who you are.',
  'signed-out': 'The chat is not connected to your account.',
  error: 'The chat could not connect.',
};
