import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runNode, withLimit, type ChildOutcome } from './child-process';
import type { MarkdownBlock } from './markdown-blocks';
import { writeSnippetFiles, type SnippetFile } from './snippet-files';

/**
 * A compiler error, placed on the README line it comes from.
 *
 * @example
 * ```ts
 * const problem: SnippetProblem = { where: 'libs/server/README.md:25:3', message: "TS2304: Cannot find name 'x'." };
 * ```
 */
export interface SnippetProblem {
  readonly where: string;
  readonly message: string;
}

/**
 * What checking a set of blocks found: the compile problems of each block, problems in the
 * stubs and preludes, and how each `run` block's process ended.
 *
 * @example
 * ```ts
 * const result = await checkSnippets(blocks, workspaceRoot);
 * result.problemsOf(block); // [] when the block compiles
 * ```
 */
export interface SnippetCheckResult {
  readonly files: readonly SnippetFile[];
  problemsOf(block: MarkdownBlock): SnippetProblem[];
  runOf(block: MarkdownBlock): ChildOutcome | undefined;
  /** Errors in files the checker wrote around the blocks (stubs, preludes, generated config). */
  readonly setupProblems: readonly SnippetProblem[];
}

interface RawDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  code: number;
  message: string;
}

const typecheckScript = join('tools', 'readme-snippets', 'src', 'typecheck-snippets.mts');

/**
 * Writes the blocks as modules under `<workspace>/tmp/readme-snippets/`, type-checks them all in
 * one Angular compiler program and runs the `run` blocks in Node (two at a time, beside the
 * type-check), then removes what it wrote.
 *
 * @example
 * ```ts
 * const result = await checkSnippets(blocks, '/work/main');
 * ```
 */
export async function checkSnippets(blocks: readonly MarkdownBlock[], workspaceRoot: string): Promise<SnippetCheckResult> {
  const parent = join(workspaceRoot, 'tmp', 'readme-snippets');
  mkdirSync(parent, { recursive: true });
  // A folder per run: two engineers (or two Jest workers) never share one.
  const runDir = mkdtempSync(join(parent, 'run-'));
  try {
    const files = writeSnippetFiles(blocks, workspaceRoot, runDir);
    const tsconfig = join(runDir, 'tsconfig.json');
    const env = runEnvironment(tsconfig);
    const runnable = files.filter((file) => file.block.directions.run === true);
    const [typecheck, outcomes] = await Promise.all([
      runNode(['--import', 'tsx', join(workspaceRoot, typecheckScript), tsconfig], { cwd: workspaceRoot, env, timeoutMs: 120_000 }),
      withLimit(
        2,
        runnable.map((file) => () => runNode(['--import', 'tsx', file.path], { cwd: dirname(file.path), env, timeoutMs: 60_000 })),
      ),
    ]);
    if (typecheck.exitCode !== 0) throw new Error(`the type-check process failed (${typecheck.exitCode}):\n${typecheck.stderr}`);
    const diagnostics = JSON.parse(typecheck.stdout) as RawDiagnostic[];
    return assemble(files, diagnostics, new Map(runnable.map((file, index) => [file.block, outcomes[index]])), runDir);
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

// Values the README snippets read from the environment, as a reader's server would have them.
function runEnvironment(tsconfig: string): NodeJS.ProcessEnv {
  const projectId = randomBytes(12).toString('hex');
  return {
    ...process.env,
    TSX_TSCONFIG_PATH: tsconfig,
    TILEDESK_PROJECT_ID: projectId,
    NEXT_PUBLIC_TILEDESK_PROJECT_ID: projectId,
    TILEDESK_SHARED_SECRET: randomUUID(),
    SESSION_SECRET: randomBytes(24).toString('hex'),
    NODE_ENV: 'test',
  };
}

function assemble(
  files: readonly SnippetFile[],
  diagnostics: readonly RawDiagnostic[],
  runs: ReadonlyMap<MarkdownBlock, ChildOutcome>,
  runDir: string,
): SnippetCheckResult {
  const byBlock = new Map<MarkdownBlock, SnippetProblem[]>();
  const setupProblems: SnippetProblem[] = [];
  for (const diagnostic of diagnostics) {
    const file = files.find((candidate) => candidate.path === diagnostic.file);
    const message = `TS${diagnostic.code}: ${diagnostic.message}`;
    const inBlock =
      file && diagnostic.line !== null && diagnostic.line > file.preludeLines && diagnostic.line <= file.preludeLines + file.codeLines;
    if (file && diagnostic.line !== null && inBlock) {
      const line = file.firstCodeLine + diagnostic.line - 1 - file.preludeLines;
      const problems = byBlock.get(file.block) ?? [];
      problems.push({ where: `${file.block.readme}:${line}:${diagnostic.column ?? 1}`, message });
      byBlock.set(file.block, problems);
    } else if (file) {
      const part =
        diagnostic.line !== null && diagnostic.line > file.preludeLines
          ? `epilogue "${file.block.directions.after}"`
          : `prelude "${file.block.directions.prelude}"`;
      setupProblems.push({ where: `${part} of ${file.block.readme}:${file.block.line}`, message });
    } else if (diagnostic.file === null || diagnostic.file.startsWith(runDir)) {
      // Errors in the workspace libraries themselves are their own projects' typecheck's business.
      setupProblems.push({ where: diagnostic.file?.slice(runDir.length + 1) ?? 'the compiler options', message });
    }
  }
  return {
    files,
    setupProblems,
    problemsOf: (block) => byBlock.get(block) ?? [],
    runOf: (block) => runs.get(block),
  };
}
