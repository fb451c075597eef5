/**
 * The kind of record an audit row names is one of `AUDIT_RESOURCE_TYPES` (the audit page says each
 * in the reader's language), also for a refusal whose code named no record: its kind comes from its
 * action (`linkage.run` → `linkage_run`), never from the action's prefix (`linkage`).
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_RESOURCE_TYPES } from '../../src/shared/actions.js';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('audit kinds of record', () => {
  const t = useTestContext();
  const [worker] = useSessions(t, 'case_worker@PNPTU');

  it('names a refused action by the kind it is about, and every row by a kind of the list', async () => {
    expect((await api(t, worker, 'POST', '/api/linkage/runs')).statusCode).toBe(403);
    expect((await api(t, worker, 'GET', '/api/audit-events')).statusCode).toBe(403);
    expect((await api(t, worker, 'GET', '/api/cases')).statusCode).toBe(200);
    const denied = await auditOf(t, worker.user.id, 'denied');
    expect(denied.map((row) => [row.action, row.resource_type])).toEqual([
      ['linkage.run', 'linkage_run'],
      ['audit.list', 'audit_event'],
    ]);
    const rows = await auditOf(t, worker.user.id);
    for (const row of rows)
      if (row.resource_type !== null) expect(AUDIT_RESOURCE_TYPES).toContain(row.resource_type);
  });
});
