import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { stopperOf } from './child-server.mjs';

test('stopperOf ends a running child with SIGTERM and resolves once it has exited', async () => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const stop = stopperOf(child);
  await once(child, 'spawn');
  await stop();
  assert.equal(child.signalCode, 'SIGTERM');
});

test('stopperOf resolves at once for a child that has exited already, sending nothing', async () => {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const stop = stopperOf(child);
  await once(child, 'exit');
  await stop();
  assert.deepEqual([child.exitCode, child.signalCode, child.killed], [0, null, false]);
});
