import { embeddedBootData } from './embedded-boot-data';
import type { BootData } from './sample-api';

const ada = { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' };
const data: BootData = {
  config: { projectId: '65f0c0ffee0123456789abcd', widgetUrl: 'http://127.0.0.1:4400/widget/launch.js', mode: 'emulator' },
  users: [ada],
  sessionUser: ada,
};

function pageWith(block: string | null): Document {
  const doc = document.implementation.createHTMLDocument('sample');
  if (block !== null) doc.head.innerHTML = `<script type="application/json" id="boot-data">${block}</script>`;
  return doc;
}

describe('embeddedBootData', () => {
  it("reads the token server's block, escaped characters included", () => {
    const escaped = JSON.stringify({ ...data, users: [{ ...ada, lastname: '</script>' }] }).replace(/</g, '\\u003c');
    expect(embeddedBootData(pageWith(escaped))?.users[0]?.lastname).toBe('</script>');
    expect(embeddedBootData(pageWith(JSON.stringify(data)))).toEqual(data);
  });

  it('is null without a block, with broken JSON or with incomplete data (the app then asks the API)', () => {
    expect(embeddedBootData(pageWith(null))).toBeNull();
    expect(embeddedBootData(pageWith('{"config":'))).toBeNull();
    expect(embeddedBootData(pageWith(JSON.stringify({ config: data.config })))).toBeNull();
  });
});
