import type { EmulatorRequest } from './types';

const MAX_ENTRIES = 5000;
const JWT_LIKE = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/**
 * A request path fit for the log: no query string, and anything shaped like a JWT redacted, in case
 * a caller put a token where it does not belong.
 *
 * @example
 * ```ts
 * loggablePath('/api/x?token=abc'); // '/api/x'
 * ```
 */
export function loggablePath(path: string): string {
  return path.split('?')[0].replace(JWT_LIKE, '[redacted]');
}

/**
 * The requests the emulator answered, newest last. Only method, route, path (no query string),
 * status, project and times are kept: never a header or a body, so never a token.
 *
 * @example
 * ```ts
 * log.add({ method: 'POST', route: 'events', path: '/api/p1/events', status: 200, projectId: 'p1', startedAt, endedAt });
 * log.list('p1');
 * ```
 */
export class RequestLog {
  private entries: EmulatorRequest[] = [];

  add(entry: EmulatorRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(projectId?: string): EmulatorRequest[] {
    const selected = projectId === undefined ? this.entries : this.entries.filter((entry) => entry.projectId === projectId);
    return selected.map((entry) => ({ ...entry }));
  }

  /** Forgets the entries of one project, or all. */
  clear(projectId?: string): void {
    this.entries = projectId === undefined ? [] : this.entries.filter((entry) => entry.projectId !== projectId);
  }
}
