import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { CHAT_STATUS_SUMMARY, type DemoUser } from '@samples/kit';
import { TiledeskAuthService, type TiledeskAuthError, type TiledeskUser } from '@tiledesk-auth/angular';
import { firstValueFrom } from 'rxjs';
import { BOOT_DATA } from './boot-data';
import { TokenServerApi } from './token-server-api';

/**
 * The support page: the demo app's own login, and the visitor's Tiledesk session. The status comes
 * from `state$` through the async pipe; the user and the controls read the signals.
 *
 * @example
 * ```ts
 * bootstrapApplication(App, appConfig(boot));
 * ```
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
  /** An action of this page is under way. */
  protected readonly busy = signal(false);
  protected readonly working = computed(() => this.busy() || this.auth.state().status === 'signing-in');
  protected readonly summaries = CHAT_STATUS_SUMMARY;
  /** Who "Switch to …" logs in as: the demo users take turns, and after the last comes the first. */
  protected readonly nextUser = computed(() => {
    const current = this.sessionUser();
    const index = current ? this.users.findIndex((user) => user.id === current.id) : -1;
    return this.users[(index + 1) % this.users.length] ?? null;
  });

  protected displayName(user: TiledeskUser): string {
    return user.fullName ?? ([user.firstname, user.lastname].filter(Boolean).join(' ') || '—');
  }

  /** The error's message, and what `getToken` or the widget said when there is such a cause. */
  protected errorDetail(error: TiledeskAuthError): string {
    return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  }

  protected logIn(user: DemoUser): Promise<void> {
    return this.run(async () => {
      try {
        this.sessionUser.set(await firstValueFrom(this.api.logIn(user.id)));
      } catch (error) {
        this.pageError.set(`Could not log in as ${user.firstname}: ${describe(error)}`);
        return;
      }
      await this.auth.signIn();
    });
  }

  protected switchUser(): Promise<void> {
    const next = this.nextUser();
    return next ? this.logIn(next) : Promise.resolve();
  }

  protected signIn(): Promise<void> {
    return this.run(() => this.auth.signIn());
  }

  /** Without a demo session there is no token to ask for: retrying means loading the widget again. */
  protected retry(): Promise<void> {
    return this.run(() => (this.sessionUser() ? this.auth.signIn() : this.auth.load()));
  }

  protected signOut(): Promise<void> {
    return this.run(() => this.auth.signOut());
  }

  protected logOut(): Promise<void> {
    return this.run(async () => {
      await this.auth.signOut();
      try {
        await firstValueFrom(this.api.logOut());
        this.sessionUser.set(null);
      } catch (error) {
        this.pageError.set(`Could not log out: ${describe(error)}`);
      }
    });
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.pageError.set(null);
    this.busy.set(true);
    try {
      await action();
    } catch {
      // Tiledesk failures are in the auth state, where the page shows them with a retry button.
    } finally {
      this.busy.set(false);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
