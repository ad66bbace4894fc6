// The page loads the emulated widget for real; each spec file creates its own emulator project.
const widgetPage = require('../testing/src/jest/widget-page.cjs');

module.exports = {
  displayName: 'core',
  preset: '../../jest.preset.js',
  ...widgetPage,
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/core',
};
