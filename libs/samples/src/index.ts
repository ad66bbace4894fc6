// The samples' framework-free kit (private, never published): see README.md.
export { CHAT_STATUS_SUMMARY } from './lib/chat-status';
export { DEMO_USERS, findDemoUser, type DemoUser } from './lib/demo-users';
export { EARLY_TOKEN_GLOBAL, EARLY_TOKEN_SCRIPT, firstTokenEarly, takeEarlyToken } from './lib/early-token';
export { embeddedBootData } from './lib/embedded-boot-data';
export { parseOrigins } from './lib/origin-list';
export { fetchTiledeskToken, loadBootData, logIn, logOut, type AppConfig, type BootData } from './lib/sample-api';
