import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/**
 * The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens.
 *
 * @example
 * ```ts
 * headingAnchor('Your own app against the emulator, offline'); // 'your-own-app-against-the-emulator-offline'
 * ```
 */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

// The Markdown outside fenced code blocks: links and headings in code are not links.
function proseLines(markdown: string): string[] {
  const prose: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (marker && (fence === null || (marker[1][0] === fence[0] && marker[1].length >= fence.length && line.trim() === marker[1]))) {
      fence = fence === null ? marker[1] : null;
      continue;
    }
    if (fence === null) prose.push(line);
  }
  return prose;
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) anchors.add(headingAnchor(heading[1]));
  }
  return anchors;
}

/**
 * The relative links of a Markdown file (`[text](../x/README.md#part)`, `[text](#part)`) whose
 * file does not exist or whose heading anchor is not in that Markdown file.
 *
 * @example
 * ```ts
 * brokenLinks('libs/react/README.md', '[x](../nope.md)', '/work/main'); // ['../nope.md']
 * ```
 */
export function brokenLinks(readme: string, markdown: string, workspaceRoot: string): string[] {
  const broken: string[] = [];
  for (const line of proseLines(markdown)) {
    // A link inside an inline code span is an example, not a link.
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1];
      if (/^[a-z][a-z+.-]*:/i.test(target)) continue;
      const [path, anchor] = target.split('#', 2);
      if (path === '') {
        if (!anchorsOf(markdown).has(anchor)) broken.push(target);
        continue;
      }
      const file = normalize(join(workspaceRoot, dirname(readme), path));
      if (!existsSync(file)) broken.push(target);
      else if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(readFileSync(file, 'utf8')).has(anchor)) broken.push(target);
    }
  }
  return broken;
}
