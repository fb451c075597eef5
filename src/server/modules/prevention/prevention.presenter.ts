/**
 * Prevention rows → API objects. Trainings, campaigns and the action plan are institutional data;
 * a hotline contact's summary is decrypted only for the single-contact view.
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import {
  PARTICIPANT_SEXES,
  type CampaignView,
  type HotlineContactSummary,
  type ProgressEntry,
  type TrainingSummary,
  type TrainingView,
} from '../../../shared/api-prevention.js';
import type { CampaignTable, HotlineContactTable, TrainingEventTable } from '../../db/schema.js';
import { presentInstitution, type InstitutionNamedRow } from '../institutions/institutions.presenter.js';

type Ref = { id: string; code: string; name: string };
type Summary = z.input<typeof TrainingSummary>;
type View = z.input<typeof TrainingView>;

/** Rows as the repositories read them: the table's columns but bookkeeping, with the institution's name. */
export type TrainingRow = Omit<Selectable<TrainingEventTable>, 'created_by' | 'created_at' | 'updated_at'> &
  InstitutionNamedRow;
export type CampaignRow = Omit<Selectable<CampaignTable>, 'created_by' | 'created_at'> & InstitutionNamedRow;
export type HotlineRow = Omit<
  Selectable<HotlineContactTable>,
  'unit_id' | 'summary' | 'recorded_by' | 'created_at' | 'erased_at'
> &
  InstitutionNamedRow;

export interface Cell {
  institution_id: string | null;
  sex: string;
  count: number;
}

/** Dates may come back as Date objects (pg) or strings (PGlite): always YYYY-MM-DD. */
export function isoDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
const isoDateOrNull = (value: unknown) => (value === null || value === undefined ? null : isoDate(value));

/** Totals over participant cells: everyone, and per sex (every sex present, zero if none). */
export function totalsOf(cells: ReadonlyArray<{ sex: string; count: number }>) {
  const bySex = Object.fromEntries(PARTICIPANT_SEXES.map((sex) => [sex, 0])) as Record<
    (typeof PARTICIPANT_SEXES)[number],
    number
  >;
  let total = 0;
  for (const cell of cells) {
    const count = Number(cell.count);
    total += count;
    if (cell.sex in bySex) bySex[cell.sex as keyof typeof bySex] += count;
  }
  return { total, bySex };
}

export function presentTrainingSummary(row: TrainingRow, cells: readonly Cell[]): Summary {
  return {
    id: row.id,
    institution: presentInstitution(row),
    title: row.title,
    kind: row.kind as Summary['kind'],
    heldOn: isoDate(row.held_on),
    endsOn: isoDateOrNull(row.ends_on),
    modality: row.modality as Summary['modality'],
    department: row.department as Summary['department'],
    topics: row.topics as Summary['topics'],
    participants: totalsOf(cells),
  };
}

export function presentTraining(
  row: TrainingRow,
  cells: readonly Cell[],
  refs: ReadonlyMap<string, Ref>,
  canRecord: boolean,
): View {
  const refOf = (id: string | null) => (id ? (refs.get(id) ?? null) : null);
  const groups = new Map<string | null, Cell[]>();
  for (const cell of cells)
    groups.set(cell.institution_id, [...(groups.get(cell.institution_id) ?? []), cell]);
  return {
    ...presentTrainingSummary(row, cells),
    unitId: row.unit_id,
    place: row.place,
    audience: row.audience_institution_ids.flatMap((id) => (refs.get(id) ? [refs.get(id)!] : [])),
    grid: cells.map((c) => ({
      institution: refOf(c.institution_id),
      sex: c.sex as View['grid'][number]['sex'],
      count: c.count,
    })),
    byInstitution: [...groups.entries()]
      .map(([id, group]) => ({ institution: refOf(id), ...totalsOf(group) }))
      .sort((a, b) => (a.institution?.code ?? '~').localeCompare(b.institution?.code ?? '~')),
    canRecord,
  };
}

export function presentCampaign(row: CampaignRow): z.input<typeof CampaignView> {
  type C = z.input<typeof CampaignView>;
  return {
    id: row.id,
    institution: presentInstitution(row),
    title: row.title,
    channels: row.channels as C['channels'],
    startsOn: isoDate(row.starts_on),
    endsOn: isoDateOrNull(row.ends_on),
    departments: row.departments as C['departments'],
    languages: row.languages as C['languages'],
    reach: row.reach,
    reachBasis: row.reach_basis,
    partners: row.partners,
  };
}

export function presentHotlineSummary(row: HotlineRow): z.input<typeof HotlineContactSummary> {
  type H = z.input<typeof HotlineContactSummary>;
  return {
    id: row.id,
    institution: presentInstitution(row),
    receivedOn: isoDate(row.received_on),
    channel: row.channel as H['channel'],
    topic: row.topic as H['topic'],
    exploitationType: row.exploitation_type as H['exploitationType'],
    department: row.department as H['department'],
    childInvolved: row.child_involved,
    caseId: row.case_id,
  };
}

export interface ProgressRow extends InstitutionNamedRow {
  id: string;
  action_id: string;
  period: string;
  value: string | number;
  note: string | null;
  recorded_by_name: string | null;
  created_at: Date | string;
}

export function presentProgress(row: ProgressRow): z.input<typeof ProgressEntry> {
  return {
    id: row.id,
    period: row.period,
    value: Number(row.value),
    note: row.note,
    institution: presentInstitution(row),
    recordedBy: row.recorded_by_name,
    recordedAt: new Date(row.created_at).toISOString(),
  };
}
