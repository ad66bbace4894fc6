import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { crashed, notBuilt, renderReport, renderTable, row } from './report.mjs';

const sample = { figure: 'f', ours: '1', anchors: '2', ratio: '0.50×', target: '≤ 1' };

test('row derives the verdict from met', () => {
  assert.equal(row({ ...sample, met: true }).verdict, 'met');
  assert.equal(row({ ...sample, met: false }).verdict, 'missed');
});

test('row names the missing field instead of printing an empty cell', () => {
  assert.throws(() => row({ ...sample, ours: '', met: true }), /"ours" must be a non-empty string/);
  assert.throws(() => row({ ...sample, met: 'yes' }), /"met" must be a boolean/);
});

test('notBuilt and crashed rows say so in the ours and verdict columns', () => {
  const missing = notBuilt({ figure: 'f', anchors: 'a', target: 't', missing: 'libs/x' });
  assert.equal(missing.ours, 'n/a (not built yet)');
  assert.match(missing.notes[0], /libs\/x is not in the workspace yet/);
  assert.equal(crashed('f', 'boom').verdict, 'error');
});

test('renderTable aligns columns and escapes pipes', () => {
  const table = renderTable([row({ ...sample, anchors: 'a | b', met: true })]);
  const lines = table.split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^\| figure \| ours \| anchor\(s\) +\| ratio \| target \| verdict \|$/);
  assert.ok(lines[2].includes('a \\| b'));
  assert.equal(new Set(lines.map((l) => l.length)).size, 1);
});

test('renderReport carries the table, the machine and the notes', () => {
  const text = renderReport({
    rows: [row({ ...sample, met: false, notes: ['why'] })],
    machine: { node: 'v20' },
    startedAt: new Date(0),
    seconds: 3,
  });
  assert.match(text, /1970-01-01T00:00:00.000Z, 3 s/);
  assert.match(text, /- node: v20/);
  assert.match(text, /- why/);
  assert.match(text, /\| missed +\|/);
});

test('replaceLatestRun swaps only the marked section and refuses a README without markers', async () => {
  const { replaceLatestRun } = await import('./report.mjs');
  const readme = 'a\n<!-- latest-run:start -->\nold\n<!-- latest-run:end -->\nb\n';
  assert.equal(replaceLatestRun(readme, 'new'), 'a\n<!-- latest-run:start -->\nnew\n<!-- latest-run:end -->\nb\n');
  assert.throws(() => replaceLatestRun('no markers', 'x'), /lacks the <!-- latest-run:start -->/);
});
