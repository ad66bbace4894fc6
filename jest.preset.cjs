// Shared Jest settings; each project's jest.config.cjs spreads this and adds its own environment.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // jose is ESM-only; let ts-jest turn it into CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testTimeout: 20000,
};
