// The README setups rest on parseReadmeSetup(): prove it picks exactly the files and install
// lines a reader of those sections gets, so a green setup spec means the README itself works.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atEmulator, combine, dotenvValues, fileAt, parseReadmeSetup } from './support/readme-app';

const FENCE = '```';

const readme = `# @acme/widget

${FENCE}sh
npm install @acme/widget
${FENCE}

## Quick start

${FENCE}sh
npm install --save-dev tsx @types/express # for the server
${FENCE}

${FENCE}ts
// src/main.ts
import { start } from '@acme/widget';
start('http://127.0.0.1:4400/launch.js');
${FENCE}

${FENCE}ts
import { start } from '@acme/widget'; // a fragment: no file named
${FENCE}

### Offline

${FENCE}sh
# .env.local
WIDGET_URL=http://127.0.0.1:4400/launch.js
# a comment
${FENCE}

${FENCE}html
<!-- index.html: the page -->
<script type="module" src="/src/main.ts"></script>
${FENCE}

## API

${FENCE}ts
// src/api.ts
export {};
${FENCE}
`;

describe('parseReadmeSetup(): a README section as the files of an app', () => {
  it('takes the named blocks of the section and its subsections, not the fragments nor other sections', () => {
    const setup = parseReadmeSetup('README.md', readme, ['Quick start']);
    assert.deepEqual(
      setup.files.map((file) => [file.path, file.source]),
      [
        ['src/main.ts', 'README.md:13'],
        ['.env.local', 'README.md:25'],
        ['index.html', 'README.md:31'],
      ],
    );
    assert.equal(
      fileAt(setup.files, 'src/main.ts').text,
      "// src/main.ts\nimport { start } from '@acme/widget';\nstart('http://127.0.0.1:4400/launch.js');\n",
    );
  });

  it("collects the packages of the introduction's and the section's install lines, without flags or comments", () => {
    assert.deepEqual(parseReadmeSetup('README.md', readme, ['Quick start']).installs, ['@acme/widget', 'tsx', '@types/express']);
    assert.deepEqual(parseReadmeSetup('README.md', readme, ['API']).installs, ['@acme/widget']);
  });

  it('reads a dotenv block and moves the README emulator address to the one given', () => {
    const setup = atEmulator(parseReadmeSetup('README.md', readme, ['Offline']), 'http://127.0.0.1:5123');
    assert.deepEqual(dotenvValues(fileAt(setup.files, '.env.local')), { WIDGET_URL: 'http://127.0.0.1:5123/launch.js' });
  });

  it('refuses a missing section and two READMEs that disagree about one file', () => {
    assert.throws(() => parseReadmeSetup('README.md', readme, ['Quick start', 'Deploy']), /README\.md has no section "Deploy"/);
    const other = parseReadmeSetup('OTHER.md', `## API\n\n${FENCE}ts\n// src/api.ts\nexport const x = 1;\n${FENCE}\n`, ['API']);
    assert.throws(
      () => combine(parseReadmeSetup('README.md', readme, ['API']), other),
      /src\/api\.ts differs between README\.md:38 and OTHER\.md:3/,
    );
    const same = parseReadmeSetup('SAME.md', `## API\n\n${FENCE}ts\n// src/api.ts\nexport {};\n${FENCE}\n`, ['API']);
    assert.deepEqual(
      combine(parseReadmeSetup('README.md', readme, ['API']), same).files.map((file) => file.path),
      ['src/api.ts'],
    );
  });
});
