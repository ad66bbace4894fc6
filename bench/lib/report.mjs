/**
 * Turns figure rows into the one table `npm run bench` prints and records.
 *
 * @example
 * console.log(renderTable([row({ figure: 'x', ours: '1', anchors: '2', ratio: '0.50×', target: '≤ 1', met: true })]));
 */

/** The columns, in print order. */
export const COLUMNS = /** @type {const} */ (['figure', 'ours', 'anchor(s)', 'ratio', 'target', 'verdict']);

/**
 * @typedef {'met' | 'missed' | 'n/a (not built yet)' | 'error'} Verdict
 * @typedef {{ figure: string, ours: string, anchors: string, ratio: string, target: string, verdict: Verdict, notes: string[] }} Row
 */

/**
 * Builds a measured row; `met` decides the verdict. Throws when a field is missing, so a figure
 * script cannot silently print an empty cell.
 *
 * @param {{ figure: string, ours: string, anchors: string, ratio: string, target: string, met: boolean, notes?: string[] }} fields
 * @returns {Row}
 * @example
 * row({ figure: '1. size core', ours: '1.2 KB', anchors: '3 KB', ratio: '0.40×', target: '≤ 2 KB', met: true });
 */
export function row(fields) {
  for (const key of ['figure', 'ours', 'anchors', 'ratio', 'target']) {
    if (typeof fields[key] !== 'string' || fields[key] === '') {
      throw new TypeError(`row: "${key}" must be a non-empty string (figure ${fields.figure ?? '?'})`);
    }
  }
  if (typeof fields.met !== 'boolean') throw new TypeError(`row: "met" must be a boolean (figure ${fields.figure})`);
  return {
    figure: fields.figure,
    ours: fields.ours,
    anchors: fields.anchors,
    ratio: fields.ratio,
    target: fields.target,
    verdict: fields.met ? 'met' : 'missed',
    notes: fields.notes ?? [],
  };
}

/**
 * A row for a subject that does not exist yet in the workspace: anchors may still be measured.
 *
 * @param {{ figure: string, anchors?: string, target: string, missing: string }} fields
 * @returns {Row}
 * @example
 * notBuilt({ figure: '3. mint', anchors: 'raw 300k tok/s', target: '≥ 0.5×', missing: 'libs/server' });
 */
export function notBuilt(fields) {
  return {
    figure: fields.figure,
    ours: 'n/a (not built yet)',
    anchors: fields.anchors ?? 'n/a',
    ratio: 'n/a',
    target: fields.target,
    verdict: 'n/a (not built yet)',
    notes: [`${fields.figure}: ${fields.missing} is not in the workspace yet.`],
  };
}

/**
 * A row for a figure whose script crashed; the run still prints the table, then exits non-zero.
 *
 * @param {string} figure
 * @param {string} message
 * @param {{ anchors?: string, target?: string }} [known] what was measured before the crash
 * @returns {Row}
 * @example
 * crashed('2. time to signed-in', 'chromium did not start');
 */
export function crashed(figure, message, known = {}) {
  return {
    figure,
    ours: 'crashed',
    anchors: known.anchors ?? '-',
    ratio: '-',
    target: known.target ?? '-',
    verdict: 'error',
    notes: [`${figure}: ${message}`],
  };
}

/**
 * Renders rows as a GitHub-flavoured Markdown table (also readable in a terminal).
 *
 * @param {readonly Row[]} rows
 * @returns {string}
 * @example
 * renderTable([]); // header only
 */
export function renderTable(rows) {
  const cells = rows.map((r) => [r.figure, r.ours, r.anchors, r.ratio, r.target, r.verdict].map(escapeCell));
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((line) => line[i].length)));
  const line = (values) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line([...COLUMNS]), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/**
 * The Markdown document written to bench/results/latest.md.
 *
 * @param {{ rows: readonly Row[], machine: Record<string, string>, startedAt: Date, seconds: number }} run
 * @returns {string}
 * @example
 * renderReport({ rows: [], machine: { node: 'v20' }, startedAt: new Date(), seconds: 1 });
 */
export function renderReport(run) {
  const machine = Object.entries(run.machine).map(([k, v]) => `- ${k}: ${v}`);
  const notes = run.rows.flatMap((r) => r.notes).map((n) => `- ${n}`);
  return [
    `# Latest benchmark run`,
    '',
    `${run.startedAt.toISOString()}, ${run.seconds.toFixed(0)} s. Ratios are ours ÷ anchor, measured side by side in the same run.`,
    '',
    renderTable(run.rows),
    '',
    '## Machine',
    '',
    ...machine,
    '',
    '## Notes',
    '',
    ...(notes.length > 0 ? notes : ['- none']),
    '',
  ].join('\n');
}

function escapeCell(value) {
  return String(value).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** Markers around the README section a full run rewrites. */
export const README_MARKERS = ['<!-- latest-run:start -->', '<!-- latest-run:end -->'];

/**
 * Replaces the text between the README markers with `section`; throws if the markers are gone,
 * rather than appending a second copy somewhere.
 *
 * @param {string} readme
 * @param {string} section
 * @returns {string}
 * @example
 * replaceLatestRun(readme, renderTable(rows));
 */
export function replaceLatestRun(readme, section) {
  const [start, end] = README_MARKERS;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`bench/README.md lacks the ${start} … ${end} markers`);
  return `${readme.slice(0, from + start.length)}\n${section}\n${readme.slice(to)}`;
}
