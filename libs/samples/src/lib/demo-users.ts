/**
 * A user of the demo app (its own login, not Tiledesk's), as `GET /api/demo-users` lists them.
 *
 * @example
 * ```ts
 * const ada: DemoUser = { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' };
 * ```
 */
export interface DemoUser {
  readonly id: string;
  readonly email: string;
  readonly firstname: string;
  readonly lastname: string;
}

/**
 * The three demo users, in the order every sample lists them (docs/contracts.md): ada, grace, alan.
 * Frozen, as the servers hand this one array to every request; marked pure, so that a browser
 * bundle, which never uses it, drops it.
 *
 * @example
 * ```ts
 * DEMO_USERS.map((user) => user.id); // ['ada', 'grace', 'alan']
 * ```
 */
export const DEMO_USERS: readonly DemoUser[] = /* @__PURE__ */ Object.freeze([
  { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' },
  { id: 'grace', email: 'grace@example.com', firstname: 'Grace', lastname: 'Hopper' },
  { id: 'alan', email: 'alan@example.com', firstname: 'Alan', lastname: 'Turing' },
]);

/**
 * The demo user with this id, or `undefined` (anything that is not a known id's string).
 *
 * @example
 * ```ts
 * findDemoUser('grace')?.lastname; // 'Hopper'
 * ```
 */
export function findDemoUser(id: unknown): DemoUser | undefined {
  return typeof id === 'string' ? DEMO_USERS.find((user) => user.id === id) : undefined;
}
