import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { MarkdownBlock } from './markdown-blocks';
import { packageStubs, readmeSettings } from './snippet-settings';

/**
 * A code block written out as a module a reader would have: its own file, importing the
 * workspace packages by their public names, with the prelude it asked for on top.
 *
 * @example
 * ```ts
 * const files = writeSnippetFiles(blocks, '/work/main', '/work/main/tmp/readme-snippets/run-1');
 * files[0].path; // '/work/main/tmp/readme-snippets/run-1/libs-server/snippet-L20.ts'
 * ```
 */
export interface SnippetFile {
  readonly block: MarkdownBlock;
  /** Absolute path of the written module. */
  readonly path: string;
  /** Lines of prelude above the block's first line in that file. */
  readonly preludeLines: number;
  /** Lines of the block itself (an epilogue follows them). */
  readonly codeLines: number;
  /** README line of the block's first code line. */
  readonly firstCodeLine: number;
}

/** Languages whose blocks are compiled, with the file extension they are written with. */
const compiledLanguages: Readonly<Record<string, string>> = {
  ts: 'ts',
  tsx: 'tsx',
  js: 'js',
  jsx: 'jsx',
  mjs: 'mjs',
  cjs: 'cjs',
  html: 'js',
};

/**
 * Languages that are documentation, not code to compile (shell sessions, output, data).
 *
 * @example
 * ```ts
 * documentationLanguages.has('sh'); // true
 * ```
 */
export const documentationLanguages: ReadonlySet<string> = new Set(['sh', 'bash', 'console', 'text', 'json', 'diff', 'http', 'md']);

// A first line naming the reader's file ("// app/layout.tsx", "// jest.config.cjs: ...").
const fileNameComment = /^\/\/\s*([\w.@[\]/-]+\.(?:[cm]?[jt]sx?))(?=$|[\s:])/;
const inlineModuleScript = /<script type="module">\n([\s\S]*?)<\/script>/;

/**
 * Whether the block is code the checker compiles (a known language, no skip marker).
 *
 * @example
 * ```ts
 * isCompiled({ language: 'sh', directions: {} } as MarkdownBlock); // false
 * ```
 */
export function isCompiled(block: MarkdownBlock): boolean {
  return block.directions.skipReason === undefined && block.language in compiledLanguages;
}

/**
 * The code of a block as a module: the block itself, or the inline `<script type="module">` of
 * an HTML block (null when it has none).
 *
 * @example
 * ```ts
 * moduleCode({ language: 'ts', code: 'export {};\n', line: 1 } as MarkdownBlock); // { code: 'export {};\n', firstCodeLine: 2 }
 * ```
 */
export function moduleCode(block: MarkdownBlock): { code: string; firstCodeLine: number } | null {
  if (block.language !== 'html') return { code: block.code, firstCodeLine: block.line + 1 };
  const script = inlineModuleScript.exec(block.code);
  if (!script) return null;
  const linesBefore = block.code.slice(0, script.index).split('\n').length;
  return { code: script[1], firstCodeLine: block.line + linesBefore + 1 };
}

/**
 * Writes every compiled block, the stubs and links its README needs, a `tsconfig.json` and a
 * `package.json` (ES modules) into `runDir`. Returns the written modules.
 *
 * @example
 * ```ts
 * const files = writeSnippetFiles(blocks, workspaceRoot, runDir);
 * ```
 */
export function writeSnippetFiles(blocks: readonly MarkdownBlock[], workspaceRoot: string, runDir: string): SnippetFile[] {
  const files: SnippetFile[] = [];
  const readmes = new Set<string>();
  for (const block of blocks.filter(isCompiled)) {
    const module = moduleCode(block);
    if (!module) continue;
    const settings = readmeSettings[block.readme] ?? {};
    const prelude = namedCode(block, 'prelude', block.directions.prelude, settings.preludes ?? {});
    const epilogue = namedCode(block, 'epilogue', block.directions.after, settings.epilogues ?? {});
    const folder = join(runDir, readmeFolder(block.readme));
    const path = join(folder, fileName(block, module.code, files));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, prelude + module.code + epilogue);
    files.push({ block, path, preludeLines: lineCount(prelude), codeLines: lineCount(module.code), firstCodeLine: module.firstCodeLine });
    if (!readmes.has(block.readme)) {
      readmes.add(block.readme);
      for (const [stubPath, content] of Object.entries(settings.stubs ?? {})) writeFile(join(folder, stubPath), content);
      for (const [name, target] of Object.entries(settings.links ?? {}))
        symlinkSync(join(workspaceRoot, target), join(folder, name), 'dir');
    }
  }
  const stubPaths: Record<string, string[]> = {};
  for (const [specifier, content] of Object.entries(packageStubs)) {
    const stubFile = join(runDir, 'packages', `${specifier.replace(/[^\w]+/g, '-')}.ts`);
    writeFile(stubFile, content);
    stubPaths[specifier] = [stubFile];
  }
  writeWorkspaceConfig(workspaceRoot, runDir, files, stubPaths);
  return files;
}

/**
 * The snippet folder of a README: its path without `.md`, slashes as dashes.
 *
 * @example
 * ```ts
 * readmeFolder('libs/server/README.md'); // 'libs-server-README'
 * ```
 */
export function readmeFolder(readme: string): string {
  return readme.replace(/\.md$/, '').replace(/[^\w]+/g, '-');
}

function namedCode(block: MarkdownBlock, kind: string, name: string | undefined, named: Readonly<Record<string, string>>): string {
  if (name === undefined) return '';
  const code = named[name];
  if (code === undefined) {
    throw new Error(
      `${block.readme}:${block.line}: no ${kind} "${name}" for this README in tools/readme-snippets/src/lib/snippet-settings.ts`,
    );
  }
  return code;
}

// Lines of a text that ends with a newline (every block, prelude and epilogue does).
function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length - 1;
}

function fileName(block: MarkdownBlock, code: string, earlier: readonly SnippetFile[]): string {
  const named = fileNameComment.exec(code.split('\n', 1)[0]);
  const extension = compiledLanguages[block.language];
  const candidate = named ? named[1] : `snippet-L${block.line}.${extension}`;
  const taken = earlier.some((file) => file.block.readme === block.readme && file.path.endsWith(`/${candidate}`));
  return taken ? `L${block.line}-${candidate}` : candidate;
}

function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function writeWorkspaceConfig(
  workspaceRoot: string,
  runDir: string,
  files: readonly SnippetFile[],
  stubPaths: Record<string, string[]>,
): void {
  const basePath = join(workspaceRoot, 'tsconfig.base.json');
  const base = JSON.parse(readFileSync(basePath, 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  const tsconfig = {
    extends: basePath,
    compilerOptions: {
      baseUrl: workspaceRoot,
      rootDir: '/',
      noEmit: true,
      jsx: 'react-jsx',
      types: ['node'],
      allowJs: true,
      checkJs: true,
      // Every block is a module of its own, even one without import or export.
      moduleDetection: 'force',
      paths: {
        ...base.compilerOptions.paths,
        // What the package's "exports" map gives a reader for these subpaths.
        '@tiledesk-auth/testing/jest': ['./libs/testing/src/jest/widget-page.cjs'],
        ...stubPaths,
      },
    },
    files: files.map((file) => relative(runDir, file.path)),
    angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true },
  };
  writeFileSync(join(runDir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  writeFileSync(join(runDir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
}
