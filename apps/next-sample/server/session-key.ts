import { randomBytes } from 'node:crypto';
import { processMemo } from './process-memo';
import { readSampleSettings, SampleSettingsError } from './sample-settings';

/**
 * The key iron-session seals the session cookie with: `SESSION_SECRET`, or, with the emulator
 * only, a random key made once per process (every restart then signs everyone out). With a real
 * Tiledesk project and no `SESSION_SECRET` it throws: the server refuses to start.
 *
 * @example
 * ```ts
 * const session = await getIronSession(await cookies(), { password: sessionKey(), cookieName: 'demo' });
 * ```
 */
export function sessionKey(): string {
  return processMemo('next-sample:session-key', () => {
    const settings = readSampleSettings(process.env);
    if (settings.sessionSecret !== undefined) return settings.sessionSecret;
    if (settings.tiledesk.kind === 'emulator') return randomBytes(32).toString('base64url');
    throw new SampleSettingsError('SESSION_SECRET', 'SESSION_SECRET is required with a real Tiledesk project.');
  });
}
