/**
 * Prevention end to end: a training with its participant grid and the totals, campaigns, hotline
 * contacts (encrypted summary, institution scope, opening a case once), and the action plan with
 * its seeded example structure and progress history.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, institutionId, rowCount, storedRow } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const TRAINING = {
  title: 'Taller regional sobre identificación de víctimas',
  kind: 'Workshop',
  heldOn: '2026-05-12',
  modality: 'in_person',
  department: 'PY-7',
  place: 'Gobernación de Itapúa',
  topics: ['VictimIdentification', 'Referral'],
};

describe.skipIf(skipBackend)('prevention', () => {
  const t = useTestContext();
  const [police, policeAdmin, women, analyst, mesaAdmin] = useSessions(
    t,
    'case_worker@PNPTU',
    'institution_admin@PNPTU',
    'case_worker@MINMUJER',
    'analyst@MESA',
    'institution_admin@MESA',
  );
  let ids: Record<'PNPTU' | 'MINMUJER' | 'MINNA', string>;
  beforeAll(async () => {
    ids = {
      PNPTU: await institutionId(t, 'PNPTU'),
      MINMUJER: await institutionId(t, 'MINMUJER'),
      MINNA: await institutionId(t, 'MINNA'),
    };
  });

  it('records a training, its participants in bulk, and reports the totals by sex and institution', async () => {
    const created = await api(t, police, 'POST', '/api/prevention/trainings', {
      ...TRAINING,
      audienceInstitutionIds: [ids.PNPTU, ids.MINNA],
    });
    expect(created.statusCode).toBe(201);
    const training = created.json();
    expect(training.institution.code).toBe('PNPTU');
    expect(training.audience.map((i: { code: string }) => i.code).sort()).toEqual(['MINNA', 'PNPTU']);
    expect(training.participants).toEqual({ total: 0, bySex: { Female: 0, Male: 0, Unspecified: 0 } });

    const grid = {
      participants: [
        { institutionId: ids.PNPTU, sex: 'Female', count: 12 },
        { institutionId: ids.PNPTU, sex: 'Male', count: 30 },
        { institutionId: ids.MINNA, sex: 'Female', count: 8 },
        { institutionId: null, sex: 'Unspecified', count: 5 },
        { institutionId: ids.MINNA, sex: 'Male', count: 0 },
      ],
    };
    const recorded = await api(
      t,
      policeAdmin,
      'PUT',
      `/api/prevention/trainings/${training.id}/participants`,
      grid,
    );
    expect(recorded.statusCode).toBe(200);
    const view = recorded.json();
    expect(view.participants).toEqual({ total: 55, bySex: { Female: 20, Male: 30, Unspecified: 5 } });
    const byCode = Object.fromEntries(
      view.byInstitution.map((row: { institution: { code: string } | null; total: number }) => [
        row.institution?.code ?? 'other',
        row.total,
      ]),
    );
    expect(byCode).toEqual({ PNPTU: 42, MINNA: 8, other: 5 });

    // The grid is replaced, not added to: entering it again gives the same totals.
    const again = await api(t, police, 'PUT', `/api/prevention/trainings/${training.id}/participants`, grid);
    expect(again.json().participants.total).toBe(55);

    // Analysts of the Mesa read every institution's trainings, with totals over the filter.
    const list = await api(t, analyst, 'GET', `/api/prevention/trainings?from=2026-05-01&to=2026-05-31`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(training.id);
    expect(list.json().participants.total).toBeGreaterThanOrEqual(55);
    const read = await api(t, analyst, 'GET', `/api/prevention/trainings/${training.id}`);
    expect(read.json().canRecord).toBe(false);
    const audit = await auditOf(t, analyst.user.id, 'success');
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['training.list', 'training.read']));
  });

  it('refuses another institution’s grid, and bad grids, without changing anything', async () => {
    const training = (await api(t, police, 'POST', '/api/prevention/trainings', TRAINING)).json();
    const cell = { institutionId: ids.PNPTU, sex: 'Female', count: 3 };
    const other = await api(t, women, 'PUT', `/api/prevention/trainings/${training.id}/participants`, {
      participants: [cell],
    });
    expect(other.statusCode).toBe(403);
    const duplicate = await api(t, police, 'PUT', `/api/prevention/trainings/${training.id}/participants`, {
      participants: [cell, { ...cell, count: 4 }],
    });
    expect(duplicate.statusCode).toBe(400);
    const negative = await api(t, police, 'PUT', `/api/prevention/trainings/${training.id}/participants`, {
      participants: [{ ...cell, count: -1 }],
    });
    expect(negative.statusCode).toBe(400);
    const unknown = await api(t, police, 'PUT', `/api/prevention/trainings/${training.id}/participants`, {
      participants: [{ ...cell, institutionId: crypto.randomUUID() }],
    });
    expect(unknown.json().error.code).toBe('unknown_institution');
    const view = await api(t, police, 'GET', `/api/prevention/trainings/${training.id}`);
    expect(view.json().participants.total).toBe(0);
    const noDepartment = await api(t, police, 'POST', '/api/prevention/trainings', {
      ...TRAINING,
      department: null,
    });
    expect(noDepartment.statusCode).toBe(400);
    expect(JSON.stringify(noDepartment.json().error.issues)).toContain('body.department');
  });

  it('records campaigns and sums their reach over the period', async () => {
    const before = (
      await api(t, analyst, 'GET', '/api/prevention/campaigns?from=2026-07-01&to=2026-07-31')
    ).json();
    const res = await api(t, women, 'POST', '/api/prevention/campaigns', {
      title: 'Campaña de la línea de denuncia',
      channels: ['Radio', 'SocialMedia'],
      startsOn: '2026-06-15',
      endsOn: '2026-08-15',
      languages: ['es', 'gn'],
      reach: 120000,
      reachBasis: 'Audiencia estimada de las radios',
    });
    expect(res.statusCode).toBe(201);
    await api(t, women, 'POST', '/api/prevention/campaigns', {
      title: 'Campaña anterior',
      channels: ['Leaflets'],
      startsOn: '2026-01-01',
      endsOn: '2026-02-01',
      reach: 999,
    });
    const after = (
      await api(t, analyst, 'GET', '/api/prevention/campaigns?from=2026-07-01&to=2026-07-31')
    ).json();
    expect(after.total).toBe(before.total + 1);
    expect(after.reach).toBe(before.reach + 120000);
    const wrongDates = await api(t, women, 'POST', '/api/prevention/campaigns', {
      title: 'Fechas al revés',
      channels: ['Radio'],
      startsOn: '2026-06-15',
      endsOn: '2026-06-01',
    });
    expect(wrongDates.statusCode).toBe(400);
  });

  it('keeps a hotline contact’s report encrypted and within its institution, and opens one case from it', async () => {
    const summary = 'Llamada anónima: una adolescente trabajaría sin paga en una casa de Encarnación';
    const res = await api(t, women, 'POST', '/api/prevention/hotline-contacts', {
      receivedOn: '2026-06-02',
      channel: 'Phone',
      topic: 'PossibleTrafficking',
      exploitationType: 'Servitude',
      department: 'PY-7',
      childInvolved: true,
      summary,
    });
    expect(res.statusCode).toBe(201);
    const contact = res.json();
    expect(contact.summary).toBe(summary);
    expect(contact.canOpenCase).toBe(true);

    const stored = await storedRow(t, 'hotline_contacts', { id: contact.id }, ['summary']);
    expect(stored.summary).not.toContain('adolescente');

    const list = (await api(t, women, 'GET', '/api/prevention/hotline-contacts')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(contact.id);
    expect(JSON.stringify(list)).not.toContain('adolescente');
    const policeList = (await api(t, police, 'GET', '/api/prevention/hotline-contacts')).json();
    expect(policeList.items.map((i: { id: string }) => i.id)).not.toContain(contact.id);
    const hidden = await api(t, police, 'GET', `/api/prevention/hotline-contacts/${contact.id}`);
    expect(hidden.statusCode).toBe(404);
    const hiddenOpen = await api(
      t,
      police,
      'POST',
      `/api/prevention/hotline-contacts/${contact.id}/case`,
      {},
    );
    expect(hiddenOpen.statusCode).toBe(404);

    const cases = await rowCount(t, 'cases');
    const opened = await api(t, women, 'POST', `/api/prevention/hotline-contacts/${contact.id}/case`, {});
    expect(opened.statusCode).toBe(201);
    const { case: kase, contact: linked } = opened.json();
    expect(kase.detectionMethod).toBe('Hotline');
    expect(kase.detectedOn).toBe('2026-06-02');
    expect(kase.narrative).toBe(summary);
    expect(kase.ownerInstitution.code).toBe('MINMUJER');
    expect(linked.caseId).toBe(kase.id);
    expect(linked.caseReference).toBe(kase.reference);
    expect(linked.canOpenCase).toBe(false);
    expect(await rowCount(t, 'cases')).toBe(cases + 1);

    const twice = await api(t, women, 'POST', `/api/prevention/hotline-contacts/${contact.id}/case`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('hotline_case_already_opened');
    expect(await rowCount(t, 'cases')).toBe(cases + 1);
    const actions = (await auditOf(t, women.user.id, 'success')).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['hotline.record', 'hotline.list', 'case.create', 'hotline.openCase']),
    );
  });

  it('serves the seeded example plan; the Mesa edits it and responsible institutions report progress', async () => {
    const plan = (await api(t, police, 'GET', '/api/action-plan')).json();
    expect(plan.description).toContain('DATOS DE EJEMPLO');
    expect(plan.canEdit).toBe(false);
    const actions = plan.objectives.flatMap((o: { actions: unknown[] }) => o.actions);
    expect(actions.length).toBeGreaterThanOrEqual(9);
    const policeAction = actions.find(
      (a: { responsible: { code: string } }) => a.responsible.code === 'PNPTU',
    );
    const otherAction = actions.find(
      (a: { responsible: { code: string } }) => a.responsible.code === 'MTESS',
    );
    expect(policeAction.canReport).toBe(true);
    expect(otherAction.canReport).toBe(false);

    const first = await api(t, police, 'POST', `/api/action-plan/actions/${policeAction.id}/progress`, {
      period: '2026-Q1',
      value: 120,
      note: 'Cursos en Asunción y Encarnación',
    });
    expect(first.statusCode).toBe(201);
    await api(t, police, 'POST', `/api/action-plan/actions/${policeAction.id}/progress`, {
      period: '2026-Q2',
      value: 260,
    });
    const history = (await api(t, analyst, 'GET', `/api/action-plan/actions/${policeAction.id}`)).json();
    expect(history.latest.value).toBe(260);
    expect(history.history.map((h: { period: string }) => h.period)).toEqual(['2026-Q2', '2026-Q1']);

    const refused = await api(t, police, 'POST', `/api/action-plan/actions/${otherAction.id}/progress`, {
      period: '2026',
      value: 1,
    });
    expect(refused.statusCode).toBe(403);
    const badPeriod = await api(t, police, 'POST', `/api/action-plan/actions/${policeAction.id}/progress`, {
      period: '2026-Q5',
      value: 1,
    });
    expect(badPeriod.statusCode).toBe(400);

    const action = {
      objectiveId: plan.objectives[0].id,
      code: '1.9',
      title: 'Capacitar a docentes en prevención',
      responsibleInstitutionId: ids.MINNA,
      indicator: 'Docentes capacitados',
      unit: 'personas',
      target: 300,
    };
    const added = await api(t, mesaAdmin, 'POST', '/api/action-plan/actions', action);
    expect(added.statusCode).toBe(201);
    // Another action under the same code.
    const clash = await api(t, mesaAdmin, 'POST', '/api/action-plan/actions', {
      ...action,
      title: 'Otra acción con el mismo código',
      indicator: 'Otra',
      unit: 'x',
      target: 1,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('action_plan_code_taken');
    const objective = await api(t, mesaAdmin, 'POST', '/api/action-plan/objectives', {
      code: 'OE5',
      title: 'Cooperación internacional',
    });
    expect(objective.statusCode).toBe(201);
    const withObjective = (await api(t, analyst, 'GET', '/api/action-plan')).json();
    expect(withObjective.objectives.at(-1)).toMatchObject({ code: 'OE5', actions: [] });
    const sameCode = await api(t, mesaAdmin, 'POST', '/api/action-plan/objectives', {
      code: 'OE5',
      title: 'Otra vez',
    });
    expect(sameCode.statusCode).toBe(409);
    const changed = await api(t, mesaAdmin, 'PATCH', `/api/action-plan/actions/${added.json().id}`, {
      target: 350,
    });
    expect(changed.json().target).toBe(350);
    const notMesa = await api(t, policeAdmin, 'PATCH', `/api/action-plan/actions/${added.json().id}`, {
      target: 1,
    });
    expect(notMesa.statusCode).toBe(403);
  });
});
