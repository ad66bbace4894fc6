const { createCjsPreset } = require('jest-preset-angular/presets');

const angular = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

module.exports = {
  displayName: 'angular',
  preset: '../../jest.preset.cjs',
  ...angular,
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  // The page loads the emulated widget for real; each spec file creates its own emulator project.
  ...require('../testing/src/jest/widget-page.cjs'),
  // Angular ships .mjs; jose is ESM-only: both must go through the transformer.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|jose/))'],
  coverageDirectory: '../../coverage/libs/angular',
};
