/**
 * Jest settings for specs whose jsdom page loads the emulated widget: jsdom fetches and runs the
 * real launch.js (as a browser would), and one emulator process serves the whole Jest run
 * (`process.env.TILEDESK_EMULATOR_URL`, its control token in `TILEDESK_EMULATOR_CONTROL_TOKEN`),
 * and jsdom gets the Web APIs it lacks (`setupFiles`: web-apis.cjs). Spread it into a
 * jest.config.cjs; a config with setup files of its own keeps `...widgetPage.setupFiles` first.
 *
 * @example
 * // jest.config.cjs
 * module.exports = { ...require('@tiledesk-auth/testing/jest'), displayName: 'app' };
 */
const { join } = require('node:path');

module.exports = {
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { resources: 'usable', runScripts: 'dangerously', url: 'http://localhost/' },
  globalSetup: join(__dirname, 'global-setup.cjs'),
  globalTeardown: join(__dirname, 'global-teardown.cjs'),
  // The Web APIs jsdom lacks (TextEncoder, TextDecoder, structuredClone, crypto.subtle).
  setupFiles: [join(__dirname, 'web-apis.cjs')],
};
