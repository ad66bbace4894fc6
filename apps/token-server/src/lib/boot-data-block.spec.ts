import { BOOT_DATA_ELEMENT_ID, bootDataBlock, type SampleBootData, widgetPreload, withBootData } from './boot-data-block';
import { DEMO_USERS } from './demo-users';
import { inlineScriptHashes } from './inline-script-hashes';

const data: SampleBootData = {
  config: {
    projectId: '65f0c0ffee0123456789abcd',
    widgetUrl: 'http://127.0.0.1:4400/widget/launch.js',
    mode: 'emulator',
    widget: 'emulated',
  },
  users: DEMO_USERS,
  sessionUser: DEMO_USERS[0] ?? null,
};

/** The JSON text of the page's boot-data element, as a browser's textContent would give it. */
function blockText(html: string): string {
  const match = new RegExp(`<script type="application/json" id="${BOOT_DATA_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(html);
  if (!match?.[1]) throw new Error('no boot-data block in the page');
  return match[1];
}

describe('boot data in the sample page', () => {
  it('is a JSON data block that parses back to the same data', () => {
    expect(JSON.parse(blockText(bootDataBlock(data)))).toEqual(data);
  });

  it('cannot be broken out of: "<", ">" and "&" never appear raw, the values survive', () => {
    const hostile: SampleBootData = {
      ...data,
      sessionUser: { id: 'x', email: '</script><script>alert(1)</script>', firstname: '<!--', lastname: 'a&b\u2028' },
    };
    const text = blockText(bootDataBlock(hostile));
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(hostile);
  });

  it('goes at the end of <head>, after the preload hint for launch.js (no crossorigin)', () => {
    const html = '<!doctype html><html><head><title>t</title></head><body><script type="module" src="main.js"></script></body></html>';
    const page = withBootData(html, data);
    expect(page).toBe(
      `<!doctype html><html><head><title>t</title>${widgetPreload(data.config.widgetUrl)}${bootDataBlock(data)}</head>` +
        '<body><script type="module" src="main.js"></script></body></html>',
    );
    expect(widgetPreload(data.config.widgetUrl)).toBe('<link rel="preload" as="script" href="http://127.0.0.1:4400/widget/launch.js">');
  });

  it('goes after the doctype of a page without </head>', () => {
    expect(withBootData('<!doctype html><p>x</p>', data).startsWith(`<!doctype html>${widgetPreload(data.config.widgetUrl)}`)).toBe(true);
  });

  it('needs no CSP hash: the page keeps the inline-code hashes of its build', () => {
    const html = '<!doctype html><head></head><body><script type="module" src="main.js"></script></body>';
    expect(inlineScriptHashes(withBootData(html, data)).scripts).toEqual(inlineScriptHashes(html).scripts);
  });
});
