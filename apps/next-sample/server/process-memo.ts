/**
 * One value per server process, kept on `globalThis` under `Symbol.for(name)`. Next.js bundles
 * `instrumentation.ts` and each route apart, each with its own copy of this module, so a plain
 * module-level variable would exist once per bundle; the global registry is shared by all of them.
 *
 * @example
 * ```ts
 * const revoked = processMemo('next-sample:revoked-sessions', () => new Map<string, number>());
 * ```
 */
export function processMemo<T>(name: string, create: () => T): T {
  const registry = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`@tiledesk-auth/${name}`);
  const existing = registry[key];
  if (existing !== undefined) return existing;
  const created = create();
  registry[key] = created;
  return created;
}
