/**
 * FEBRL benchmark files (../shared/data/linkage relative to the repository root): records as
 * LinkPerson with the entity of each (`rec-<N>`) as ground truth.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LinkPerson } from '../../src/server/linkage-engine/record.js';

/** The shared data folder, from the repository root (where the bench is run). */
export const DATA_DIR = resolve(process.cwd(), '../shared/data/linkage');

export interface Labelled {
  records: LinkPerson[];
  entities: string[];
}

/** Reads one FEBRL file; `source` names the data set side (4a, 4b) or the whole set. */
export function readFebrl(file: string, source: string): Labelled {
  const lines = readFileSync(resolve(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const records: LinkPerson[] = [];
  const entities: string[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split(',').map((x) => x.trim());
    const [recId, given, surname, streetNumber, address1, , suburb, postcode, state, dob, ssn] = f;
    const dobText =
      dob && /^\d{8}$/.test(dob) ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6, 8)}` : null;
    records.push({
      id: recId!,
      source,
      givenNames: given ?? '',
      firstSurname: surname || null,
      dateOfBirth: dobText,
      documentNumber: ssn || null,
      department: state || null,
      district: suburb || null,
      postcode: postcode || null,
      address: [streetNumber, address1].filter(Boolean).join(' ') || null,
    });
    entities.push(/rec-(\d+)/.exec(recId!)![1]!);
  }
  return { records, entities };
}
