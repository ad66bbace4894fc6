// Every code block a reader copies from a README or docs page is compiled (strict TypeScript,
// strict Angular templates), and the blocks marked `run` are run in Node: a README change that
// breaks a snippet fails this spec. How it works: tools/readme-snippets/README.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSnippets, type SnippetCheckResult, type SnippetProblem } from './lib/check-snippets';
import { markdownBlocks, type MarkdownBlock } from './lib/markdown-blocks';
import { brokenLinks } from './lib/markdown-links';
import { documentationLanguages, isCompiled, moduleCode } from './lib/snippet-files';
import {
  mapsNotSignedInToNull,
  nextClientComponentProblem,
  tokenFetchesWithoutJson,
  unknownNpmScripts,
  unknownNxProjects,
} from './lib/snippet-rules';
import { workspaceProjects, workspaceReadmes } from './lib/workspace-readmes';

const workspaceRoot = join(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(workspaceRoot, path), 'utf8');
const readmes = workspaceReadmes(workspaceRoot).map((readme) => ({ readme, blocks: markdownBlocks(readme, read(readme)) }));
const canaryReadme = 'tools/readme-snippets/src/fixtures/broken-snippets.md';
const [brokenTypes, brokenRun] = markdownBlocks(canaryReadme, read(canaryReadme));
const nxProjects = workspaceProjects(workspaceRoot);
const npmScripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

let result: SnippetCheckResult;

beforeAll(async () => {
  result = await checkSnippets([...readmes.flatMap((entry) => entry.blocks), brokenTypes, brokenRun], workspaceRoot);
}, 240_000);

const describeProblems = (problems: readonly SnippetProblem[]): string[] =>
  problems.map((problem) => `${problem.where} ${problem.message}`);

function runReport(block: MarkdownBlock): string {
  const outcome = result.runOf(block);
  if (!outcome) return 'never ran';
  if (outcome.timedOut) return `did not exit within 60 s (a server or timer left open?)\n${outcome.stderr}`;
  return outcome.exitCode === 0 ? 'exit 0' : `exit ${outcome.exitCode}\n${outcome.stderr}`;
}

describe('the checker', () => {
  it('reports a type error on the README line it is on', () => {
    expect(describeProblems(result.problemsOf(brokenTypes))).toEqual([
      expect.stringMatching(new RegExp(`^${canaryReadme}:9:7 TS2322: Type 'string' is not assignable to type 'number'`)),
    ]);
  });

  it('fails a run block that throws', () => {
    expect(runReport(brokenRun)).toMatch(/^exit 1\n[\s\S]*this snippet fails on purpose/);
  });

  it('finds its stubs and preludes free of errors', () => {
    expect(describeProblems(result.setupProblems)).toEqual([]);
  });
});

describe.each(readmes)('$readme', ({ readme, blocks }) => {
  it('names the language of every code block', () => {
    const unnamed = blocks.filter((block) => block.language === '').map((block) => `${readme}:${block.line}`);
    expect(unnamed).toEqual([]);
  });

  it('has no block in a language the checker neither compiles nor knows as documentation', () => {
    const unknown = blocks
      .filter((block) => block.language !== '' && !isCompiled(block) && block.directions.skipReason === undefined)
      .filter((block) => !documentationLanguages.has(block.language))
      .map((block) => `${readme}:${block.line} ${block.language}`);
    expect(unknown).toEqual([]);
  });

  for (const block of blocks.filter(isCompiled).filter((candidate) => moduleCode(candidate) !== null)) {
    it(`L${block.line} (${block.language}) compiles`, () => {
      expect(describeProblems(result.problemsOf(block))).toEqual([]);
    });
    if (block.directions.run === true) {
      it(`L${block.line} (${block.language}) runs in Node and exits 0`, () => {
        expect(runReport(block)).toBe('exit 0');
      });
    }
  }

  it("starts every Next.js app-router file that uses a hook or the provider with 'use client'", () => {
    const problems = blocks
      .filter(isCompiled)
      .map((block) => nextClientComponentProblem(block.code))
      .filter((problem) => problem !== null);
    expect(problems).toEqual([]);
  });

  it('sends Content-Type: application/json with every fetch of the token endpoint', () => {
    const problems = blocks
      .filter(isCompiled)
      .flatMap((block) => tokenFetchesWithoutJson(block.code).map((call) => `${readme}:${block.line} ${call}`));
    expect(problems).toEqual([]);
  });

  it("turns the token endpoint's 401 into null wherever it fetches a token", () => {
    const problems = blocks
      .filter(isCompiled)
      .filter((block) => !mapsNotSignedInToNull(block.code))
      .map((block) => `${readme}:${block.line}`);
    expect(problems).toEqual([]);
  });

  it('names only npm scripts that exist', () => {
    const problems = blocks.flatMap((block) =>
      unknownNpmScripts(block, npmScripts).map((script) => `${readme}:${block.line} npm run ${script}`),
    );
    expect(problems).toEqual([]);
  });

  it('links only to files and headings that exist', () => {
    expect(brokenLinks(readme, read(readme), workspaceRoot)).toEqual([]);
  });

  it('names only Nx projects that exist', () => {
    const problems = blocks.flatMap((block) =>
      unknownNxProjects(block, nxProjects).map((project) => `${readme}:${block.line} nx ... ${project}`),
    );
    expect(problems).toEqual([]);
  });
});
