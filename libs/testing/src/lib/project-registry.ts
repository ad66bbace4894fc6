import { randomBytes, randomUUID } from 'node:crypto';
import { EmulatorError } from './emulator-error';
import type { CreateProjectOptions, EmulatorFault, EmulatorRoute, ProjectBehaviour } from './types';

/**
 * The emulator's view of one project: its secret and the faults queued against it.
 *
 * @example
 * ```ts
 * const { secret } = registry.get('p1');
 * ```
 */
export interface ProjectState {
  readonly id: string;
  secret: string;
  bootDelayMs: number | undefined;
  latencyMs: number | undefined;
  readonly faults: Map<EmulatorRoute, { status: number; remaining: number }>;
  readonly delays: Map<EmulatorRoute, { ms: number; remaining: number }>;
}

const ROUTES: readonly EmulatorRoute[] = ['widget', 'signinWithCustomToken', 'createCustomToken', 'events'];

/**
 * Throws unless `route` is one of the routes faults and delays can target.
 *
 * @example
 * ```ts
 * assertRoute('events');
 * ```
 */
export function assertRoute(route: unknown): asserts route is EmulatorRoute {
  if (!ROUTES.includes(route as EmulatorRoute)) {
    throw new EmulatorError('invalid-argument', `route must be one of ${ROUTES.join(', ')}; got ${JSON.stringify(route)}`);
  }
}

function assertMs(name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
    throw new EmulatorError('invalid-argument', `${name} must be a number of milliseconds >= 0; got ${JSON.stringify(value)}`);
  }
}

/**
 * Shortest project secret accepted: the same rule as `@tiledesk-auth/server`, which refuses to
 * sign with less. Tiledesk's own secrets are 36-character UUIDs (v4).
 *
 * @example
 * ```ts
 * if (secret.length < MIN_PROJECT_SECRET_LENGTH) throw new Error('too short');
 * ```
 */
export const MIN_PROJECT_SECRET_LENGTH = 16;

// A test that passes here with a secret the server package refuses would pass for nothing.
function assertSecret(secret: unknown): asserts secret is string {
  if (typeof secret !== 'string' || secret.trim() === '' || secret.length < MIN_PROJECT_SECRET_LENGTH) {
    // Never the value: it is a secret, or a typo of one.
    const got = typeof secret === 'string' ? `a ${secret.length}-character string` : `a ${secret === null ? 'null' : typeof secret}`;
    throw new EmulatorError(
      'invalid-argument',
      `project secret must be a string of at least ${MIN_PROJECT_SECRET_LENGTH} characters, not blank, as @tiledesk-auth/server requires ` +
        `(Tiledesk's are 36-character UUIDs; omit it for a random one); got ${got}`,
    );
  }
}

/**
 * Projects, their secrets and their pending faults. Faults are per project so that parallel tests,
 * each with its own project, never see each other's faults.
 *
 * @example
 * ```ts
 * const registry = new ProjectRegistry();
 * registry.create({ id: 'p1', secret: randomUUID() });
 * registry.takeFault('p1', 'events'); // undefined: no fault queued
 * ```
 */
export class ProjectRegistry {
  private readonly projects = new Map<string, ProjectState>();

  create(options: CreateProjectOptions = {}): ProjectState {
    const id = options.id ?? randomBytes(12).toString('hex');
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      throw new EmulatorError('invalid-argument', `project id must be 1-64 letters, digits, "_" or "-"; got ${JSON.stringify(id)}`);
    }
    if (this.projects.has(id)) throw new EmulatorError('duplicate-project', `project "${id}" already exists`);
    const secret = options.secret ?? randomUUID();
    assertSecret(secret);
    assertMs('bootDelayMs', options.bootDelayMs);
    assertMs('latencyMs', options.latencyMs);
    const project: ProjectState = {
      id,
      secret,
      bootDelayMs: options.bootDelayMs,
      latencyMs: options.latencyMs,
      faults: new Map(),
      delays: new Map(),
    };
    this.projects.set(id, project);
    return project;
  }

  find(id: string | undefined): ProjectState | undefined {
    return id === undefined ? undefined : this.projects.get(id);
  }

  get(id: string): ProjectState {
    const project = this.projects.get(id);
    if (!project) throw new EmulatorError('unknown-project', `no project "${id}" in this emulator; call createProject() first`);
    return project;
  }

  configure(id: string, behaviour: ProjectBehaviour): void {
    const project = this.get(id);
    assertMs('bootDelayMs', behaviour.bootDelayMs);
    assertMs('latencyMs', behaviour.latencyMs);
    if (behaviour.bootDelayMs !== undefined) project.bootDelayMs = behaviour.bootDelayMs;
    if (behaviour.latencyMs !== undefined) project.latencyMs = behaviour.latencyMs;
  }

  rotateSecret(id: string): string {
    const project = this.get(id);
    project.secret = randomUUID();
    return project.secret;
  }

  failNext(id: string, route: EmulatorRoute, fault: EmulatorFault): void {
    const project = this.get(id);
    assertRoute(route);
    const times = fault?.times ?? 1;
    if (!fault || !Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599) {
      throw new EmulatorError('invalid-argument', `fault.status must be an HTTP status (100-599); got ${JSON.stringify(fault?.status)}`);
    }
    if (!Number.isInteger(times) || times < 1) {
      throw new EmulatorError('invalid-argument', `fault.times must be an integer >= 1; got ${JSON.stringify(times)}`);
    }
    project.faults.set(route, { status: fault.status, remaining: times });
  }

  delayNext(id: string, route: EmulatorRoute, ms: number, times = 1): void {
    const project = this.get(id);
    assertRoute(route);
    assertMs('ms', ms);
    if (!Number.isInteger(times) || times < 1) {
      throw new EmulatorError('invalid-argument', `times must be an integer >= 1; got ${JSON.stringify(times)}`);
    }
    project.delays.set(route, { ms, remaining: times });
  }

  /** Consumes one pending fault of the route, if any. */
  takeFault(id: string | undefined, route: EmulatorRoute): number | undefined {
    return take(this.find(id)?.faults, route)?.status;
  }

  /** Consumes one pending delay of the route, if any. */
  takeDelay(id: string | undefined, route: EmulatorRoute): number {
    return take(this.find(id)?.delays, route)?.ms ?? 0;
  }

  /** Clears the faults and delays of one project, or of all. */
  clearFaults(projectId?: string): void {
    const projects = projectId === undefined ? [...this.projects.values()] : [this.get(projectId)];
    for (const project of projects) {
      project.faults.clear();
      project.delays.clear();
    }
  }
}

function take<T extends { remaining: number }>(map: Map<EmulatorRoute, T> | undefined, route: EmulatorRoute): T | undefined {
  const entry = map?.get(route);
  if (!entry) return undefined;
  entry.remaining -= 1;
  if (entry.remaining <= 0) map?.delete(route);
  return entry;
}
