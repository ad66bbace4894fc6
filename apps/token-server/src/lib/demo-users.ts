// The demo users are the samples' kit's, the same list apps/next-sample serves; this module keeps
// the path the token server's modules and bench/fixtures/session-stack.mjs import them by.
export { DEMO_USERS, findDemoUser, type DemoUser } from '@samples/kit';
