import { get } from './api-client';
import type { HostWindow } from './host-window';

/**
 * A department as `GET <apiUrl><projectid>/widgets` lists it (the fields the widget keeps).
 *
 * @example
 * ```ts
 * const department: Department = { _id: 'p1-default-department', name: 'Default Department' };
 * ```
 */
export interface Department {
  readonly _id: string;
  readonly name: string;
}

function departmentsOf(body: unknown): Department[] {
  const listed = (body as { departments?: unknown } | undefined)?.departments;
  if (!Array.isArray(listed)) return [];
  return listed.filter(
    (entry): entry is Department & { default?: unknown } =>
      typeof entry === 'object' && entry !== null && typeof (entry as { _id?: unknown })._id === 'string',
  );
}

/**
 * The department the widget selects at boot from its project's settings: the only one, else the
 * one marked `default`; undefined when the call fails (the widget then boots without one).
 *
 * @example
 * ```ts
 * const department = await loadDefaultDepartment(window, config.apiUrl, 'p1');
 * ```
 */
export async function loadDefaultDepartment(win: HostWindow, apiUrl: string, projectId: string): Promise<Department | undefined> {
  const { status, body } = await get(win, `${apiUrl}${encodeURIComponent(projectId)}/widgets`).response;
  if (status !== 200) return undefined;
  const departments = departmentsOf(body);
  const chosen =
    departments.length === 1 ? departments[0] : departments.find((department) => (department as { default?: unknown }).default === true);
  return chosen ? { _id: chosen._id, name: String(chosen.name) } : undefined;
}
