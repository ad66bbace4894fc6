// A node:test reporter that scripts/e2e.mjs adds next to the spec reporter: it counts, per widget,
// the scenarios that ran (passed or failed) and how long their suites took, as one JSON object in
// the file E2E_TALLY_FILE names. Suites are named "<app> sample, <widget> widget"
// (e2e/support/auth-scenarios.ts, registered by each e2e/auth-scenarios.<app>.<widget>.spec.ts), so the
// count tells whether the real-widget half ran as fully as the emulated one. The file is
// rewritten, synchronously, after every count: --test-force-exit ends the runner before a
// reporter's last output would be flushed.
import { writeFileSync } from 'node:fs';

const SUITE_NAME = /, (\w+) widget$/;
const tallyFile = process.env.E2E_TALLY_FILE;

export default async function* widgetTally(source) {
  const tally = {};
  const openSuites = [];
  for await (const event of source) {
    const { nesting, name, details, skip, todo } = event.data ?? {};
    if (event.type === 'test:start') {
      openSuites[nesting] = name;
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // A scenario left out by --test-name-pattern is reported as a skipped pass: it did not run.
    if (skip !== undefined || todo !== undefined) continue;
    const widget = SUITE_NAME.exec(openSuites[0] ?? '')?.[1];
    if (widget === undefined) continue;
    const entry = (tally[widget] ??= { passed: 0, failed: 0, suites: 0, durationMs: 0 });
    if (nesting === 0) {
      entry.suites += 1;
      entry.durationMs += Math.round(details?.duration_ms ?? 0);
    } else if (nesting === 1 && details?.type !== 'suite') {
      entry[event.type === 'test:pass' ? 'passed' : 'failed'] += 1;
    }
    if (tallyFile) writeFileSync(tallyFile, JSON.stringify(tally));
  }
  // The spec reporter prints everything a reader needs; this one only writes its file.
  yield '';
}
