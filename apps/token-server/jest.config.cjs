module.exports = {
  displayName: 'token-server',
  preset: '../../jest.preset.js',
  // Real HTTP on loopback, the emulator in-process: a Node environment.
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/apps/token-server',
};
