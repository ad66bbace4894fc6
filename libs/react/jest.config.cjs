// The page loads the emulated widget for real; each spec file creates its own emulator project.
const widgetPage = require('../testing/src/jest/widget-page.cjs');

module.exports = {
  displayName: 'react',
  preset: '../../jest.preset.cjs',
  ...widgetPage,
  setupFiles: ['<rootDir>/src/test-support/jest-setup.ts'],
  transform: { '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/react',
};
