// Every sample renders the same support page: each one is walked through the same states on the
// emulated widget, and an outline of what is visible (tags, classes, roles, data-testids, texts,
// in DOM order) and its layout (boxes and computed styles) is compared between samples. Only the
// footer's framework name may differ. A sample added to SAMPLE_APPS is compared too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { runScenario, type SampleTab } from './support/scenario';
import { SAMPLE_APPS, type DemoStack, type DemoUser, type SampleApp } from './support/stack';
import { waitUntil } from './support/wait-until';

/** The word each sample's footer uses for its framework: the one text allowed to differ. */
const FRAMEWORK_NAMES: Readonly<Record<string, string>> = { react: 'React', angular: 'Angular', next: 'Next.js' };
const TOKEN_ROUTE = /\/api\/tiledesk-token$/;
/** The states every sample is walked through, in this order. */
const STATES = ['not logged in', 'signed in as Ada', 'chat signed out', 'token error', 'switched to Grace', 'logged out'] as const;
const WALK = { timeout: 120_000 };

type StateName = (typeof STATES)[number];

/** What one sample showed in one state: its outline and its layout, one line per element. */
interface PageSnapshot {
  readonly outline: readonly string[];
  readonly layout: readonly string[];
}

/** A snapshot with what differs by right made the same, and whether the footer named the framework. */
interface NormalizedSnapshot extends PageSnapshot {
  readonly footerNamesFramework: boolean;
}

/**
 * Runs in the page. Walks the body in DOM order, skipping what is not visible and the widget's own
 * elements, and describes each element; a plain wrapper (a div or custom element with no class,
 * role, test id or text, such as React's #root or Angular's <app-root>) adds no line of its own, so
 * where a framework mounts the page does not count. Returns `null` while a button is disabled: an
 * action is still under way and the page is not settled.
 */
const SNAPSHOT_SCRIPT = `(() => {
  if (document.querySelector('button:disabled')) return null;
  const skipped = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'CHAT-ROOT']);
  const attributes = ['role', 'data-testid', 'aria-live', 'aria-hidden', 'type', 'href'];
  // Layout properties are listed when they differ from their initial value; inherited ones
  // (fonts, colour...) when they differ from the parent's: short lines, the same test.
  const initial = { display: '', position: 'static', 'background-color': 'rgba(0, 0, 0, 0)', padding: '0px', margin: '0px',
    'border-top': '0px none', 'border-right': '0px none', 'border-bottom': '0px none', 'border-left': '0px none',
    'border-radius': '0px', 'box-shadow': 'none', opacity: '1', gap: 'normal', 'flex-direction': 'row',
    'justify-content': 'normal', 'align-items': 'normal', 'grid-template-columns': 'none', 'max-width': 'none' };
  const inherited = ['color', 'font-family', 'font-size', 'font-weight', 'line-height', 'text-align', 'list-style-type', 'cursor'];
  const describeStyle = (element) => {
    const style = getComputedStyle(element);
    const parent = element.parentElement ? getComputedStyle(element.parentElement) : null;
    const own = Object.entries(initial)
      .map(([name, value]) => [name, style.getPropertyValue(name), value])
      // A border's colour follows the text's even when it has no width: '0px none' is the whole test.
      .filter(([, actual, value]) => value === '' || (value === '0px none' ? !actual.startsWith(value) : actual !== value))
      .map(([name, actual]) => name + ': ' + actual);
    const passedOn = inherited
      .filter((name) => parent === null || style.getPropertyValue(name) !== parent.getPropertyValue(name))
      .map((name) => name + ': ' + style.getPropertyValue(name));
    return [...own, ...passedOn].join('; ');
  };
  const outline = [];
  const layout = [];
  const visit = (element, depth) => {
    if (skipped.has(element.tagName) || element.id.startsWith('tiledesk')) return;
    if (!element.checkVisibility()) return;
    const text = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join('')
      .replace(/\\s+/g, ' ')
      .trim();
    const wrapper = (element.tagName === 'DIV' || element.tagName.includes('-')) && text === '' &&
      !['class', 'role', 'data-testid'].some((name) => element.hasAttribute(name));
    if (!wrapper) {
      const indent = '  '.repeat(depth);
      const tag = element.tagName.toLowerCase() + [...element.classList].sort().map((name) => '.' + name).join('');
      const parts = [tag];
      for (const name of attributes) if (element.hasAttribute(name)) parts.push('[' + name + '=' + element.getAttribute(name) + ']');
      if (text !== '') parts.push(JSON.stringify(text));
      outline.push(indent + parts.join(' '));
      const box = element.getBoundingClientRect();
      layout.push(indent + tag + ' ' + [box.x, box.y, box.width, box.height].map(Math.round).join(',') + ' ' + describeStyle(element));
    }
    for (const child of element.children) visit(child, wrapper ? depth : depth + 1);
  };
  visit(document.body, 0);
  return { outline, layout };
})()`;

let browser: Browser;
const snapshots = new Map<SampleApp, Map<StateName, NormalizedSnapshot>>();

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('every sample renders the same page', () => {
  for (const app of SAMPLE_APPS) {
    it(`the ${app} sample goes through every state`, WALK, () =>
      runScenario(browser, app, 'emulated', async ({ stack, tab }) => {
        snapshots.set(app, await walkThroughStates(app, stack, tab));
      }),
    );
  }

  for (const state of STATES) {
    it(`"${state}" looks the same in every sample`, () => {
      const [first, ...others] = SAMPLE_APPS.map((app) => ({ app, snapshot: snapshotOf(app, state) }));
      assert.ok(first, 'SAMPLE_APPS names at least one sample');
      assert.ok(others.length > 0, 'there are at least two samples to compare');
      for (const { app, snapshot } of others) {
        assertSameLines(
          snapshot.outline,
          first.snapshot.outline,
          `"${state}": the ${app} page's outline (+) differs from the ${first.app} page's (-)`,
        );
        assertSameLines(
          snapshot.layout,
          first.snapshot.layout,
          `"${state}": the ${app} page's layout (+) differs from the ${first.app} page's (-)`,
        );
      }
      for (const { app, snapshot } of [first, ...others]) {
        assert.ok(
          snapshot.footerNamesFramework,
          `"${state}": the ${app} page's footer, and nothing else, says "${FRAMEWORK_NAMES[app]} sample"`,
        );
      }
    });
  }
});

/**
 * deepEqual with a headline above its line-by-line diff (a message of its own would replace the
 * diff), thrown without the two arrays, which the diff already shows where they differ.
 */
function assertSameLines(actual: readonly string[], expected: readonly string[], headline: string): void {
  try {
    assert.deepEqual(actual, expected);
  } catch (error) {
    throw error instanceof assert.AssertionError ? new Error(`${headline}\n${error.message}`) : error;
  }
}

function snapshotOf(app: SampleApp, state: StateName): NormalizedSnapshot {
  const snapshot = snapshots.get(app)?.get(state);
  assert.ok(snapshot, `the ${app} sample did not reach "${state}" (see its walk above)`);
  return snapshot;
}

/** Takes the sample from a first visit to a log-out, snapshotting each state once it has settled. */
async function walkThroughStates(app: SampleApp, stack: DemoStack, tab: SampleTab): Promise<Map<StateName, NormalizedSnapshot>> {
  const [ada, grace] = [demoUser(stack, 0), demoUser(stack, 1)];
  const taken = new Map<StateName, NormalizedSnapshot>();
  const take = async (state: StateName, status: string, userId?: string) => {
    await tab.waitForStatus(status);
    if (userId !== undefined) {
      await waitUntil(`user-id ${userId}`, async () => (await tab.text('user-id')) === `${stack.projectId}_${userId}`);
    }
    taken.set(state, await settledSnapshot(app, stack, tab, status));
  };

  await tab.open();
  await waitUntil('the demo login', async () => (await tab.text(`login-${ada.id}`)) !== undefined);
  await take('not logged in', 'signed-out');

  await tab.click(`login-${ada.id}`);
  await take('signed in as Ada', 'signed-in', ada.id);

  await tab.click('sign-out');
  await take('chat signed out', 'signed-out');

  await stack.failTokenRequests({ status: 500, times: 1 });
  tab.watch.expectFailedResource(TOKEN_ROUTE);
  await tab.click('sign-in');
  await take('token error', 'error');

  await tab.click('retry');
  await tab.waitForStatus('signed-in');
  await tab.click('switch-user');
  await take('switched to Grace', 'signed-in', grace.id);

  await tab.click('log-out');
  await waitUntil('the demo login again', async () => (await tab.text(`login-${ada.id}`)) !== undefined);
  await take('logged out', 'signed-out');
  return taken;
}

/**
 * The page's snapshot once no action is under way, with what differs by right made the same: the
 * random project id, and the footer's framework name.
 */
async function settledSnapshot(app: SampleApp, stack: DemoStack, tab: SampleTab, status: string): Promise<NormalizedSnapshot> {
  const framework = FRAMEWORK_NAMES[app];
  assert.ok(framework, `FRAMEWORK_NAMES has the ${app} sample's footer word`);
  const raw = await waitUntil(`the ${app} page to settle at ${status}`, async () => {
    const snapshot = await tab.page.evaluate<PageSnapshot | null>(SNAPSHOT_SCRIPT);
    return snapshot !== null && (await tab.text('status')) === status ? snapshot : undefined;
  });
  const named = raw.outline.filter((line) => line.includes(`${framework} sample`));
  const normalize = (line: string) =>
    line.replaceAll(stack.projectId, '<project id>').replaceAll(`${framework} sample`, '<framework> sample');
  return {
    outline: raw.outline.map(normalize),
    layout: raw.layout.map(normalize),
    footerNamesFramework: named.length === 1 && /^\s*footer\b/.test(named[0] ?? ''),
  };
}

function demoUser(stack: DemoStack, index: number): DemoUser {
  const user = stack.users[index];
  assert.ok(user, `the token server has a demo user #${index + 1}`);
  return user;
}
