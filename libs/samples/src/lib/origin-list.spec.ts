import { parseOrigins } from './origin-list';

class SettingError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}
const refuse = (setting: string, message: string) => new SettingError(setting, message);

describe('parseOrigins', () => {
  it('reduces each entry, space- or comma-separated, to its exact origin', () => {
    expect(
      parseOrigins(' https://api.example.com/v3/, wss://mqtt.example.com:8443/ws  http://127.0.0.1:9 ', 'CSP_CONNECT_SRC', refuse),
    ).toEqual(['https://api.example.com', 'wss://mqtt.example.com:8443', 'http://127.0.0.1:9']);
    expect(parseOrigins('', 'CSP_CONNECT_SRC', refuse)).toEqual([]);
  });

  it.each([
    ['a CSP keyword', "'self'", 1],
    ['a wildcard', 'https://api.example.com *.example.com', 2],
    ['another scheme', 'ftp://files.example.com', 1],
    ['credentials', 'https://api.example.com,https://user:pass@example.com', 2],
  ])('refuses %s with the caller’s error, naming the setting and the entry, not its text', (_what, list, position) => {
    let thrown: unknown;
    try {
      parseOrigins(list, 'CSP_CONNECT_SRC', refuse);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SettingError);
    expect((thrown as SettingError).setting).toBe('CSP_CONNECT_SRC');
    expect((thrown as SettingError).message).toBe(
      `CSP_CONNECT_SRC entry ${position} is not an http(s) or ws(s) origin such as https://api.example.com.`,
    );
    expect((thrown as SettingError).message).not.toContain('pass');
  });
});
