import { pagePolicy, widgetSourcesOf } from './page-policy';
import { readSampleSettings } from './sample-settings';

/** The policy as directive name → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

const EMULATOR = 'http://127.0.0.1:4710';

describe('pagePolicy', () => {
  it("lets the page run scripts from itself, the emulator's widget and this response's nonce only", () => {
    const policy = directives(pagePolicy(widgetSourcesOf(readSampleSettings({ TILEDESK_EMULATOR_URL: `${EMULATOR}/` })), 'bm9uY2UtMQ=='));
    expect(policy.get('script-src')).toEqual(["'self'", EMULATOR, "'nonce-bm9uY2UtMQ=='"]);
    expect(policy.get('connect-src')).toEqual(["'self'", EMULATOR, 'ws://127.0.0.1:4710']);
    expect(policy.get('frame-src')).toEqual([EMULATOR]);
    expect(policy.get('base-uri')).toEqual(["'self'", EMULATOR]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    // A nonce in style-src would switch its 'unsafe-inline' off, and the widgets set style attributes.
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'", EMULATOR]);
    expect(policy.get('font-src')).not.toContain('https://fonts.gstatic.com');
  });

  it("allows a real project's widget, the services CSP_CONNECT_SRC lists and the build's fonts, never 'unsafe-inline' scripts", () => {
    const settings = readSampleSettings({
      TILEDESK_PROJECT_ID: '65f0c0ffee0123456789abcd',
      TILEDESK_SHARED_SECRET: 'c6b7a1e4-1f0e-4d2b-9a55-0c3b8e2f7d61',
      SESSION_SECRET: 'Jx8fK2pQ9vL4mN7rT1wY5zB3cD6gH0sA',
      CSP_CONNECT_SRC: 'https://api.tiledesk.com wss://tiledesk.com',
    });
    const policy = directives(pagePolicy(widgetSourcesOf(settings), 'abc123'));
    expect(policy.get('script-src')).toEqual(["'self'", 'https://widget.tiledesk.com', "'nonce-abc123'"]);
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'https://widget.tiledesk.com',
      'wss://widget.tiledesk.com',
      'https://api.tiledesk.com',
      'wss://api.tiledesk.com',
      'wss://tiledesk.com',
    ]);
    expect(policy.get('font-src')).toContain('https://fonts.gstatic.com');
    expect(policy.get('style-src')).toContain('https://fonts.googleapis.com');
  });

  it('refuses a nonce that could end the directive', () => {
    expect(() => pagePolicy({ widgetOrigins: [], serviceOrigins: [], realWidget: false }, "x' 'unsafe-inline")).toThrow(/base64/);
  });
});
