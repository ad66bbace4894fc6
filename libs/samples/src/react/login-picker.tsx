import type { DemoUser } from '../lib/demo-users';

interface LoginPickerProps {
  readonly users: readonly DemoUser[];
  readonly onPick: (user: DemoUser) => void;
  readonly disabled: boolean;
}

/**
 * The demo app's stand-in for a real login form: pick who you are.
 *
 * @example
 * ```tsx
 * <LoginPicker users={users} onPick={logInAs} disabled={busy} />
 * ```
 */
export function LoginPicker({ users, onPick, disabled }: LoginPickerProps) {
  return (
    <section className="card">
      <h2>Log in</h2>
      <p className="muted">This demo has no passwords. Choose an account:</p>
      <ul className="user-list">
        {users.map((user) => (
          <li key={user.id}>
            <button type="button" className="user-choice" data-testid={`login-${user.id}`} onClick={() => onPick(user)} disabled={disabled}>
              <span className="avatar" aria-hidden="true">
                {user.firstname.charAt(0)}
                {user.lastname.charAt(0)}
              </span>
              <span>
                <strong>
                  {user.firstname} {user.lastname}
                </strong>
                <span className="muted"> {user.email}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
