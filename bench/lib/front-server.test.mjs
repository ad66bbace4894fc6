import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { startFrontServer } from './front-server.mjs';

async function upstream() {
  const seen = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, body, cookie: req.headers.cookie });
      res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': 'sid=1; HttpOnly' });
      res.end(JSON.stringify({ echoed: req.url }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

test('forwards method, path, body, cookies and answers both ways', async () => {
  const up = await upstream();
  const front = await startFrontServer({ upstream: up.url, tokenDelayMs: 5, pages: {} });
  try {
    const answer = await fetch(`${front.url}/api/tiledesk-token?x=1`, {
      method: 'POST',
      headers: { cookie: 'sid=abc', 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    assert.equal(answer.status, 201);
    assert.equal(answer.headers.get('set-cookie'), 'sid=1; HttpOnly');
    assert.deepEqual(await answer.json(), { echoed: '/api/tiledesk-token?x=1' });
    assert.deepEqual(up.seen, [{ method: 'POST', url: '/api/tiledesk-token?x=1', body: '{"a":1}', cookie: 'sid=abc' }]);
  } finally {
    await front.close();
    await up.close();
  }
});

test('serves its own pages without asking upstream', async () => {
  const up = await upstream();
  const front = await startFrontServer({
    upstream: up.url,
    tokenDelayMs: 0,
    pages: { '/naive/': { type: 'text/html', body: '<p>hi</p>' } },
  });
  try {
    const answer = await fetch(`${front.url}/naive/`);
    assert.equal(await answer.text(), '<p>hi</p>');
    assert.equal(answer.headers.get('content-type'), 'text/html');
    assert.equal(up.seen.length, 0);
  } finally {
    await front.close();
    await up.close();
  }
});

test('refuses a non-loopback upstream and a bad delay, naming them', async () => {
  await assert.rejects(startFrontServer({ upstream: 'http://192.0.2.1:80', tokenDelayMs: 0, pages: {} }), /upstream must be on loopback/);
  await assert.rejects(
    startFrontServer({ upstream: 'http://127.0.0.1:1', tokenDelayMs: -1, pages: {} }),
    /tokenDelayMs must be a non-negative integer/,
  );
});

test('answers 502 when upstream is down', async () => {
  const up = await upstream();
  await up.close();
  const front = await startFrontServer({ upstream: up.url, tokenDelayMs: 0, pages: {} });
  try {
    const answer = await fetch(`${front.url}/api/config`);
    assert.equal(answer.status, 502);
    assert.match(await answer.text(), /upstream failed/);
  } finally {
    await front.close();
  }
});
