/** The person edit form's values and the changes they make to a record (only what changed). */
import type { PersonView } from '../../../shared/api-identification.js';

type Language = PersonView['languages'][number];

export interface PersonFormValues {
  givenNames: string;
  /** The given names are a pseudonym (the person gave no name). */
  pseudonym: boolean;
  firstSurname: string;
  secondSurname: string;
  /** Comma-separated in the form. */
  aliases: string;
  sex: string;
  gender: string;
  dateOfBirth: string;
  estimatedAge: string;
  ageApproximate: boolean;
  /** ISO codes, comma-separated in the form. */
  nationalities: string;
  documentType: string;
  documentNumber: string;
  languages: Language[];
  interpreterNeeded: boolean;
  indigenous: boolean;
  indigenousCommunity: string;
  disability: string;
  contact: string;
  residenceDepartment: string;
  residenceDistrict: string;
}

export function personFormValues(person: PersonView): PersonFormValues {
  return {
    givenNames: person.givenNames,
    pseudonym: person.pseudonym,
    firstSurname: person.firstSurname ?? '',
    secondSurname: person.secondSurname ?? '',
    aliases: person.aliases.join(', '),
    sex: person.sex,
    gender: person.gender ?? '',
    dateOfBirth: person.dateOfBirth ?? '',
    estimatedAge: person.estimatedAge === null ? '' : String(person.estimatedAge),
    ageApproximate: person.ageApproximate,
    nationalities: person.nationalities.join(', '),
    documentType: person.documentType ?? '',
    documentNumber: person.documentNumber ?? '',
    languages: [...person.languages],
    interpreterNeeded: person.interpreterNeeded,
    indigenous: person.indigenous,
    indigenousCommunity: person.indigenousCommunity ?? '',
    disability: person.disability ?? '',
    contact: person.contact ?? '',
    residenceDepartment: person.residenceDepartment ?? '',
    residenceDistrict: person.residenceDistrict ?? '',
  };
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const orNull = (value: string) => value.trim() || null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The update request body: every field whose value differs from the record. */
export function changedPersonFields(person: PersonView, values: PersonFormValues): Record<string, unknown> {
  const age = String(values.estimatedAge).trim(); // a number field may give a number
  const next: Record<string, unknown> = {
    givenNames: values.givenNames.trim(),
    pseudonym: values.pseudonym,
    firstSurname: orNull(values.firstSurname),
    secondSurname: orNull(values.secondSurname),
    aliases: list(values.aliases),
    sex: values.sex,
    gender: orNull(values.gender),
    dateOfBirth: orNull(values.dateOfBirth),
    estimatedAge: age === '' ? null : Number(age),
    ageApproximate: values.ageApproximate,
    nationalities: list(values.nationalities.toUpperCase()),
    documentType: orNull(values.documentType),
    documentNumber: orNull(values.documentNumber),
    languages: values.languages,
    interpreterNeeded: values.interpreterNeeded,
    indigenous: values.indigenous,
    indigenousCommunity: values.indigenous ? orNull(values.indigenousCommunity) : null,
    disability: orNull(values.disability),
    contact: orNull(values.contact),
    residenceDepartment: orNull(values.residenceDepartment),
    residenceDistrict: orNull(values.residenceDistrict),
  };
  const current = person as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => !same(value, current[key])));
}
