export { provideTiledeskTesting } from './provide-tiledesk-testing';
// Re-exported for code that imported the fake from here before it moved to core's own entry.
export { TESTING_USER, TiledeskTestingClient, type TiledeskTestingCall } from '@tiledesk-auth/core/testing';
