module.exports = {
  displayName: 'server',
  preset: '../../jest.preset.js',
  // Real HTTP on loopback and node:crypto: a Node environment, no DOM.
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/libs/server',
};
