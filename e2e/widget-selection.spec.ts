// Which widgets a run covers, and how scripts/e2e.mjs knows the real half ran: the choice from the
// environment (support/widgets.ts) and the tally reporter (scripts/e2e-widget-tally.mjs) that
// .ci/run relies on to fail a run whose real-widget half did not run in full.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { realWidgetDir, selectedWidgets } from './support/widgets';

const root = resolve(__dirname, '..');
let build: string;

before(() => {
  build = mkdtempSync(join(tmpdir(), 'widget-build-'));
  writeFileSync(join(build, 'launch.js'), '');
});

after(() => rmSync(build, { recursive: true, force: true }));

describe('the widgets an e2e run covers', () => {
  it('is the emulated one alone without TILEDESK_REAL_WIDGET_DIR, both with it', () => {
    assert.deepEqual(selectedWidgets({}), ['emulated']);
    assert.deepEqual(selectedWidgets({ TILEDESK_REAL_WIDGET_DIR: ' ' }), ['emulated']);
    assert.deepEqual(selectedWidgets({ TILEDESK_REAL_WIDGET_DIR: build }), ['emulated', 'real']);
    assert.equal(realWidgetDir({ TILEDESK_REAL_WIDGET_DIR: build }), build);
  });

  it('refuses a TILEDESK_REAL_WIDGET_DIR that holds no build, rather than running without it', () => {
    assert.throws(() => selectedWidgets({ TILEDESK_REAL_WIDGET_DIR: join(build, 'missing') }), /names no widget build \(no launch\.js/);
  });

  it('narrows to E2E_WIDGETS, and says why it cannot', () => {
    assert.deepEqual(selectedWidgets({ TILEDESK_REAL_WIDGET_DIR: build, E2E_WIDGETS: 'real' }), ['real']);
    assert.deepEqual(selectedWidgets({ TILEDESK_REAL_WIDGET_DIR: build, E2E_WIDGETS: 'emulated' }), ['emulated']);
    assert.throws(() => selectedWidgets({ E2E_WIDGETS: 'real' }), /set TILEDESK_REAL_WIDGET_DIR/);
    assert.throws(() => selectedWidgets({ E2E_WIDGETS: 'cloud' }), /unknown widgets: cloud/);
  });
});

/** This process's environment without the marker that makes a nested node --test report to its parent. */
function runnerEnv(): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _nested, ...env } = process.env;
  return env;
}

describe('the per-widget tally (scripts/e2e-widget-tally.mjs)', () => {
  it('counts the scenarios that ran per widget, failures included, and not the ones a name pattern left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-tally-spec-'));
    try {
      writeFileSync(
        join(dir, 'scenarios.test.mjs'),
        `import { describe, it } from 'node:test';
for (const widget of ['emulated', 'real']) describe('react sample, ' + widget + ' widget', () => {
  it('1. passes', () => {});
  it('2. fails on the real widget', () => { if (widget === 'real') throw new Error('no'); });
  it('3. left out by the pattern', () => {});
});
describe('another spec', () => { it('1. is not a scenario', () => {}); });
`,
      );
      const tallyFile = join(dir, 'tally.json');
      const run = promisify(execFile)(
        process.execPath,
        [
          '--test',
          '--test-force-exit',
          '--test-name-pattern=^[12]\\.',
          `--test-reporter=${join(root, 'scripts/e2e-widget-tally.mjs')}`,
          '--test-reporter-destination=stdout',
          join(dir, 'scenarios.test.mjs'),
        ],
        { env: { ...runnerEnv(), E2E_TALLY_FILE: tallyFile } },
      );
      // One scenario fails on purpose, so the runner exits non-zero.
      await assert.rejects(run);
      const tally = JSON.parse(readFileSync(tallyFile, 'utf8')) as Record<string, { passed: number; failed: number; suites: number }>;
      assert.deepEqual(
        Object.fromEntries(Object.entries(tally).map(([widget, { passed, failed, suites }]) => [widget, { passed, failed, suites }])),
        { emulated: { passed: 2, failed: 0, suites: 1 }, real: { passed: 1, failed: 1, suites: 1 } },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
