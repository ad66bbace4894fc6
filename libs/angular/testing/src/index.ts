export { provideTiledeskTesting } from './provide-tiledesk-testing';
export { TESTING_USER, TiledeskTestingClient, type TiledeskTestingCall } from './tiledesk-testing-client';
