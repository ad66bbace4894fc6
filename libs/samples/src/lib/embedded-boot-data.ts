import type { BootData } from './sample-api';

/**
 * The boot data the token server wrote into the page (`<script type="application/json"
 * id="boot-data">`), read synchronously, so the app can start (and sign in) without waiting for
 * any request; `null` when the page has none (a dev server serves index.html as it is) or it is
 * not what we expect, and the app then asks the API (`loadBootData()`).
 *
 * @example
 * ```ts
 * const boot = embeddedBootData() ?? (await loadBootData());
 * ```
 */
export function embeddedBootData(doc: Document = document): BootData | null {
  const text = doc.getElementById('boot-data')?.textContent;
  if (!text) return null;
  try {
    const data = JSON.parse(text) as Partial<BootData> | null;
    const complete = typeof data?.config?.projectId === 'string' && Array.isArray(data.users) && data.sessionUser !== undefined;
    return complete ? (data as BootData) : null;
  } catch {
    return null;
  }
}
