/**
 * Types of `@tiledesk-auth/testing/jest`, for a `jest.config.ts` (the settings are in
 * widget-page.cjs, plain CommonJS so a `jest.config.cjs` can require it without a compiler).
 * Each path is absolute, inside this package.
 *
 * @example
 * // jest.config.ts
 * import widgetPage from '@tiledesk-auth/testing/jest';
 * export default { ...widgetPage, displayName: 'app' };
 */
declare const widgetPage: {
  testEnvironment: 'jsdom';
  testEnvironmentOptions: { resources: 'usable'; runScripts: 'dangerously'; url: string };
  globalSetup: string;
  globalTeardown: string;
  setupFiles: string[];
};
export = widgetPage;
