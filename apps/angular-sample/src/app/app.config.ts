import { provideHttpClient, withFetch } from '@angular/common/http';
import { inject, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { takeEarlyToken, type BootData } from '@samples/kit';
import { provideTiledesk } from '@tiledesk-auth/angular';
import { BOOT_DATA } from './boot-data';
import { TokenServerApi } from './token-server-api';

/**
 * The app's providers, once the token server has told us which project to talk to. Tiledesk signs
 * in at start-up only when the demo app already has a session; otherwise the page offers a login.
 *
 * @example
 * ```ts
 * bootstrapApplication(App, appConfig(await loadBootData()));
 * ```
 */
export function appConfig(boot: BootData): ApplicationConfig {
  const { config, sessionUser } = boot;
  return {
    providers: [
      provideZonelessChangeDetection(),
      provideHttpClient(withFetch()),
      { provide: BOOT_DATA, useValue: boot },
      provideTiledesk({
        projectId: config.projectId,
        widgetUrl: config.widgetUrl,
        // The first token may already be on its way: the page starts the request for a logged-in visitor.
        getToken: () => takeEarlyToken() ?? inject(TokenServerApi).tiledeskToken(),
        autoSignIn: sessionUser !== null,
      }),
    ],
  };
}
