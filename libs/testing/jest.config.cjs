module.exports = {
  displayName: 'testing',
  preset: '../../jest.preset.cjs',
  // Widget specs run in jsdom and load launch.js from a real emulator process; API specs opt into
  // the node environment with a `@jest-environment node` docblock.
  ...require('./src/jest/widget-page.cjs'),
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/testing',
};
