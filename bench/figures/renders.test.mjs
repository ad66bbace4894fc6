import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { pageHtml, transitions } from './renders.mjs';

test('transitions counts only real changes', () => {
  assert.equal(transitions(['idle', 'signing-in', 'signing-in', 'signed-in', 'signed-in', 'signed-out']), 3);
  assert.equal(transitions(['idle']), 0);
  assert.equal(transitions([]), 0);
});

test('pageHtml hands the page its config before the bundle runs', () => {
  const html = pageHtml({ projectId: 'p1', widgetUrl: 'http://127.0.0.1:1/p/p1/v6/launch.js' }, '/react/app.js');
  const configAt = html.indexOf('window.__benchConfig = {"projectId":"p1"');
  assert.ok(configAt > 0);
  assert.ok(configAt < html.indexOf('src="/react/app.js"'));
  assert.match(html, /"tokenLifetimeSeconds":4/);
});
