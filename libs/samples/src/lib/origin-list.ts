/**
 * Reads a space- or comma-separated list of origins (`https://api.example.com wss://mqtt.example.com`)
 * for a sample page's Content-Security-Policy, each reduced to its exact origin. Anything else
 * (a path alone, a wildcard, a CSP keyword, credentials) is refused with the error `refuse`
 * builds, so each server reports it as its own settings error, naming `setting` and the entry's
 * position (never its text, which may be a secret pasted into the wrong variable).
 *
 * @example
 * ```ts
 * parseOrigins('https://api.example.com, wss://mqtt.example.com', 'CSP_CONNECT_SRC', (setting, message) => new Error(message));
 * // ['https://api.example.com', 'wss://mqtt.example.com']
 * ```
 */
export function parseOrigins(list: string, setting: string, refuse: (setting: string, message: string) => Error): string[] {
  return list
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .map((entry, index) => {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      if (!url || !/^(https?|wss?):$/.test(url.protocol) || url.username !== '' || url.password !== '' || url.origin === 'null') {
        throw refuse(setting, `${setting} entry ${index + 1} is not an http(s) or ws(s) origin such as https://api.example.com.`);
      }
      return url.origin;
    });
}
