const { createCjsPreset } = require('jest-preset-angular/presets');

const angular = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

module.exports = {
  displayName: 'angular',
  preset: '../../jest.preset.cjs',
  ...angular,
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  // The emulated widget is a real script loaded by the page, as in a browser.
  testEnvironmentOptions: { resources: 'usable', runScripts: 'dangerously', url: 'http://localhost/' },
  // Angular ships .mjs; jose is ESM-only: both must go through the transformer.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|jose/))'],
  // One emulator process per Jest run; every spec file creates its own project on it.
  globalSetup: '<rootDir>/../testing/src/jest/global-setup.cjs',
  globalTeardown: '<rootDir>/../testing/src/jest/global-teardown.cjs',
  coverageDirectory: '../../coverage/libs/angular',
};
