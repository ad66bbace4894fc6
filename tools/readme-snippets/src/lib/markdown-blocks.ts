/**
 * One fenced code block of a Markdown file, with the `<!-- snippet: ... -->` directions written
 * just above it.
 *
 * @example
 * ```ts
 * const [first] = markdownBlocks('README.md', '```ts\nconst x = 1;\n```\n');
 * first.language; // 'ts'
 * ```
 */
export interface MarkdownBlock {
  /** The Markdown file, relative to the workspace root. */
  readonly readme: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** First word of the info string (`ts`, `tsx`, `sh`...); `''` for a bare fence. */
  readonly language: string;
  /** The block's text, fence indentation removed, ending with a newline. */
  readonly code: string;
  /** What the marker comment above the block asks for; empty when there is none. */
  readonly directions: SnippetDirections;
}

/**
 * What a `<!-- snippet: ... -->` comment asks the checker to do with the block below it.
 *
 * @example
 * ```ts
 * parseDirections('run prelude=emulator'); // { run: true, prelude: 'emulator' }
 * parseDirections('run after=post-token'); // { run: true, after: 'post-token' }
 * ```
 */
export interface SnippetDirections {
  /** Run the block in Node after it compiled; it must exit 0 on its own. */
  readonly run?: boolean;
  /** Not compiled, for this reason (required). */
  readonly skipReason?: string;
  /** Name of the README's prelude to put before the block. */
  readonly prelude?: string;
  /** Name of the README's epilogue to put after the block (code that uses what the block made). */
  readonly after?: string;
}

const fencePattern = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const markerPattern = /^\s*<!--\s*snippet:\s*(.*?)\s*-->\s*$/;

/**
 * Reads the words of a snippet marker. `skip <reason>` takes the rest of the line as its reason.
 *
 * @example
 * ```ts
 * parseDirections('skip a type summary, not code to copy'); // { skipReason: 'a type summary, not code to copy' }
 * ```
 */
export function parseDirections(text: string): SnippetDirections {
  const skip = /^skip\b\s*(.*)$/.exec(text);
  if (skip) {
    const reason = skip[1].trim();
    if (reason === '') throw new Error('a "snippet: skip" marker needs a reason: <!-- snippet: skip because ... -->');
    return { skipReason: reason };
  }
  let run = false;
  let prelude: string | undefined;
  let after: string | undefined;
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (word === 'run') run = true;
    else if (word.startsWith('prelude=')) prelude = word.slice('prelude='.length);
    else if (word.startsWith('after=')) after = word.slice('after='.length);
    else throw new Error(`unknown snippet direction "${word}" (known: run, prelude=NAME, after=NAME, skip REASON)`);
  }
  return { ...(run ? { run } : {}), ...(prelude === undefined ? {} : { prelude }), ...(after === undefined ? {} : { after }) };
}

/**
 * Every fenced code block of a Markdown text, in order, with its marker.
 *
 * @example
 * ```ts
 * markdownBlocks('libs/server/README.md', readFileSync('libs/server/README.md', 'utf8'));
 * ```
 */
export function markdownBlocks(readme: string, markdown: string): MarkdownBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: MarkdownBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const opening = fencePattern.exec(lines[index]);
    if (!opening) {
      index += 1;
      continue;
    }
    const [, indent, fence, language] = opening;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !isClosingFence(lines[end], fence)) {
      body.push(lines[end].startsWith(indent) ? lines[end].slice(indent.length) : lines[end].trimStart());
      end += 1;
    }
    if (end === lines.length) throw new Error(`${readme}:${index + 1}: code block is never closed`);
    blocks.push({
      readme,
      line: index + 1,
      language: language.toLowerCase(),
      code: body.join('\n') + '\n',
      directions: markerAbove(lines, index, readme),
    });
    index = end + 1;
  }
  return blocks;
}

function isClosingFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(fence) && /^(`+|~+)$/.test(trimmed) && trimmed[0] === fence[0];
}

// The marker must sit right above the fence (blank lines allowed), so that it cannot drift onto
// another block when text is inserted between them.
function markerAbove(lines: readonly string[], fenceIndex: number, readme: string): SnippetDirections {
  let above = fenceIndex - 1;
  while (above >= 0 && lines[above].trim() === '') above -= 1;
  const marker = above >= 0 ? markerPattern.exec(lines[above]) : null;
  if (!marker) return {};
  try {
    return parseDirections(marker[1]);
  } catch (error) {
    throw new Error(`${readme}:${above + 1}: ${(error as Error).message}`);
  }
}
