/**
 * @jest-environment node
 */
import { http } from '../test-support/http';

const setup = require('./global-setup.cjs') as () => Promise<void>;
const teardown = require('./global-teardown.cjs') as () => Promise<void>;

describe('the Jest global setup and teardown', () => {
  const outer = process.env['TILEDESK_EMULATOR_URL'];
  // When Jest runs in band, this file shares globalThis with the run's own global setup: park the
  // run's emulator process so these tests neither see nor stop it.
  const slot = globalThis as { __TILEDESK_EMULATOR_PROCESS__?: unknown };
  let parked: unknown;
  beforeEach(() => {
    parked = slot.__TILEDESK_EMULATOR_PROCESS__;
    slot.__TILEDESK_EMULATOR_PROCESS__ = undefined;
  });
  afterEach(() => {
    slot.__TILEDESK_EMULATOR_PROCESS__ = parked;
    process.env['TILEDESK_EMULATOR_URL'] = outer;
  });

  it('reuses an emulator URL that is already set', async () => {
    process.env['TILEDESK_EMULATOR_URL'] = 'http://127.0.0.1:9/already-set';
    await setup();
    expect(process.env['TILEDESK_EMULATOR_URL']).toBe('http://127.0.0.1:9/already-set');
    await teardown(); // started nothing, so stops nothing
    expect(process.env['TILEDESK_EMULATOR_URL']).toBe('http://127.0.0.1:9/already-set');
  });

  it('starts an emulator process, publishes its URL, and the teardown stops it', async () => {
    delete process.env['TILEDESK_EMULATOR_URL'];
    await setup();
    const url = process.env['TILEDESK_EMULATOR_URL'];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toBe(outer);
    const info = await http('GET', `${url}/__emulator/info`);
    expect(info.json()).toEqual({ url, widgetUrl: `${url}/v6/launch.js`, apiUrl: `${url}/api/` });
    await teardown();
    expect(process.env['TILEDESK_EMULATOR_URL']).toBeUndefined();
    await expect(http('GET', `${url}/__emulator/info`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
