/**
 * A case kept on the device for offline work (docs/OFFLINE.md, "What is on the device"): the copy
 * made from the case page the server showed this user (so it holds only what the user may see
 * online — the same need-to-know rules), minus every field whose sensitivity label is excluded from
 * devices (`keptOnDevices`, src/shared/sensitivity.ts), minus what is not field work (the timeline,
 * the shares and their reasons, free-text details). It lives encrypted in the vault; it is read,
 * shown and searched only in memory, after the vault is opened — there is no index in clear.
 */
import type { CaseView } from '../../shared/api-identification.js';
import type { CaseNoteView } from '../../shared/api-notes.js';
import { keptOnDevices, labelKeptOnDevices } from '../../shared/sensitivity.js';
import { departmentName } from '../departments.js';

/** The case page's content as kept on a device (a `CaseView` without what devices may not hold). */
export type KeptPage = Pick<
  CaseView,
  | 'ownerInstitution'
  | 'detectionMethod'
  | 'detectedOn'
  | 'detectionCountry'
  | 'assignedUsers'
  | 'persons'
  | 'screenings'
  | 'decisions'
  | 'exploitation'
  | 'events'
  | 'createdAt'
>;

export interface KeptCase {
  id: string;
  reference: string;
  /** The version the copy (and an edit made offline on it) stands on. */
  version: number;
  status: CaseView['status'];
  detectionDepartment: string | null;
  detectionPlace: string | null;
  persons: Array<{ fullName: string; role: string }>;
  keptAt: string;
  /** The rest of the case page; absent in copies kept before it was (they show the summary only). */
  page?: KeptPage;
  /** The case's notes, newest first, without those whose label is excluded from devices. */
  notes?: KeptNote[];
}

/** A note of a kept case, as the device keeps it (encrypted with the case). */
export type KeptNote = Pick<
  CaseNoteView,
  'id' | 'text' | 'author' | 'institutionCode' | 'createdAt' | 'madeOfflineAt'
>;

/** The notes a device may keep: readable by the user, and with no label excluded from devices. */
export function notesForDevice(notes: readonly CaseNoteView[]): KeptNote[] {
  return notes
    .filter((n) => !n.masked && n.text !== null && labelKeptOnDevices(n.sensitivity))
    .map(({ id, text, author, institutionCode, createdAt, madeOfflineAt }) => ({
      id,
      text,
      author,
      institutionCode,
      createdAt,
      madeOfflineAt,
    }));
}

/** The device's copy of a case page: only the fields devices may hold (`keptOnDevices`). */
export function keptCopy(view: CaseView, keptAt: string = new Date().toISOString()): KeptCase {
  const identity = keptOnDevices('givenNames');
  const persons = identity
    ? view.persons.map((p) => ({
        ...p,
        sex: keptOnDevices('sex') ? p.sex : 'Unknown',
        birthYear: keptOnDevices('age') ? p.birthYear : null,
      }))
    : [];
  return {
    id: view.id,
    reference: view.reference,
    version: view.version,
    status: view.status,
    detectionDepartment: view.detectionDepartment,
    detectionPlace: keptOnDevices('detectionPlace') ? view.detectionPlace : null,
    persons: persons.map((p) => ({ fullName: p.fullName, role: p.role })),
    keptAt,
    page: {
      ownerInstitution: view.ownerInstitution,
      detectionMethod: view.detectionMethod,
      detectedOn: view.detectedOn,
      detectionCountry: view.detectionCountry,
      assignedUsers: view.assignedUsers,
      persons,
      screenings: view.screenings.map((s) => ({
        ...s,
        answers: keptOnDevices('screeningAnswers') ? s.answers : {},
      })),
      decisions: view.decisions.map((d) => ({
        ...d,
        reason: keptOnDevices('decisionReason') ? d.reason : '',
      })),
      exploitation: view.exploitation,
      events: view.events,
      createdAt: view.createdAt,
    },
  };
}

/**
 * The kept copy as a read-only case page (no actions: `permissions` is empty), for the case page's
 * own sections. The fields never kept are empty; a copy kept before pages were (no `page`) shows its
 * summary only.
 */
export function keptAsView(kept: KeptCase): CaseView {
  const page = kept.page;
  return {
    id: kept.id,
    reference: kept.reference,
    ownerInstitution: page?.ownerInstitution ?? { id: '', code: '', name: '' },
    ownerUnitId: null,
    detectionMethod: page?.detectionMethod ?? 'Other',
    detectedOn: page?.detectedOn ?? '',
    detectionDepartment: kept.detectionDepartment,
    detectionCountry: page?.detectionCountry ?? 'PY',
    detectionPlace: kept.detectionPlace,
    narrative: null,
    status: kept.status,
    assignedUsers: page?.assignedUsers ?? [],
    persons: page?.persons ?? [],
    screenings: page?.screenings ?? [],
    decisions: page?.decisions ?? [],
    exploitation: page?.exploitation ?? [],
    events: page?.events ?? [],
    shares: [],
    timeline: [],
    permissions: [],
    createdAt: page?.createdAt ?? kept.keptAt,
    version: kept.version,
    emergencyAccess: null,
  };
}

/** Lower case, without accents, apostrophes as spaces: "Ñeembucú" and "neembucu" compare equal. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What a kept case is found by: reference, persons' names, department (code and name), place. */
function searchableText(kept: KeptCase): string {
  const names = (kept.page?.persons ?? kept.persons).map((p) => p.fullName);
  const places = [
    kept.detectionPlace,
    ...(kept.page?.events ?? []).flatMap((e) => [e.district, e.department && departmentName(e.department)]),
  ];
  return foldForSearch(
    [
      kept.reference,
      ...names,
      kept.detectionDepartment,
      kept.detectionDepartment && departmentName(kept.detectionDepartment),
      ...places,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/**
 * The kept cases that match every word of `query`, in the given order: a word matches the start of
 * a word of the case's reference, persons' names, department (code or name) or places, and a number
 * matches anywhere in one ("123" finds PY-2026-000123); accents and case are ignored. An empty query
 * matches all. Runs over the decrypted copies in memory: nothing is indexed on the device.
 */
export function searchKept(cases: readonly KeptCase[], query: string): KeptCase[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...cases];
  return cases.filter((kept) => {
    const haystack = searchableText(kept).split(' ');
    return words.every((word) =>
      /^\d+$/.test(word)
        ? haystack.some((part) => part.includes(word))
        : haystack.some((part) => part.startsWith(word)),
    );
  });
}
