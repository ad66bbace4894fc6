module.exports = {
  displayName: 'core',
  preset: '../../jest.preset.cjs',
  testEnvironment: 'jsdom',
  // Let the page load the emulated widget script for real, as a browser would.
  testEnvironmentOptions: { resources: 'usable', runScripts: 'dangerously', url: 'http://localhost/' },
  // One emulator process per Jest run (libs/testing); each spec file creates its own project.
  globalSetup: '<rootDir>/../testing/src/jest/global-setup.cjs',
  globalTeardown: '<rootDir>/../testing/src/jest/global-teardown.cjs',
  setupFiles: ['<rootDir>/src/test/jsdom-setup.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/core',
};
