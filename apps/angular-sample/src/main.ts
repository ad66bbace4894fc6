import { bootstrapApplication } from '@angular/platform-browser';
import { embeddedBootData, loadBootData, type BootData } from '@samples/kit';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { showBootFailure } from './app/boot-failure';

// The moment the bundle runs: the bench measures how soon after it the sign-in starts.
performance.mark('sample-bundle-ran');

// The token server's page carries the boot data and, for a logged-in visitor, has already
// started the token request (app.config.ts takes it), so Angular bootstraps at once.
const embedded = embeddedBootData();
const bootstrap = (boot: BootData) => bootstrapApplication(App, appConfig(boot)).catch((error: unknown) => showBootFailure(error));
if (embedded) bootstrap(embedded);
else loadBootData().then(bootstrap, (error: unknown) => showBootFailure(error));
