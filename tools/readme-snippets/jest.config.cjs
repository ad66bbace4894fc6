module.exports = {
  displayName: 'readme-snippets',
  preset: '../../jest.preset.js',
  // The snippets are type-checked and run in child processes; the spec itself needs only Node.
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 20000,
};
