import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TiledeskAuthService } from '@tiledesk-auth/angular';
import { firstValueFrom } from 'rxjs';
import { BOOT_DATA } from './boot-data';
import { TokenServerApi, type DemoUser } from './token-server-api';

/**
 * The support page: the demo app's own login, and the visitor's Tiledesk session. The status comes
 * from `state$` through the async pipe; the user and the controls read the signals.
 */
@Component({
  selector: 'app-root',
  imports: [AsyncPipe],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly auth = inject(TiledeskAuthService);
  private readonly api = inject(TokenServerApi);
  private readonly boot = inject(BOOT_DATA);

  protected readonly mode = this.boot.config.mode;
  protected readonly users = this.boot.users;
  protected readonly sessionUser = signal<DemoUser | null>(this.boot.sessionUser);
  /** A failure of the demo app's own API (not Tiledesk's: those are in the auth state). */
  protected readonly pageError = signal<string | null>(null);
  protected readonly busy = computed(() => this.auth.state().status === 'signing-in');
  protected readonly nextUser = computed(() => {
    const current = this.sessionUser();
    const index = current ? this.users.findIndex((u) => u.id === current.id) : -1;
    return this.users[(index + 1) % this.users.length] ?? null;
  });

  protected async logIn(user: DemoUser): Promise<void> {
    this.pageError.set(null);
    try {
      this.sessionUser.set(await firstValueFrom(this.api.logIn(user.id)));
    } catch (error) {
      this.pageError.set(`Could not log in as ${user.firstname}: ${describe(error)}`);
      return;
    }
    await this.signIn();
  }

  protected switchUser(): Promise<void> {
    const next = this.nextUser();
    return next ? this.logIn(next) : Promise.resolve();
  }

  protected async signIn(): Promise<void> {
    // A failure shows up in the auth state, where the page renders it with a retry button.
    await this.auth.signIn().catch(() => undefined);
  }

  protected signOut(): Promise<void> {
    return this.auth.signOut().catch(() => undefined);
  }

  protected async logOut(): Promise<void> {
    await this.signOut();
    try {
      await firstValueFrom(this.api.logOut());
      this.sessionUser.set(null);
    } catch (error) {
      this.pageError.set(`Could not log out: ${describe(error)}`);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
