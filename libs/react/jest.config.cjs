// The page loads the emulated widget for real; each spec file creates its own emulator project.
// Every spec runs twice: on the workspace's React 19 and on React 18 (both in the peer range).
const { join } = require('node:path');
const widgetPage = require('../testing/src/jest/widget-page.cjs');

const project = {
  preset: '../../jest.preset.js',
  ...widgetPage,
  rootDir: __dirname,
  transform: { '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'html'],
};

const react18 = join(__dirname, 'react18/node_modules');

module.exports = {
  // Options of the whole run: Jest ignores them inside `projects`, and the preset's would be lost.
  testTimeout: require('../../jest.preset.js').testTimeout,
  coverageDirectory: '../../coverage/libs/react',
  projects: [
    { ...project, displayName: 'react', globals: { EXPECTED_REACT_MAJOR: 19 } },
    {
      ...project,
      displayName: 'react 18',
      globals: { EXPECTED_REACT_MAJOR: 18 },
      // The specs, @testing-library/react and react-dom 18 itself all get React 18.
      moduleNameMapper: {
        '^react$': `${react18}/react`,
        '^react/(.*)$': `${react18}/react/$1`,
        '^react-dom$': `${react18}/react-dom`,
        '^react-dom/(.*)$': `${react18}/react-dom/$1`,
      },
      globalSetup: join(__dirname, 'react18/global-setup.cjs'),
    },
  ],
};
