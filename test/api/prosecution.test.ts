/**
 * Prosecution end to end: a prosecutor opens an investigation from a case shared with the
 * prosecutor's unit, adds a suspect, charges under Law 4788/2012, takes the defendant through the
 * stages to a conviction with a 96-month sentence; the stage rules refuse going backwards,
 * skipping, a sentence without a charge and dates out of order (4xx, nothing changed); suspects'
 * identity is encrypted at rest; every read and change is audited; the export holds no names.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, institutionId, storedRow } from '../helpers/factories.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { insertInvestigation, provisionId } from './prosecution-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const SUSPECT = {
  givenNames: 'Ramón Darío',
  surnames: 'Benítez Ojeda',
  aliases: ['El Tío'],
  documentNumber: '9876543',
  sex: 'Male',
  birthYear: 1979,
  nationality: 'PY',
  roles: ['RecruiterIntermediary', 'Exploiter'],
};

describe.skipIf(skipBackend)('prosecution', () => {
  const t = useTestContext();
  const [prosecutor, police] = useSessions(t, 'prosecutor@MP-UFETESI', 'case_worker@PNPTU');

  const stage = (inv: string, suspect: string, body: object) =>
    api(t, prosecutor, 'POST', `/api/investigations/${inv}/suspects/${suspect}/stages`, body);

  it('opens an investigation from a case and takes a defendant to a 96-month conviction', async () => {
    const caseId = await insertCase(t, 'PNPTU', ['MP-UFETESI']);
    const victimId = await insertLinkedPerson(t, caseId, 'PNPTU');
    const pnptu = await institutionId(t, 'PNPTU');
    const created = await api(t, prosecutor, 'POST', '/api/investigations', {
      reference: 'UFETESI 112/2026',
      openedOn: '2026-04-05',
      complaintOn: '2026-04-02',
      complaintSummary: 'Denuncia de captación por redes sociales (sintético)',
      department: 'PY-10',
      caseIds: [caseId],
      instructedInstitutionIds: [pnptu],
      ictPlatforms: ['Facebook', 'WhatsApp'],
      ictAccounts: 'perfil "trabajo.fácil.cde" (sintético)',
    });
    expect(created.statusCode).toBe(201);
    const inv = created.json();
    expect(inv.cases).toEqual([{ id: caseId, reference: expect.stringMatching(/^PY-2026-/) }]);
    expect(inv.instructed.map((i: { code: string }) => i.code)).toEqual(['PNPTU']);
    expect(inv.actions).toEqual([
      'addSuspect',
      'linkCase',
      'instruct',
      'recordCooperation',
      'recordOperation',
      'prosecute',
    ]);

    const added = await api(t, prosecutor, 'POST', `/api/investigations/${inv.id}/suspects`, SUSPECT);
    expect(added.statusCode).toBe(201);
    const suspect = added.json().suspects[0];
    expect(suspect).toMatchObject({
      givenNames: 'Ramón Darío',
      currentStage: null,
      nextStages: ['imputacion'],
    });

    const law = await provisionId(t, 'L4788-5');
    const charged = await api(
      t,
      prosecutor,
      'POST',
      `/api/investigations/${inv.id}/suspects/${suspect.id}/charges`,
      {
        provisionId: law,
        chargedOn: '2026-05-10',
      },
    );
    expect(charged.statusCode).toBe(201);
    expect(charged.json().suspects[0].charges[0]).toMatchObject({ provisionCode: 'L4788-5' });

    for (const [name, date] of [
      ['imputacion', '2026-05-10'],
      ['acusacion', '2026-09-01'],
      ['juicio_oral', '2026-10-15'],
      ['sentencia', '2026-11-02'],
    ] as const)
      expect((await stage(inv.id, suspect.id, { stage: name, occurredOn: date })).statusCode).toBe(201);

    const outcome = await api(
      t,
      prosecutor,
      'POST',
      `/api/investigations/${inv.id}/suspects/${suspect.id}/outcome`,
      {
        outcome: 'convicted',
        decidedOn: '2026-11-02',
        sentenceMonths: 96,
        suspended: false,
        restitutionAmount: 15000000,
      },
    );
    expect(outcome.statusCode).toBe(201);
    const convicted = outcome.json().suspects[0];
    expect(convicted.outcome).toEqual({
      outcome: 'convicted',
      decidedOn: '2026-11-02',
      sentenceMonths: 96,
      suspended: false,
      fineAmount: null,
      restitutionAmount: 15000000,
    });
    expect(convicted.stages.map((s: { stage: string }) => s.stage)).toEqual([
      'imputacion',
      'acusacion',
      'juicio_oral',
      'sentencia',
    ]);
    expect(convicted.nextStages).toEqual(['apelacion']);
    expect(convicted.mayRecordOutcome).toBe(false);

    // Operations by the instructed police, cooperation, a victim's participation.
    const raid = await api(t, police, 'POST', `/api/investigations/${inv.id}/operations`, {
      occurredOn: '2026-04-20',
      department: 'PY-10',
      place: 'Local nocturno sintético, km 7',
      personsArrested: 2,
      victimsRescued: 3,
    });
    expect(raid.statusCode).toBe(201);
    expect(raid.json().actions).toEqual(['recordOperation']);
    const mla = await api(t, prosecutor, 'POST', `/api/investigations/${inv.id}/cooperation`, {
      kind: 'mutual_legal_assistance',
      direction: 'outgoing',
      country: 'AR',
      requestedOn: '2026-06-01',
      grantedOn: '2026-08-01',
    });
    expect(mla.statusCode).toBe(201);
    const victim = await api(t, prosecutor, 'PUT', `/api/investigations/${inv.id}/victims`, {
      caseId,
      personId: victimId,
      witness: true,
      protectiveMeasures: ['identity_reserved', 'prior_testimony_recorded'],
      penalised: false,
    });
    expect(victim.statusCode).toBe(200);
    expect(victim.json().victims).toEqual([
      {
        caseId,
        personId: victimId,
        witness: true,
        protectiveMeasures: ['identity_reserved', 'prior_testimony_recorded'],
        penalised: false,
      },
    ]);

    // Suspects' identity and the free texts are ciphertext at rest.
    const stored = await storedRow(t, 'investigation_suspects', { id: suspect.id });
    for (const value of [stored.given_names, stored.surnames, stored.document_number, stored.aliases])
      expect(value).not.toMatch(/Ramón|Benítez|9876543|Tío/);

    // The export counts without names.
    const exported = await api(t, prosecutor, 'GET', '/api/investigations/export?openedFrom=2026-01-01');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toMatch(/Ramón|Benítez|9876543|trabajo\.fácil|km 7/);
    const defendant = exported
      .json()
      .defendants.find((d: { suspectId: string }) => d.suspectId === suspect.id);
    expect(defendant).toMatchObject({
      charges: ['L4788-5'],
      outcome: 'convicted',
      sentenceMonths: 96,
      birthYear: 1979,
    });
    const row = exported.json().investigations.find((i: { id: string }) => i.id === inv.id);
    expect(row).toMatchObject({ operations: 1, personsArrested: 2, victimsRescued: 3, complicity: false });

    // Audited: every change and read, with field names and never values.
    const actions = (await auditOf(t, prosecutor.user.id, 'success')).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'investigation.create',
        'investigation.addSuspect',
        'investigation.recordCharge',
        'investigation.recordStage',
        'investigation.recordOutcome',
        'investigation.recordCooperation',
        'investigation.recordVictimParticipation',
        'investigation.export',
      ]),
    );
    const read = await api(t, prosecutor, 'GET', `/api/investigations/${inv.id}`);
    expect(read.statusCode).toBe(200);
    const audit = await auditOf(t, prosecutor.user.id, 'success');
    expect(audit.at(-1)).toMatchObject({ action: 'investigation.read', resource_id: inv.id });
    expect(JSON.stringify(audit)).not.toMatch(/Ramón|Benítez|9876543/);
  });

  it('refuses a stage that goes backwards or skips, with 409, and changes nothing', async () => {
    const { investigationId, suspectId } = await insertInvestigation(t, 'MP-UFETESI', {
      charged: true,
      stages: ['imputacion', 'acusacion'],
    });
    for (const body of [
      { stage: 'imputacion', occurredOn: '2026-04-01' },
      { stage: 'apelacion', occurredOn: '2026-04-01' },
    ]) {
      const res = await stage(investigationId, suspectId, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('invalid_stage_transition');
    }
    const fresh = await insertInvestigation(t, 'MP-UFETESI', { charged: true });
    const skip = await stage(fresh.investigationId, fresh.suspectId, {
      stage: 'sentencia',
      occurredOn: '2026-04-01',
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toMatch(/no retroceden ni se saltan/);
    const view = await api(t, prosecutor, 'GET', `/api/investigations/${investigationId}`);
    expect(view.json().suspects[0].stages).toHaveLength(2);
  });

  it('lets only one of two concurrent stage changes of a defendant through', async () => {
    const { investigationId, suspectId } = await insertInvestigation(t, 'MP-UFETESI', { charged: true });
    const [a, b] = await Promise.all([
      stage(investigationId, suspectId, { stage: 'imputacion', occurredOn: '2026-04-01' }),
      stage(investigationId, suspectId, { stage: 'imputacion', occurredOn: '2026-04-02' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const rows = await t.services.db.transaction((trx) =>
      trx.selectFrom('procedural_stages').select('seq').where('suspect_id', '=', suspectId).execute(),
    );
    expect(rows).toEqual([{ seq: 1 }]);
  });

  it('refuses a sentence without a charge, with a message that says to record the charge first', async () => {
    const { investigationId, suspectId } = await insertInvestigation(t, 'MP-UFETESI', {
      stages: ['imputacion', 'acusacion', 'juicio_oral'],
    });
    const res = await api(
      t,
      prosecutor,
      'POST',
      `/api/investigations/${investigationId}/suspects/${suspectId}/stages`,
      { stage: 'sentencia', occurredOn: '2026-06-01' },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'sentence_without_charge',
      message: expect.stringMatching(/Record the charge first/),
    });
    const outcome = await api(
      t,
      prosecutor,
      'POST',
      `/api/investigations/${investigationId}/suspects/${suspectId}/outcome`,
      {
        outcome: 'convicted',
        decidedOn: '2026-06-01',
        sentenceMonths: 96,
      },
    );
    expect(outcome.statusCode).toBe(409);
    expect(outcome.json().error.code).toBe('outcome_needs_sentence');
    const count = await t.services.db.transaction((trx) =>
      trx.selectFrom('procedural_stages').select('id').where('suspect_id', '=', suspectId).execute(),
    );
    expect(count).toHaveLength(3);
  });

  it('refuses dates before the previous stage, and outcomes that do not fit', async () => {
    const { investigationId, suspectId } = await insertInvestigation(t, 'MP-UFETESI', {
      charged: true,
      stages: ['imputacion', 'acusacion', 'juicio_oral', 'sentencia'],
    });
    const early = await stage(investigationId, suspectId, { stage: 'apelacion', occurredOn: '2026-03-02' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('stage_date_before_previous');
    const url = `/api/investigations/${investigationId}/suspects/${suspectId}/outcome`;
    const noMonths = await api(t, prosecutor, 'POST', url, { outcome: 'convicted', decidedOn: '2026-03-05' });
    expect(noMonths.statusCode).toBe(400);
    expect(noMonths.json().error.issues[0].path).toBe('body.sentenceMonths');
    const before = await api(t, prosecutor, 'POST', url, {
      outcome: 'convicted',
      decidedOn: '2026-03-01',
      sentenceMonths: 24,
    });
    expect(before.json().error.code).toBe('outcome_date_before_stage');
    const ok = await api(t, prosecutor, 'POST', url, { outcome: 'acquitted', decidedOn: '2026-03-04' });
    expect(ok.statusCode).toBe(201);
    const again = await api(t, prosecutor, 'POST', url, {
      outcome: 'convicted',
      decidedOn: '2026-03-04',
      sentenceMonths: 24,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('outcome_already_recorded');
  });

  it('ends at a sobreseimiento with a dismissal, after which nothing follows', async () => {
    const { investigationId, suspectId } = await insertInvestigation(t, 'MP-UFETESI', {
      stages: ['imputacion'],
    });
    expect(
      (await stage(investigationId, suspectId, { stage: 'sobreseimiento', occurredOn: '2026-05-01' }))
        .statusCode,
    ).toBe(201);
    const url = `/api/investigations/${investigationId}/suspects/${suspectId}/outcome`;
    const res = await api(t, prosecutor, 'POST', url, { outcome: 'dismissed', decidedOn: '2026-05-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json().suspects[0]).toMatchObject({ currentStage: 'sobreseimiento', nextStages: [] });
    expect(
      (await stage(investigationId, suspectId, { stage: 'acusacion', occurredOn: '2026-06-01' })).statusCode,
    ).toBe(409);
  });

  it('refuses a duplicate file number, an unknown provision, and a case the prosecutor may not read', async () => {
    const body = { reference: 'UFETESI 7/2026', openedOn: '2026-04-05' };
    expect((await api(t, prosecutor, 'POST', '/api/investigations', body)).statusCode).toBe(201);
    const dup = await api(t, prosecutor, 'POST', '/api/investigations', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('investigation_reference_taken');
    const hidden = await insertCase(t, 'MINNA');
    const res = await api(t, prosecutor, 'POST', '/api/investigations', {
      ...body,
      reference: 'UFETESI 8/2026',
      caseIds: [hidden],
    });
    expect(res.statusCode).toBe(404);
    const list = await api(t, prosecutor, 'GET', '/api/investigations?reference=UFETESI%208');
    expect(list.json().total).toBe(0);
    const { investigationId, suspectId } = await insertInvestigation(t, 'MP-UFETESI');
    const charge = await api(
      t,
      prosecutor,
      'POST',
      `/api/investigations/${investigationId}/suspects/${suspectId}/charges`,
      {
        provisionId: '00000000-0000-4000-8000-000000000000',
        chargedOn: '2026-05-01',
      },
    );
    expect(charge.statusCode).toBe(400);
    expect(charge.json().error.code).toBe('unknown_provision');
  });

  it('lists the legal-provision catalogue with three languages and unconfirmed articles flagged', async () => {
    const res = await api(t, police, 'GET', '/api/legal-provisions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{
      code: string;
      articleUnconfirmed: boolean;
      label: Record<string, string>;
    }>;
    expect(items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['L4788-5', 'L4788-6', 'CP-129', 'CP-129B', 'CP-129C', 'CP-139']),
    );
    expect(items.find((i) => i.code === 'L4788-5')).toMatchObject({ articleUnconfirmed: true });
    expect(items.find((i) => i.code === 'CP-129B')!.label.en).toMatch(/sexual exploitation/);
  });
});
