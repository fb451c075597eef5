import { describe, expect, it } from 'vitest';
import type { PersonView } from '../../../shared/api-identification.js';
import { changedPersonFields, personFormValues } from './person-form.js';

// Synthetic record only.
const person: PersonView = {
  id: '0b6f3f64-7d8e-4f4a-9c55-2f0a8f1b2c3d',
  givenNames: 'Rosa Elena',
  firstSurname: 'Benítez',
  secondSurname: null,
  aliases: [],
  pseudonym: false,
  sex: 'Female',
  gender: null,
  dateOfBirth: null,
  birthYear: 2009,
  estimatedAge: 16,
  ageApproximate: true,
  nationalities: ['PY'],
  documentType: null,
  documentNumber: null,
  languages: ['gn', 'es'],
  interpreterNeeded: false,
  indigenous: false,
  indigenousCommunity: null,
  disability: null,
  contact: null,
  residenceDepartment: 'PY-2',
  residenceDistrict: null,
  ownerInstitution: { id: '1b6f3f64-7d8e-4f4a-9c55-2f0a8f1b2c3d', code: 'PNPTU', name: 'Policía' },
  cases: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  masked: [],
  emergencyAccess: null,
  permissions: ['person.update'],
};

describe('person edit form', () => {
  it('sends nothing when nothing changed', () => {
    expect(changedPersonFields(person, personFormValues(person))).toEqual({});
  });

  it('sends only the changed fields, normalised', () => {
    const values = {
      ...personFormValues(person),
      secondSurname: ' Ortiz ',
      nationalities: 'py, br',
      estimatedAge: '',
      residenceDepartment: '',
    };
    expect(changedPersonFields(person, values)).toEqual({
      secondSurname: 'Ortiz',
      nationalities: ['PY', 'BR'],
      estimatedAge: null,
      residenceDepartment: null,
    });
  });
});
