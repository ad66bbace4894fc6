import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { pageMilestones, startOrder } from './time-to-signed-in.mjs';

const origin = 'http://127.0.0.1:5000';
const widgetUrl = 'http://127.0.0.1:6000/p/p1/v6/launch.js';
const resource = (name, initiatorType, startTime, responseEnd = startTime + 5) => ({ name, initiatorType, startTime, responseEnd });
const page = { origin, path: '/react/', widgetUrl };

test('startOrder: gaps from the mark, launch.js preloaded before the bundle ran, build files not counted', () => {
  const order = startOrder(
    {
      bundleRanAt: 100,
      resources: [
        resource(widgetUrl, 'link', 10, 320),
        resource(`${origin}/react/assets/index-1.js`, 'script', 12, 40),
        resource(`${origin}/react/assets/index-1.css`, 'link', 12, 30),
        resource(`${origin}/api/tiledesk-token`, 'fetch', 108, 420),
      ],
    },
    page,
  );
  assert.deepEqual(order, { bundleRanAt: 100, tokenGap: 8, launchGap: -90, launchFetches: 1, before: [] });
});

test('startOrder: API calls before the token are listed, a second launch.js fetch is counted, no mark uses the bundle', () => {
  const order = startOrder(
    {
      bundleRanAt: null,
      resources: [
        resource(`${origin}/react/assets/index-1.js`, 'script', 12, 40),
        resource(`${origin}/api/config`, 'fetch', 60),
        resource(widgetUrl, 'link', 10),
        resource(`${origin}/api/tiledesk-token?x=1`, 'fetch', 150),
        resource(widgetUrl, 'script', 151),
      ],
    },
    page,
  );
  assert.equal(order.bundleRanAt, 40);
  assert.equal(order.tokenGap, 110);
  assert.equal(order.launchFetches, 2);
  assert.deepEqual(order.before, ['fetch /api/config']);
});

test('startOrder: a token request the page started before its bundle ran has a negative gap, and nothing counts as before it', () => {
  const order = startOrder(
    {
      bundleRanAt: 150,
      resources: [
        resource(widgetUrl, 'link', 61, 370),
        resource(`${origin}/api/tiledesk-token`, 'fetch', 60, 372),
        resource(`${origin}/react/assets/index-1.js`, 'script', 62, 90),
      ],
    },
    page,
  );
  assert.deepEqual(order, { bundleRanAt: 150, tokenGap: -90, launchGap: -89, launchFetches: 1, before: [] });
});

test('pageMilestones: the document milestones, the first build script and the mark, rounded; load left out until it fired', () => {
  const timings = {
    bundleRanAt: 150.4,
    document: { htmlRead: 6.2, parsed: 70.6, domContentLoaded: 151, load: 0 },
    resources: [
      resource(widgetUrl, 'link', 61, 370),
      resource(`${origin}/react/assets/index-1.css`, 'link', 62, 80),
      resource(`${origin}/react/assets/index-1.js?v=1`, 'script', 63.4, 90.5),
    ],
  };
  assert.deepEqual(pageMilestones(timings, { origin, path: '/react/' }), {
    'html read': 6,
    'html parsed': 71,
    'bundle requested': 63,
    'bundle received': 91,
    'bundle ran': 150,
    DOMContentLoaded: 151,
  });
  assert.deepEqual(pageMilestones({ bundleRanAt: null, document: null, resources: [] }, { origin, path: '/naive/' }), {});
});
