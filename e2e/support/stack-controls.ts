import type { TiledeskEmulator } from '@tiledesk-auth/testing';
import type { DemoStack } from './stack';

/**
 * The test switches a demo server offers under `/__test/*` (token lifetime, injected faults, its
 * shared secret) and the emulator's secret rotation: the same on the token server and on the
 * Next.js sample, so that a scenario does not know which one it talks to.
 *
 * @example
 * ```ts
 * const controls = stackControls(server.url, emulator, config.projectId, secrets);
 * await controls.useSecret(controls.rotateSecret());
 * ```
 */
export function stackControls(
  serverUrl: string,
  emulator: TiledeskEmulator,
  projectId: string,
  secrets: string[],
): Pick<DemoStack, 'setTokenExpiresIn' | 'failTokenRequests' | 'rotateSecret' | 'useSecret'> {
  const post = (path: string, body: unknown) => postJson(`${serverUrl}${path}`, body);
  return {
    setTokenExpiresIn: (seconds) => post('/__test/token-expires-in', { seconds }),
    failTokenRequests: (fault) => post('/__test/token-fault', fault),
    rotateSecret() {
      const secret = emulator.rotateSecret(projectId);
      secrets.push(secret);
      return secret;
    },
    useSecret: (secret) => post('/__test/secret', { secret }),
  };
}

/**
 * GETs `url` and reads its JSON; any status but 2xx throws.
 *
 * @example
 * ```ts
 * const users = await getJson<DemoUser[]>(`${url}/api/demo-users`);
 * ```
 */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
}
