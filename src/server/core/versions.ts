/**
 * Record versions (docs/OFFLINE.md, "Versions and conflicts"). A case or a person carries `version`,
 * raised by one at every change, and `field_versions`: the version that last changed each field.
 * An edit made against version N (`baseVersion`, typically made offline) meets a record now at N+k:
 * a field someone else changed after N, to a value other than the edit's, is a conflict, and the
 * whole edit is refused (409 `version_conflict`, the fields as issues) — never a silent
 * last-write-wins. Fields nobody else touched merge. The person resolves field by field and sends
 * the edit again against the version they have now seen.
 */
import { AppError, errors } from './errors.js';

export interface Versioned {
  version: number;
  field_versions: Record<string, number> | string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function fieldVersionsOf(row: Versioned): Record<string, number> {
  return typeof row.field_versions === 'string'
    ? (JSON.parse(row.field_versions) as Record<string, number>)
    : row.field_versions;
}

/**
 * Refuses an edit made against `baseVersion` when a field it changes was changed by someone else
 * after that version to a different value. `requested` and `current` map API field names to values.
 */
export function refuseConflicts(
  row: Versioned,
  baseVersion: number | undefined,
  requested: Record<string, unknown>,
  current: Record<string, unknown>,
): void {
  if (baseVersion === undefined || baseVersion === row.version) return;
  if (baseVersion > row.version) throw errors.badRequest('version_unknown');
  const changedAt = fieldVersionsOf(row);
  const conflicts = Object.keys(requested).filter(
    (field) => (changedAt[field] ?? 1) > baseVersion && !same(requested[field], current[field]),
  );
  if (conflicts.length > 0)
    throw new AppError(
      'version_conflict',
      409,
      {},
      {
        issues: conflicts.map((path) => ({ path, message: 'field_changed_meanwhile' })),
      },
    );
}

/** The columns that record a change of `fields`: the next version, and it as those fields' version. */
export function nextVersion(row: Versioned, fields: readonly string[]) {
  const version = row.version + 1;
  const fieldVersions = { ...fieldVersionsOf(row) };
  for (const field of fields) fieldVersions[field] = version;
  return { version, field_versions: JSON.stringify(fieldVersions) };
}
