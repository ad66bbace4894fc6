module.exports = {
  displayName: 'samples',
  preset: '../../jest.preset.js',
  // The kit reads the page (document, window) and renders React: a browser-like environment.
  testEnvironment: 'jsdom',
  transform: { '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js'],
  coverageDirectory: '../../coverage/libs/samples',
};
