/**
 * Paraguay's capital district and 17 departments with their ISO 3166-2:PY codes, in the standard's
 * order. The names are proper nouns and read the same in every language of the app.
 */
export const PY_DEPARTMENTS = [
  { code: 'PY-ASU', name: 'Asunción' },
  { code: 'PY-1', name: 'Concepción' },
  { code: 'PY-2', name: 'San Pedro' },
  { code: 'PY-3', name: 'Cordillera' },
  { code: 'PY-4', name: 'Guairá' },
  { code: 'PY-5', name: 'Caaguazú' },
  { code: 'PY-6', name: 'Caazapá' },
  { code: 'PY-7', name: 'Itapúa' },
  { code: 'PY-8', name: 'Misiones' },
  { code: 'PY-9', name: 'Paraguarí' },
  { code: 'PY-10', name: 'Alto Paraná' },
  { code: 'PY-11', name: 'Central' },
  { code: 'PY-12', name: 'Ñeembucú' },
  { code: 'PY-13', name: 'Amambay' },
  { code: 'PY-14', name: 'Canindeyú' },
  { code: 'PY-15', name: 'Presidente Hayes' },
  { code: 'PY-16', name: 'Alto Paraguay' },
  { code: 'PY-19', name: 'Boquerón' },
] as const;

export type DepartmentCode = (typeof PY_DEPARTMENTS)[number]['code'];

/** The department's name for a code, or the code itself if it is not one of the 18. */
export function departmentName(code: string): string {
  return PY_DEPARTMENTS.find((department) => department.code === code)?.name ?? code;
}
