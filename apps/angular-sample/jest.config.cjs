const { createCjsPreset } = require('jest-preset-angular/presets');

module.exports = {
  displayName: 'angular-sample',
  preset: '../../jest.preset.js',
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testEnvironmentOptions: { url: 'http://localhost/angular/' },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
  // The library's testing entry point, as an app that installed the package would import it.
  moduleNameMapper: {
    '^@tiledesk-auth/angular/testing$': '<rootDir>/../../libs/angular/testing/src/index.ts',
    '^@tiledesk-auth/core/testing$': '<rootDir>/../../libs/core/src/testing/index.ts',
  },
  coverageDirectory: '../../coverage/apps/angular-sample',
};
