/**
 * A demo account of the sample token server.
 *
 * @example
 * ```ts
 * const ada: DemoUser = DEMO_USERS[0];
 * ```
 */
export interface DemoUser {
  id: string;
  email: string;
  firstname: string;
  lastname: string;
}

/**
 * The three demo users the samples offer (contract: ada, grace, alan, in that order).
 *
 * @example
 * ```ts
 * DEMO_USERS.map((u) => u.id); // ['ada', 'grace', 'alan']
 * ```
 */
export const DEMO_USERS: readonly DemoUser[] = Object.freeze([
  { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' },
  { id: 'grace', email: 'grace@example.com', firstname: 'Grace', lastname: 'Hopper' },
  { id: 'alan', email: 'alan@example.com', firstname: 'Alan', lastname: 'Turing' },
]);

/**
 * The demo user with this id, or `undefined`.
 *
 * @example
 * ```ts
 * findDemoUser('grace')?.lastname; // 'Hopper'
 * ```
 */
export function findDemoUser(id: unknown): DemoUser | undefined {
  return typeof id === 'string' ? DEMO_USERS.find((user) => user.id === id) : undefined;
}
