module.exports = {
  displayName: 'react',
  preset: '../../jest.preset.cjs',
  testEnvironment: 'jsdom',
  // Let the page load the emulated widget script for real, as a browser would.
  testEnvironmentOptions: { resources: 'usable', runScripts: 'dangerously', url: 'http://localhost/' },
  // One emulator process per Jest run; each spec file creates its own project on it.
  globalSetup: '../testing/src/jest/global-setup.cjs',
  globalTeardown: '../testing/src/jest/global-teardown.cjs',
  setupFiles: ['<rootDir>/src/test-support/jest-setup.ts'],
  transform: { '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/react',
};
