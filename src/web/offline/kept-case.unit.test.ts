/**
 * Kept cases on a device: the copy holds no field excluded from devices, and the offline search
 * finds a case by reference, name, department or place, accents and case ignored. Synthetic data.
 */
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../shared/api-identification.js';
import { keptAsView, keptCopy, searchKept, type KeptCase } from './kept-case.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function caseView(over: Partial<CaseView> & { names?: string[] } = {}): CaseView {
  const { names = ['Rosa Sintética Benítez'], ...rest } = over;
  return {
    id: uuid(1),
    reference: 'PY-2026-000123',
    ownerInstitution: { id: uuid(9), code: 'PNPTU', name: 'Policía Nacional' },
    ownerUnitId: null,
    detectionMethod: 'LabourInspection',
    detectedOn: '2026-03-14',
    detectionDepartment: 'PY-12',
    detectionCountry: 'PY',
    detectionPlace: 'Olería km 9',
    narrative: 'Relato reservado que no viaja',
    status: 'open',
    assignedUsers: [],
    persons: names.map((fullName, i) => ({
      personId: uuid(100 + i),
      role: 'PresumedVictim',
      fullName,
      sex: 'Female',
      birthYear: 2001,
      latestAssessment: 'possible_victim',
      currentStatus: null,
    })),
    screenings: [
      {
        id: uuid(200),
        personId: uuid(100),
        instrumentVersion: 1,
        factsDate: '2026-03-10',
        ageAtFacts: 25,
        child: 'no',
        act: true,
        means: true,
        purpose: true,
        indicatorCount: 3,
        assessment: 'presumed_victim',
        law4788: { assessment: 'offence', aggravating: ['means'] },
        flags: [],
        answers: { 'means.deception': { value: 'yes', note: 'Respuesta reservada' } },
        createdAt: '2026-03-14T10:00:00Z',
      },
    ],
    decisions: [
      {
        id: uuid(300),
        personId: uuid(100),
        status: 'PresumedVictimOfTrafficking',
        decisionOrgType: 'Police',
        institution: { id: uuid(9), code: 'PNPTU', name: 'Policía Nacional' },
        decidedBy: null,
        decidedOn: '2026-03-14',
        reason: 'Motivo legal reservado',
        screeningId: uuid(200),
        reviewsDecisionId: null,
        createdAt: '2026-03-14T11:00:00Z',
      },
    ],
    exploitation: [],
    events: [
      {
        id: uuid(400),
        personId: null,
        type: 'Recruitment',
        country: 'PY',
        department: 'PY-7',
        district: 'Encarnación',
        startDate: null,
        endDate: null,
        online: true,
        platforms: ['Facebook'],
      },
    ],
    shares: [
      {
        id: uuid(500),
        institution: { id: uuid(8), code: 'MINNA', name: 'MINNA' },
        reason: 'x',
        createdAt: '',
      },
    ],
    timeline: [
      { at: '2026-03-14T10:00:00Z', kind: 'case_created', actor: 'x', institutionCode: null, details: {} },
    ],
    permissions: ['case.update'],
    createdAt: '2026-03-14T10:00:00Z',
    version: 4,
    emergencyAccess: null,
    ...rest,
  } as CaseView;
}

describe('a kept case', () => {
  it('holds none of the fields excluded from devices, and reads back as a page with no actions', () => {
    const kept = keptCopy(caseView());
    const text = JSON.stringify(kept);
    for (const never of ['Relato reservado', 'Respuesta reservada', 'Motivo legal reservado', 'case_created'])
      expect(text).not.toContain(never);
    const view = keptAsView(kept);
    expect(view.narrative).toBeNull();
    expect(view.permissions).toEqual([]);
    expect(view.screenings[0]!.answers).toEqual({});
    expect(view.decisions[0]!.reason).toBe('');
    expect(view).toMatchObject({ reference: 'PY-2026-000123', version: 4, detectionPlace: 'Olería km 9' });
    expect(view.persons[0]!.fullName).toBe('Rosa Sintética Benítez');
    expect(view.events[0]!.platforms).toEqual(['Facebook']);
  });

  it('reads a copy kept before pages were as its summary', () => {
    const { page: _page, ...old } = keptCopy(caseView());
    const view = keptAsView(old);
    expect(view.persons).toEqual([]);
    expect(view.reference).toBe('PY-2026-000123');
  });
});

describe('searchKept', () => {
  const cases: KeptCase[] = [
    keptCopy(caseView()),
    keptCopy(
      caseView({
        id: uuid(2),
        reference: 'PY-2026-000456',
        detectionDepartment: 'PY-10',
        detectionPlace: 'Puesto fronterizo',
        names: ['Celeste Ñandú Ayala'],
        events: [],
      }),
    ),
  ];
  const found = (query: string) => searchKept(cases, query).map((c) => c.reference);

  it('finds a case by a person’s name, accents and case ignored, every word required', () => {
    expect(found('rosa')).toEqual(['PY-2026-000123']);
    expect(found('BENITEZ')).toEqual(['PY-2026-000123']);
    expect(found('nandu ayala')).toEqual(['PY-2026-000456']);
    expect(found('rosa ayala')).toEqual([]);
  });

  it('finds a case by its reference, whole or by its number', () => {
    expect(found('PY-2026-000456')).toEqual(['PY-2026-000456']);
    expect(found('456')).toEqual(['PY-2026-000456']);
    expect(found('2026')).toEqual(['PY-2026-000123', 'PY-2026-000456']);
  });

  it('finds a case by department (name or code), place, or an event’s district', () => {
    expect(found('Ñeembucú')).toEqual(['PY-2026-000123']);
    expect(found('alto parana')).toEqual(['PY-2026-000456']);
    expect(found('PY-10')).toEqual(['PY-2026-000456']);
    expect(found('puesto')).toEqual(['PY-2026-000456']);
    expect(found('encarnacion')).toEqual(['PY-2026-000123']);
    expect(found('itapua')).toEqual(['PY-2026-000123']);
  });

  it('returns every case for an empty query and none for an unknown word', () => {
    expect(found('  ')).toHaveLength(2);
    expect(found('Asunción')).toEqual([]);
    // Never by what is not kept: the narrative.
    expect(found('relato')).toEqual([]);
  });
});
