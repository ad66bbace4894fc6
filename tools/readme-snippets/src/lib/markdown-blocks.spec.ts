import { markdownBlocks, parseDirections } from './markdown-blocks';
import { brokenLinks, headingAnchor } from './markdown-links';
import { moduleCode } from './snippet-files';
import {
  mapsNotSignedInToNull,
  nextClientComponentProblem,
  tokenFetchesWithoutJson,
  unknownNpmScripts,
  unknownNxProjects,
} from './snippet-rules';

describe('markdownBlocks', () => {
  it('reads each fenced block with its language, line, code and marker', () => {
    const markdown = [
      '# Title',
      '',
      '<!-- snippet: run -->',
      '',
      '```ts',
      'const a = 1;',
      '```',
      'text',
      '~~~sh',
      'npm test',
      '~~~',
      '',
    ].join('\n');
    expect(markdownBlocks('x.md', markdown)).toEqual([
      { readme: 'x.md', line: 5, language: 'ts', code: 'const a = 1;\n', directions: { run: true } },
      { readme: 'x.md', line: 9, language: 'sh', code: 'npm test\n', directions: {} },
    ]);
  });

  it('takes the indentation of a fence in a list item off its lines', () => {
    const [block] = markdownBlocks('x.md', '1. Start:\n\n   ```sh\n   npx tiledesk-emulator\n   ```\n');
    expect(block.code).toBe('npx tiledesk-emulator\n');
  });

  it('keeps a longer fence open across a shorter one inside it', () => {
    const [block] = markdownBlocks('x.md', '````md\n```ts\nx\n```\n````\n');
    expect(block.code).toBe('```ts\nx\n```\n');
  });

  it('refuses a block that is never closed, naming its line', () => {
    expect(() => markdownBlocks('x.md', 'a\n```ts\nconst a = 1;\n')).toThrow('x.md:2: code block is never closed');
  });

  it('refuses a marker with an unknown direction, naming its line', () => {
    expect(() => markdownBlocks('x.md', '<!-- snippet: runn -->\n```ts\n```\n')).toThrow('x.md:1: unknown snippet direction "runn"');
  });
});

describe('parseDirections', () => {
  it('reads run, a prelude name and an epilogue name', () => {
    expect(parseDirections('run prelude=minted-token')).toEqual({ run: true, prelude: 'minted-token' });
    expect(parseDirections('run after=post-token')).toEqual({ run: true, after: 'post-token' });
  });

  it('takes the rest of a skip marker as its reason, and wants one', () => {
    expect(parseDirections('skip a summary, not code')).toEqual({ skipReason: 'a summary, not code' });
    expect(() => parseDirections('skip')).toThrow('needs a reason');
  });
});

describe('moduleCode', () => {
  it('takes the inline module script of an HTML block, on its README line', () => {
    const [block] = markdownBlocks('x.md', '```html\n<p></p>\n<script type="module">\nexport {};\n</script>\n```\n');
    expect(moduleCode(block)).toEqual({ code: 'export {};\n', firstCodeLine: 4 });
  });

  it('finds nothing to compile in HTML without an inline module script', () => {
    const [block] = markdownBlocks('x.md', '```html\n<script type="module" src="/main.ts"></script>\n```\n');
    expect(moduleCode(block)).toBeNull();
  });
});

describe('markdown links', () => {
  it('makes the anchor GitHub gives a heading', () => {
    expect(headingAnchor('Your own app against the emulator, offline')).toBe('your-own-app-against-the-emulator-offline');
    expect(headingAnchor('`TiledeskAuthService`')).toBe('tiledeskauthservice');
  });

  it('finds links to missing files and headings, not to existing ones or in code', () => {
    const workspaceRoot = `${__dirname}/../../../..`;
    const markdown =
      '## Markers\n[a](../../README.md) [b](#markers) [c](#nope) [d](missing.md) [e](https://x.y/z) `[g](gone.md)`\n```md\n[f](gone.md)\n```\n';
    expect(brokenLinks('tools/readme-snippets/README.md', markdown, workspaceRoot)).toEqual(['#nope', 'missing.md']);
  });
});

describe('snippet rules', () => {
  it("wants 'use client' atop a Next.js app file that calls a hook or renders the provider", () => {
    expect(nextClientComponentProblem('// app/a.tsx\nexport const A = () => useTiledesk();\n')).toMatch(/app\/a\.tsx uses useTiledesk but/);
    expect(nextClientComponentProblem("// app/a.tsx\n'use client';\nexport const A = () => useTiledesk();\n")).toBeNull();
    expect(nextClientComponentProblem('// main.tsx\nexport const A = () => useTiledesk();\n')).toBeNull();
  });

  it('finds a token fetch without the JSON content type, and accepts one with it', () => {
    expect(tokenFetchesWithoutJson("fetch('/api/tiledesk-token', { method: 'POST', credentials: 'include' })")).toHaveLength(1);
    expect(
      tokenFetchesWithoutJson("fetch('/api/tiledesk-token', { method: 'POST', headers: { 'Content-Type': 'application/json' } })"),
    ).toEqual([]);
    expect(tokenFetchesWithoutJson("fetch('/api/config')")).toEqual([]);
  });

  it("wants a token fetch to turn the endpoint's 401 into null", () => {
    expect(mapsNotSignedInToNull("await fetch('/api/tiledesk-token'); if (!response.ok) throw new Error();")).toBe(false);
    expect(mapsNotSignedInToNull("await fetch('/api/tiledesk-token'); if (response.status === 401) return null;")).toBe(true);
    expect(mapsNotSignedInToNull("await fetch('/api/config');")).toBe(true);
    const angular = "http.post<{ token: string }>('/api/tiledesk-token', {}).pipe(map((body) => body.token))";
    expect(mapsNotSignedInToNull(angular)).toBe(false);
    expect(mapsNotSignedInToNull(`${angular}.pipe(catchError((e) => (e.status === 401 ? of(null) : throwError(() => e))))`)).toBe(true);
  });

  it('names the npm scripts of a shell block that package.json lacks', () => {
    const [block] = markdownBlocks('x.md', '```sh\nnpm run build && npm run nope\nnpm test\n```\n');
    expect(unknownNpmScripts(block, { build: 'nx build' })).toEqual(['nope', 'test']);
  });

  it('names the Nx projects of a shell block that the workspace lacks', () => {
    const [block] = markdownBlocks('x.md', '```sh\nnpx nx test core\nnpx nx build cor\nnx run bench:test\nnx run-many -t test\n```\n');
    expect(unknownNxProjects(block, new Set(['core']))).toEqual(['cor', 'bench']);
  });
});
