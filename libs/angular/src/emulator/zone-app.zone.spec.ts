import { Component, NgZone, inject, provideZoneChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import type { TiledeskAuthStatus } from '@tiledesk-auth/core';
import { filter, firstValueFrom } from 'rxjs';
import { provideTiledesk } from '../lib/provide-tiledesk';
import { TiledeskAuthService } from '../lib/tiledesk-auth.service';
import { setupEmulatedProject } from '@tiledesk-auth/testing/client';

// Runs in the "angular (zone.js)" Jest project: real zone.js, an app on NgZone change detection,
// the real core client and the emulated widget. What a zone app needs: the widget's own work (script,
// XHRs, timers, events) never wakes Angular; auth changes and events() reach the app inside its zone.
const { emulator, project, mintToken } = setupEmulatedProject({ project: { bootDelayMs: 0 } });

@Component({
  selector: 'tdk-user',
  template: `<span id="user">{{ auth.user()?.email ?? 'nobody' }}</span>`,
})
class UserComponent {
  readonly auth = inject(TiledeskAuthService);
}

function until(auth: TiledeskAuthService, status: TiledeskAuthStatus) {
  return firstValueFrom(auth.state$.pipe(filter((s) => s.status === status || s.status === 'error')));
}

describe('TiledeskAuthService in a zone.js app', () => {
  it('keeps the widget outside the Angular zone and delivers auth changes and events inside it', async () => {
    const host = document.body.appendChild(document.createElement('tdk-user'));
    // A real bootstrap, not TestBed: it builds the app (and starts the service) inside the Angular
    // zone, as bootstrapApplication does, where TestBed would do it in the test's own zone.
    const appRef = await createApplication({
      providers: [
        provideZoneChangeDetection(),
        provideTiledesk({
          projectId: project.id,
          widgetUrl: project.widgetUrl,
          getToken: () => mintToken({ userId: 'ada', claims: { email: 'ada@example.com' } }),
        }),
      ],
    });
    const zone = appRef.injector.get(NgZone);
    expect(zone.constructor.name).toBe('NgZone'); // a real zone, not zoneless's NoopNgZone
    // In a zone app, change detection runs each time the Angular zone empties its microtask queue.
    let zoneTurns = 0;
    zone.onMicrotaskEmpty.subscribe(() => zoneTurns++);
    const auth = appRef.injector.get(TiledeskAuthService);
    const zonesOfStates: boolean[] = [];
    auth.state$.subscribe(() => zonesOfStates.push(NgZone.isInAngularZone()));
    appRef.bootstrap(UserComponent, host);
    const shown = () => host.querySelector('#user')?.textContent;

    await until(auth, 'signed-in');
    await appRef.whenStable();
    expect(shown()).toBe('ada@example.com');
    expect(zonesOfStates.length).toBeGreaterThan(1);
    // The first value is the subscription's own replay, in the test's zone; every change after it is Angular's.
    expect(zonesOfStates.slice(1).every(Boolean)).toBe(true);

    // Auth-neutral widget activity: its chat connection drops and reconnects (long-poll XHRs,
    // timers, onInit + online again) and its panel opens and closes. None of it may wake Angular.
    // The test waits through plain DOM listeners, which live in the test's zone, not Angular's.
    zoneTurns = 0;
    const widgetEvent = (name: string) => new Promise((done) => document.addEventListener(name, done, { capture: true, once: true }));
    const reconnected = widgetEvent('onInit');
    await emulator.dropChatConnections(project.id);
    await reconnected;
    const closed = widgetEvent('onClose');
    auth.open();
    auth.close();
    await closed;
    await new Promise((done) => setTimeout(done, 50));
    expect(zoneTurns).toBe(0);

    // events() subscribers are app code: they run inside the zone (a handler may change the view).
    const zonesOfEvents: boolean[] = [];
    const events = auth.events('onClose').subscribe(() => zonesOfEvents.push(NgZone.isInAngularZone()));
    const closedAgain = widgetEvent('onClose');
    auth.open();
    auth.close();
    await closedAgain;
    events.unsubscribe();
    expect(zonesOfEvents).toEqual([true]);
    expect(zoneTurns).toBeGreaterThan(0);

    zoneTurns = 0;
    await auth.signOut();
    await appRef.whenStable();
    expect(shown()).toBe('nobody');
    expect(zoneTurns).toBeGreaterThan(0);
    appRef.destroy();
  });
});
