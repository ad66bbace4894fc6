import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { showBootFailure } from './app/boot-failure';
import { requestTokenEarly } from './app/early-token';
import { embeddedBootData } from './app/embedded-boot-data';
import { loadBootData, type BootData } from './app/token-server-api';

/** How long bootstrap lets the early token request go out first. */
const BOOTSTRAP_AFTER_MS = 16;

// The moment the bundle runs: the bench measures how soon after it the sign-in starts.
performance.mark('sample-bundle-ran');

// The token server's page carries the boot data, so Tiledesk can start signing in at once: the
// token request starts now, before Angular bootstraps (launch.js is preloaded by the page).
const embedded = embeddedBootData();
if (embedded?.sessionUser) requestTokenEarly();
const bootstrap = (boot: BootData) => bootstrapApplication(App, appConfig(boot)).catch((error: unknown) => showBootFailure(error));
if (!embedded) loadBootData().then(bootstrap, (error: unknown) => showBootFailure(error));
// Chromium starts the request in a task of its own, after this script; bootstrapping runs for
// tens of ms without yielding, so it waits a little: it is not on the critical path (the token
// takes longer), the request is.
else setTimeout(() => bootstrap(embedded), BOOTSTRAP_AFTER_MS);
