/**
 * Sensitivity labels on a person's page (src/shared/sensitivity.ts): a field whose label the
 * reader's role does not need comes masked (null, and named in `masked`); a reveal with a stated
 * purpose shows it and is audited with the fields' names and the purpose, never the value. Synthetic data.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, buildPerson } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const CONTACT = 'ficticia.reveal@example.test +595 981 000 111';
const DISABILITY = 'Baja visión (dato ficticio)';

describe.skipIf(skipBackend)('persons: masked fields and their audited reveal', () => {
  const t = useTestContext();
  const [worker, prosecutor, outsider] = useSessions(
    t,
    'case_worker@PNPTU',
    'prosecutor@PNPTU',
    'prosecutor@MINMUJER',
  );
  let person: { id: string };
  beforeAll(async () => {
    person = await buildPerson(t, worker, {
      givenNames: 'Revelina',
      firstSurname: 'Máscara',
      contact: CONTACT,
      disability: DISABILITY,
      residenceDepartment: 'PY-11',
    });
  });

  it('sends health and contact to the case worker, and masks them for a prosecutor', async () => {
    const own = (await api(t, worker, 'GET', `/api/persons/${person.id}`)).json();
    expect(own).toMatchObject({ contact: CONTACT, disability: DISABILITY, masked: [] });
    const res = await api(t, prosecutor, 'GET', `/api/persons/${person.id}`);
    expect(res.statusCode).toBe(200);
    const seen = res.json();
    expect(seen).toMatchObject({ contact: null, disability: null, residenceDepartment: 'PY-11' });
    expect(seen.masked).toEqual(['contact', 'disability']);
    expect(res.body).not.toContain('981 000 111');
    expect(res.body).not.toContain('Baja visión');
  });

  it('reveals a masked field for a stated purpose, audited with its name and purpose only', async () => {
    const res = await api(t, prosecutor, 'POST', `/api/persons/${person.id}/reveal`, {
      fields: ['contact'],
      purpose: 'investigation',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ values: [{ field: 'contact', value: CONTACT }] });
    const reveals = (await auditOf(t, prosecutor.user.id)).filter((r) => r.action === 'person.reveal');
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({
      resource_type: 'person',
      resource_id: person.id,
      purpose: 'investigation',
      outcome: 'success',
      changed_fields: ['contact'],
    });
    const raw = await t.services.db.transaction((trx) =>
      sql<{ row: string }>`select row_to_json(a)::text as row from audit_events a
        where action = 'person.reveal'`.execute(trx),
    );
    expect(raw.rows.map((r) => r.row).join('\n')).not.toContain('981 000 111');
  });

  it('refuses a reveal without a purpose, of a field not masked, or of a person out of scope', async () => {
    const before = (await auditOf(t, prosecutor.user.id)).filter((r) => r.action === 'person.reveal');
    const noPurpose = await api(t, prosecutor, 'POST', `/api/persons/${person.id}/reveal`, {
      fields: ['disability'],
    });
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().error.code).toBe('validation_failed');
    const notMasked = await api(t, worker, 'POST', `/api/persons/${person.id}/reveal`, {
      fields: ['contact'],
      purpose: 'case_management',
    });
    expect(notMasked.statusCode).toBe(400);
    expect(notMasked.json().error.code).toBe('field_not_masked');
    const hidden = await api(t, outsider, 'POST', `/api/persons/${person.id}/reveal`, {
      fields: ['contact'],
      purpose: 'investigation',
    });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('981 000 111');
    const after = (await auditOf(t, prosecutor.user.id)).filter((r) => r.action === 'person.reveal');
    expect(after).toHaveLength(before.length);
  });
});
