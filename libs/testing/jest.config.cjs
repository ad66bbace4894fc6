// real-widget.spec.ts drives a REAL Tiledesk widget build in Chromium; it runs only when
// TILEDESK_REAL_WIDGET_DIR names one (CI sets it), and a reporter says so when it does not run.
const realWidgetDir = process.env.TILEDESK_REAL_WIDGET_DIR?.trim();

module.exports = {
  displayName: 'testing',
  preset: '../../jest.preset.js',
  // Widget specs run in jsdom and load launch.js from a real emulator process; API specs opt into
  // the node environment with a `@jest-environment node` docblock.
  ...require('./src/jest/widget-page.cjs'),
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  // jose and aedes (the chat broker the real widget talks to) are ES modules: turn them into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(jose|aedes)/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  testPathIgnorePatterns: ['/node_modules/', ...(realWidgetDir ? [] : ['/real-widget\\.spec\\.ts$'])],
  reporters: ['default', ...(realWidgetDir ? [] : ['<rootDir>/tools/real-widget-notice.cjs'])],
  coverageDirectory: '../../coverage/libs/testing',
};
