import type { CaseView } from '../../../shared/api-identification.js';

/** The name of a person of the case, for sections that only carry the person's id. */
export function personName(view: CaseView, personId: string | null): string | null {
  if (!personId) return null;
  return view.persons.find((person) => person.personId === personId)?.fullName ?? null;
}

/** Each person of the case once (a person may hold more than one role). */
export function distinctPersons(view: CaseView): { personId: string; fullName: string }[] {
  const seen = new Map<string, string>();
  for (const person of view.persons)
    if (!seen.has(person.personId)) seen.set(person.personId, person.fullName);
  return [...seen].map(([personId, fullName]) => ({ personId, fullName }));
}

/** The persons of the case as a select's options, after the empty choice `empty`. */
export function PersonOptions({ view, empty }: { view: CaseView; empty: string }) {
  return (
    <>
      <option value="">{empty}</option>
      {distinctPersons(view).map((person) => (
        <option key={person.personId} value={person.personId}>
          {person.fullName}
        </option>
      ))}
    </>
  );
}
