import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { startOrder } from './time-to-signed-in.mjs';

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
