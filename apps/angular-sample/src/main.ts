import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { showBootFailure } from './app/boot-failure';
import { loadBootData } from './app/token-server-api';

loadBootData()
  .then((boot) => bootstrapApplication(App, appConfig(boot)))
  .catch((error: unknown) => showBootFailure(error));
