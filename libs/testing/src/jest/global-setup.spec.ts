/**
 * @jest-environment node
 */
import { connectTiledeskEmulator } from '../client';
import { http } from '../test-support/http';

const setup = require('./global-setup.cjs') as () => Promise<void>;
const teardown = require('./global-teardown.cjs') as () => Promise<void>;

// Assigning undefined to process.env would store the text "undefined".
function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

describe('the Jest global setup and teardown', () => {
  const outer = process.env['TILEDESK_EMULATOR_URL'];
  const outerToken = process.env['TILEDESK_EMULATOR_CONTROL_TOKEN'];
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
    restore('TILEDESK_EMULATOR_URL', outer);
    restore('TILEDESK_EMULATOR_CONTROL_TOKEN', outerToken);
  });

  it('reuses an emulator URL that is already set', async () => {
    process.env['TILEDESK_EMULATOR_URL'] = 'http://127.0.0.1:9/already-set';
    await setup();
    expect(process.env['TILEDESK_EMULATOR_URL']).toBe('http://127.0.0.1:9/already-set');
    await teardown(); // started nothing, so stops nothing
    expect(process.env['TILEDESK_EMULATOR_URL']).toBe('http://127.0.0.1:9/already-set');
  });

  it('starts an emulator process, publishes its URL and control token, and the teardown stops it', async () => {
    delete process.env['TILEDESK_EMULATOR_URL'];
    delete process.env['TILEDESK_EMULATOR_CONTROL_TOKEN'];
    await setup();
    const url = process.env['TILEDESK_EMULATOR_URL'];
    const controlToken = process.env['TILEDESK_EMULATOR_CONTROL_TOKEN'];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toBe(outer);
    expect(controlToken).toMatch(/^[\w-]{43}$/);
    expect(controlToken).not.toBe(outerToken);
    const info = await http('GET', `${url}/__emulator/info`);
    expect(info.json()).toEqual({ url, widgetUrl: `${url}/v6/launch.js`, apiUrl: `${url}/api/` });
    // The published token opens the control API (through the defaults), and nothing else does.
    expect((await connectTiledeskEmulator().createProject()).widgetUrl.startsWith(`${url}/p/`)).toBe(true);
    expect((await http('GET', `${url}/__emulator/requests`)).status).toBe(401);
    await teardown();
    expect(process.env['TILEDESK_EMULATOR_URL']).toBeUndefined();
    expect(process.env['TILEDESK_EMULATOR_CONTROL_TOKEN']).toBeUndefined();
    await expect(http('GET', `${url}/__emulator/info`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
