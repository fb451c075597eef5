/** The institutions catalogue (every role may list it), read once through the query cache. */
import { listInstitutions } from '../../shared/contracts/institutions.js';
import { useApiQuery } from '../queries.js';

export function useInstitutions() {
  return useApiQuery(listInstitutions, {});
}

/** The institutions as a select's options ("CODE — Name"), after an empty choice when given. */
export function InstitutionOptions({ empty, exclude = [] }: { empty?: string; exclude?: readonly string[] }) {
  const institutions = useInstitutions().data?.items ?? [];
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {institutions
        .filter((institution) => !exclude.includes(institution.id))
        .map((institution) => (
          <option key={institution.id} value={institution.id}>
            {institution.code} — {institution.name}
          </option>
        ))}
    </>
  );
}
