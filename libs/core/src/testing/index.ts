// `@tiledesk-auth/core/testing`: test doubles that need no framework and no widget.
export { TESTING_USER, TiledeskTestingClient, type TiledeskTestingCall } from './tiledesk-testing-client.js';
