import type { MarkdownBlock } from './markdown-blocks';

/**
 * Next.js runs a file of the app router on the server unless it starts with `'use client'`; a
 * React hook or the provider there fails at run time, which no type-check sees. Returns what is
 * wrong with a block named `app/...`, or null.
 *
 * @example
 * ```ts
 * nextClientComponentProblem("// app/x.tsx\nuseTiledesk();\n"); // "calls useTiledesk but ..."
 * ```
 */
export function nextClientComponentProblem(code: string): string | null {
  const lines = code.split('\n');
  const named = /^\/\/\s*(app\/\S+\.[jt]sx?)\b/.exec(lines[0] ?? '');
  if (!named) return null;
  const clientOnly = /\b(use[A-Z]\w*)\s*\(|<(TiledeskProvider)\b/.exec(code);
  if (!clientOnly) return null;
  const firstStatement = lines.find((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  if (firstStatement !== undefined && /^\s*['"]use client['"];?\s*$/.test(firstStatement)) return null;
  return `${named[1]} uses ${clientOnly[1] ?? clientOnly[2]} but does not start with 'use client' (Next.js would run it on the server)`;
}

/**
 * `@tiledesk-auth/server`'s endpoint answers 403 to a request that is not
 * `Content-Type: application/json`. Returns every `fetch()` of the token endpoint in the code
 * that does not send that header.
 *
 * @example
 * ```ts
 * tokenFetchesWithoutJson("fetch('/api/tiledesk-token', { method: 'POST' })"); // ["fetch('/api/tiledesk-token', ..."]
 * ```
 */
export function tokenFetchesWithoutJson(code: string): string[] {
  const missing: string[] = [];
  for (let start = code.indexOf('fetch('); start !== -1; start = code.indexOf('fetch(', start + 1)) {
    const call = callText(code, start + 'fetch'.length);
    if (call.includes('tiledesk-token') && !/['"]?Content-Type['"]?\s*:\s*['"]application\/json['"]/i.test(call)) {
      missing.push(`fetch${call.replace(/\s+/g, ' ').slice(0, 60)}...`);
    }
  }
  return missing;
}

/**
 * Whether a block that asks the token endpoint for a token (`fetch()` or Angular's
 * `HttpClient.post()`) turns its 401 (nobody is signed in) into `null`, which the libraries take
 * as "signed out" rather than an error.
 *
 * @example
 * ```ts
 * mapsNotSignedInToNull("fetch('/api/tiledesk-token'); if (response.status === 401) return null;"); // true
 * ```
 */
export function mapsNotSignedInToNull(code: string): boolean {
  if (!/(?:fetch|\.post(?:<[^>]*>)?)\(\s*['"`][^'"`]*tiledesk-token/.test(code)) return true;
  return /status\s*===\s*401\)?\s*(?:return\s+null|\?\s*(?:of\()?null)/.test(code);
}

// The text of a call's parentheses, from the "(" at `open` to its matching ")".
function callText(code: string, open: number): string {
  let depth = 0;
  for (let index = open; index < code.length; index += 1) {
    if (code[index] === '(') depth += 1;
    else if (code[index] === ')') {
      depth -= 1;
      if (depth === 0) return code.slice(open, index + 1);
    }
  }
  return code.slice(open);
}

/**
 * The `npm run <script>` commands of a shell block whose script the workspace's package.json
 * does not have.
 *
 * @example
 * ```ts
 * unknownNpmScripts({ language: 'sh', code: 'npm run nope\n' } as MarkdownBlock, { test: 'jest' }); // ['nope']
 * ```
 */
export function unknownNpmScripts(block: MarkdownBlock, scripts: Readonly<Record<string, string>>): string[] {
  if (block.language !== 'sh' && block.language !== 'bash') return [];
  const unknown: string[] = [];
  for (const match of block.code.matchAll(/(?:^|[\s;&|(])npm run ([\w:.-]+)/g)) {
    if (!(match[1] in scripts)) unknown.push(match[1]);
  }
  for (const match of block.code.matchAll(/(?:^|[\s;&|(])npm (test|start)\b/g)) {
    if (!(match[1] in scripts)) unknown.push(match[1]);
  }
  return unknown;
}

// Nx commands whose next word is not a project.
const nxCommandsWithoutProject = new Set([
  'run',
  'run-many',
  'affected',
  'show',
  'graph',
  'reset',
  'report',
  'list',
  'daemon',
  'exec',
  'release',
]);

/**
 * The projects named by `nx <target> <project>` and `nx run <project>:<target>` in a shell block
 * that the workspace does not have.
 *
 * @example
 * ```ts
 * unknownNxProjects({ language: 'sh', code: 'npx nx test cor\n' } as MarkdownBlock, new Set(['core'])); // ['cor']
 * ```
 */
export function unknownNxProjects(block: MarkdownBlock, projects: ReadonlySet<string>): string[] {
  if (block.language !== 'sh' && block.language !== 'bash') return [];
  const named: string[] = [];
  for (const match of block.code.matchAll(/(?:^|[\s;&|(])nx ([\w-]+) ([\w-]+)/g)) {
    if (!nxCommandsWithoutProject.has(match[1])) named.push(match[2]);
  }
  for (const match of block.code.matchAll(/(?:^|[\s;&|(])nx run ([\w-]+):/g)) named.push(match[1]);
  return named.filter((project) => !projects.has(project));
}
