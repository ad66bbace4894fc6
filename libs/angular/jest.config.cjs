const { createCjsPreset } = require('jest-preset-angular/presets');

const angular = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

const project = {
  preset: '../../jest.preset.js',
  ...angular,
  rootDir: __dirname,
  // The page loads the emulated widget for real; each spec file creates its own emulator project.
  ...require('../testing/src/jest/widget-page.cjs'),
  // Angular ships .mjs; jose is ESM-only: both must go through the transformer.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|jose/))'],
};

// Two Jest projects: zoneless (Angular's default) for every spec, and a real zone.js environment for
// the *.zone.spec.ts files (zone.js patches the page's globals, so it gets a test environment of its own).
module.exports = {
  // Options of the whole run: Jest ignores them inside `projects`, and the preset's would be lost.
  testTimeout: require('../../jest.preset.js').testTimeout,
  coverageDirectory: '../../coverage/libs/angular',
  projects: [
    {
      ...project,
      displayName: 'angular',
      setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.zone\\.spec\\.ts$'],
    },
    {
      ...project,
      displayName: 'angular (zone.js)',
      setupFilesAfterEnv: ['<rootDir>/src/test-setup-zone.ts'],
      testMatch: ['<rootDir>/src/**/*.zone.spec.ts'],
    },
  ],
};
