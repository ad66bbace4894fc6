import { EARLY_TOKEN_GLOBAL } from '@samples/kit';
import { BOOT_DATA_ELEMENT_ID, bootDataBlock, type SampleBootData, widgetPreload, withBootData } from './boot-data-block';
import { DEMO_USERS } from './demo-users';
import { EARLY_TOKEN_SCRIPT_HASH, earlyTokenScript } from './early-token-script';
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

  it('a signed-in page starts with the early token request and the preload hint (after its charset), the boot data ends <head>', () => {
    const html =
      '<!doctype html><html><head><meta charset="utf-8"><title>t</title><link rel="stylesheet" href="a.css"></head>' +
      '<body><script type="module" src="main.js"></script></body></html>';
    const served = withBootData({ html, inline: inlineScriptHashes(html) }, data);
    expect(served.html).toBe(
      `<!doctype html><html><head><meta charset="utf-8">${earlyTokenScript()}${widgetPreload(data.config.widgetUrl)}` +
        `<title>t</title><link rel="stylesheet" href="a.css">${bootDataBlock(data)}</head>` +
        '<body><script type="module" src="main.js"></script></body></html>',
    );
    expect(widgetPreload(data.config.widgetUrl)).toBe('<link rel="preload" as="script" href="http://127.0.0.1:4400/widget/launch.js">');
  });

  it('right after <head> when it has no charset; a signed-out page gets no token request', () => {
    const html = '<!doctype html><html><head lang="en"><title>t</title></head><body></body></html>';
    const signedOut = withBootData({ html, inline: inlineScriptHashes(html) }, { ...data, sessionUser: null });
    expect(signedOut.html).toBe(
      `<!doctype html><html><head lang="en">${widgetPreload(data.config.widgetUrl)}<title>t</title>` +
        `${bootDataBlock({ ...data, sessionUser: null })}</head><body></body></html>`,
    );
    expect(signedOut.html).not.toContain(EARLY_TOKEN_GLOBAL);
  });

  it('goes after the doctype of a page without <head>', () => {
    const served = withBootData({ html: '<!doctype html><p>x</p>', inline: { scripts: [], handlers: [] } }, data);
    expect(served.html).toBe(`<!doctype html>${earlyTokenScript()}${widgetPreload(data.config.widgetUrl)}${bootDataBlock(data)}<p>x</p>`);
  });

  it("hashes exactly the inline scripts the page runs: the build's, plus the early request when signed in", () => {
    const html = '<!doctype html><head><script>window.built = 1</script></head><body><script type="module" src="main.js"></script></body>';
    const built = inlineScriptHashes(html);
    const signedIn = withBootData({ html, inline: built }, data);
    expect(signedIn.inline.scripts).toEqual([...built.scripts, EARLY_TOKEN_SCRIPT_HASH]);
    expect(new Set(inlineScriptHashes(signedIn.html).scripts)).toEqual(new Set(signedIn.inline.scripts));
    const signedOut = withBootData({ html, inline: built }, { ...data, sessionUser: null });
    expect(signedOut.inline).toEqual(built);
    expect(inlineScriptHashes(signedOut.html).scripts).toEqual(built.scripts);
  });
});
