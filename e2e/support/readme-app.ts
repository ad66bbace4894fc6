import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createConsumerApp, type ConsumerApp } from './consumer-app';

const root = resolve(__dirname, '../..');
// A scratch copy of the READMEs to read instead of the workspace's: break a block there and the
// setup's spec must fail (E2E_README_ROOT=/tmp/copy, holding libs/*/README.md).
const readmeRoot = process.env['E2E_README_ROOT'] ?? root;

/**
 * A file of a user's app as a README gives it: a code block whose first line names the file
 * (`// app/layout.tsx`, `<!-- index.html: ... -->`, `# .env.local`).
 *
 * @example
 * ```ts
 * const file: ReadmeFile = { path: 'main.ts', text: "// main.ts\nimport '@tiledesk-auth/core';\n", source: 'libs/core/README.md:18' };
 * ```
 */
export interface ReadmeFile {
  /** Where the user saves it, relative to the app's folder. */
  readonly path: string;
  /** The block's text, ending with a newline. */
  readonly text: string;
  /** `README:line` of the block's opening fence, for error messages. */
  readonly source: string;
}

/**
 * What some sections of a README give a user: the files its blocks name and the packages its
 * `npm install` lines add.
 *
 * @example
 * ```ts
 * const { files, installs } = await readmeSetup('libs/core/README.md', ['Quick start (no framework)']);
 * installs; // ['@tiledesk-auth/core']
 * ```
 */
export interface ReadmeSetup {
  readonly files: readonly ReadmeFile[];
  /** Package names of every `npm install` line of the sections (flags left out), in order. */
  readonly installs: readonly string[];
}

const fencePattern = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const headingPattern = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
// The same first-line rule as the snippet checker's (`// app/layout.tsx`, `// jest.config.cjs: ...`),
// for any extension and for the comment syntax of HTML and of shell / dotenv files.
const firstLineName = /^(?:\/\/|#|<!--)\s*((?:[\w.@[\]-]+\/)*[\w@[\]-]*\.[\w.-]+)(?=$|[\s:])/;
const installLine = /^\s*npm\s+(?:install|i|add)\s+(.+)$/;

/**
 * Reads the blocks of the named sections of a README (a section runs from its heading to the next
 * heading of the same or a higher level, subsections included). Blocks that name no file (install
 * commands, fragments, output) are left out; install lines count in those sections and in the
 * README's introduction (before its first `##` heading), which holds for every section. Throws
 * when a section is missing or names one file twice with different text.
 *
 * @example
 * ```ts
 * const next = await readmeSetup('libs/react/README.md', ['Quick start (Next.js app router)']);
 * next.files.map((file) => file.path); // ['app/api/tiledesk-token/route.ts', 'app/tiledesk.tsx', ...]
 * ```
 */
export async function readmeSetup(readme: string, sections: readonly string[]): Promise<ReadmeSetup> {
  return parseReadmeSetup(readme, await readFile(join(readmeRoot, readme), 'utf8'), sections);
}

/**
 * {@link readmeSetup} of a Markdown text already read (`readme` names it in messages).
 *
 * @example
 * ```ts
 * parseReadmeSetup('x.md', '## Setup\n\n```ts\n// a.ts\nexport {};\n```\n', ['Setup']).files[0].path; // 'a.ts'
 * ```
 */
export function parseReadmeSetup(readme: string, markdown: string, sections: readonly string[]): ReadmeSetup {
  const lines = markdown.split(/\r?\n/);
  const files: ReadmeFile[] = [];
  const installs: string[] = [];
  const found = new Set<string>();
  let sectionLevel: number | undefined;
  // Until the first heading below the title: the README's introduction, whose install line holds for every section.
  let inIntroduction = true;
  let index = 0;
  while (index < lines.length) {
    const heading = headingPattern.exec(lines[index]);
    if (heading) {
      const level = heading[1].length;
      if (level > 1) inIntroduction = false;
      if (sectionLevel !== undefined && level <= sectionLevel) sectionLevel = undefined;
      if (sectionLevel === undefined && sections.includes(heading[2])) {
        sectionLevel = level;
        found.add(heading[2]);
      }
      index += 1;
      continue;
    }
    const opening = fencePattern.exec(lines[index]);
    if (!opening) {
      index += 1;
      continue;
    }
    const [, indent, fence] = opening;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !isClosingFence(lines[end], fence)) {
      body.push(lines[end].startsWith(indent) ? lines[end].slice(indent.length) : lines[end].trimStart());
      end += 1;
    }
    if (end === lines.length) throw new Error(`${readme}:${index + 1}: code block is never closed`);
    if (sectionLevel !== undefined) {
      const source = `${readme}:${index + 1}`;
      const text = body.join('\n') + '\n';
      const path = firstLineName.exec(body[0] ?? '')?.[1];
      if (path !== undefined) files.push({ path, text, source });
      for (const line of body) installs.push(...packagesOf(line));
    } else if (inIntroduction) {
      for (const line of body) installs.push(...packagesOf(line));
    }
    index = end + 1;
  }
  const missing = sections.filter((section) => !found.has(section));
  if (missing.length > 0) throw new Error(`${readme} has no section ${missing.map((name) => `"${name}"`).join(', ')}`);
  return { files: mergeFiles(files), installs: [...new Set(installs)] };
}

/**
 * The files of several README setups as one app: a path given twice must have the same text (two
 * READMEs showing one file must agree), and is written once.
 *
 * @example
 * ```ts
 * const files = mergeFiles([...next.files, ...server.files]);
 * ```
 */
export function mergeFiles(files: readonly ReadmeFile[]): ReadmeFile[] {
  const byPath = new Map<string, ReadmeFile>();
  for (const file of files) {
    const earlier = byPath.get(file.path);
    if (earlier === undefined) byPath.set(file.path, file);
    else if (earlier.text !== file.text) {
      throw new Error(`${file.path} differs between ${earlier.source} and ${file.source}: a user cannot follow both`);
    }
  }
  return [...byPath.values()];
}

/**
 * The `KEY=value` lines of a dotenv file (comments and blank lines left out).
 *
 * @example
 * ```ts
 * dotenvValues({ path: '.env.local', text: 'A=1\n# note\n', source: 'x' }); // { A: '1' }
 * ```
 */
export function dotenvValues(file: ReadmeFile): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of file.text.split('\n')) {
    const pair = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (pair) values[pair[1]] = pair[2].trim();
  }
  return values;
}

/**
 * The one file of `files` at `path`; throws naming what is there otherwise.
 *
 * @example
 * ```ts
 * const env = fileAt(offline.files, '.env.local');
 * ```
 */
export function fileAt(files: readonly ReadmeFile[], path: string): ReadmeFile {
  const file = files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`no README block names ${path} (found: ${files.map((other) => other.path).join(', ')})`);
  return file;
}

function packagesOf(line: string): string[] {
  const install = installLine.exec(line.replace(/\s+#.*$/, ''));
  if (!install) return [];
  return install[1].split(/\s+/).filter((word) => word !== '' && !word.startsWith('-'));
}

function isClosingFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(fence) && /^(`+|~+)$/.test(trimmed) && trimmed[0] === fence[0];
}

/**
 * The offline settings of libs/testing's README (its `.env.local` block: the project's id and
 * secret, the browser's project id and widget URL), with the README's emulator address
 * (`http://127.0.0.1:4400`) replaced by the address of the emulator the test started.
 *
 * @example
 * ```ts
 * const offline = await offlineSettings(emulator.url);
 * emulator.createProject({ id: offline.TILEDESK_PROJECT_ID, secret: offline.TILEDESK_SHARED_SECRET });
 * ```
 */
export async function offlineSettings(emulatorUrl: string): Promise<Record<string, string>> {
  const offline = await readmeSetup('libs/testing/README.md', ['Your own app against the emulator, offline']);
  const values = dotenvValues(fileAt(offline.files, '.env.local'));
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.replaceAll(README_EMULATOR_ADDRESS, emulatorUrl)]));
}

/**
 * A throwaway app holding exactly the README's files: the `@tiledesk-auth/*` packages of its
 * install lines copied from dist/libs, its other packages and `framework` (what the framework's
 * own generator installs: vite, next, @angular/...) linked from the workspace.
 *
 * @example
 * ```ts
 * const app = await createReadmeApp(setup, ['vite']);
 * ```
 */
export async function createReadmeApp(setup: ReadmeSetup, framework: readonly string[]): Promise<ConsumerApp> {
  const scope = '@tiledesk-auth/';
  const packages = setup.installs.filter((name) => name.startsWith(scope)).map((name) => name.slice(scope.length));
  const dependencies = [...new Set([...setup.installs.filter((name) => !name.startsWith(scope)), ...framework])];
  const app = await createConsumerApp({ packages, dependencies });
  for (const file of setup.files) await app.write(file.path, file.text);
  return app;
}

/**
 * Two README setups followed one after the other, as one app.
 *
 * @example
 * ```ts
 * const setup = combine(await readmeSetup(core, [...]), await readmeSetup(server, ['Express']));
 * ```
 */
export function combine(...setups: readonly ReadmeSetup[]): ReadmeSetup {
  return { files: mergeFiles(setups.flatMap((setup) => setup.files)), installs: [...new Set(setups.flatMap((setup) => setup.installs))] };
}

/**
 * The visitor every README setup signs in: the user the app's own login knows.
 *
 * @example
 * ```ts
 * assert.equal(await page.textContent('#user'), `${projectId}_${README_USER.id}`);
 * ```
 */
export const README_USER = { id: 'ada', email: 'ada@example.com', name: 'Ada' } as const;

/**
 * The one file of an Express setup no README can give: the app's own login (`server/login.ts`,
 * which the README's `server/app.ts` mounts). This stand-in has every visitor signed in as
 * {@link README_USER}.
 *
 * @example
 * ```ts
 * await app.write('server/login.ts', EXPRESS_LOGIN_STAND_IN);
 * ```
 */
export const EXPRESS_LOGIN_STAND_IN = `import type { RequestHandler } from 'express';
export const login: RequestHandler = (request, _response, next) => {
  request.session.user ??= { id: ${JSON.stringify(README_USER.id)}, email: ${JSON.stringify(README_USER.email)} };
  next();
};
`;

/**
 * The emulator address the READMEs use (`npx tiledesk-emulator --port 4400`); a test's emulator
 * listens on a free port instead.
 *
 * @example
 * ```ts
 * text.replaceAll(README_EMULATOR_ADDRESS, emulator.url);
 * ```
 */
export const README_EMULATOR_ADDRESS = 'http://127.0.0.1:4400';

/**
 * The setup as a user whose emulator listens at `emulatorUrl` writes it: the README's emulator
 * address replaced in every file (the Angular environment file names it).
 *
 * @example
 * ```ts
 * const setup = atEmulator(await readmeSetup('libs/angular/README.md', ['Quick start: standalone']), emulator.url);
 * ```
 */
export function atEmulator(setup: ReadmeSetup, emulatorUrl: string): ReadmeSetup {
  return { ...setup, files: setup.files.map((file) => ({ ...file, text: file.text.replaceAll(README_EMULATOR_ADDRESS, emulatorUrl) })) };
}
