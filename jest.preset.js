// Shared Jest settings; each project's jest.config.cjs spreads this and adds its own environment.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // jose is ESM-only; let ts-jest turn it into CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  // Shipped sources import siblings as './x.js' (what Node's ESM loader needs in the built package).
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 20000,
};
