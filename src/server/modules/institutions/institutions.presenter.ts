/** The institution a row names, as the views show it (the row joined it with `INSTITUTION_CODE_AND_NAME`). */

/** The columns of a row that names its institution. */
export interface InstitutionNamedRow {
  institution_id: string;
  institution_code: string;
  institution_name: string;
}

export function presentInstitution(row: InstitutionNamedRow): { id: string; code: string; name: string } {
  return { id: row.institution_id, code: row.institution_code, name: row.institution_name };
}
