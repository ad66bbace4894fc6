module.exports = {
  displayName: 'next-sample',
  preset: '../../jest.preset.js',
  // The server half's plain modules (settings, token endpoint); pages and routes run in the e2e suite.
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/server/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/next-sample',
};
